package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeries;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pyramid's aggregates against a brute-force scan of the same bars. */
class CandlePyramidTest {

    private static final SeriesKey KEY = SeriesKey.of("TEST", Timeframe.ONE_MINUTE);

    @Test
    void anyRangeAggregatesExactlyLikeABruteForceScan() {
        SplittableRandom random = new SplittableRandom(1);
        IndicatorSeries series = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 4096);
        CandlePyramid pyramid = new CandlePyramid(series);
        appendRandomBars(series, pyramid, random, 3000, true);

        CandleAggregate fast = new CandleAggregate();
        for (int trial = 0; trial < 5000; trial++) {
            long from = random.nextLong(series.size());
            long to = from + 1 + random.nextLong(series.size() - from);
            pyramid.aggregate(from, to, fast);
            assertSameAggregate(fast, bruteForce(series, from, to), from, to, 0);
        }
    }

    @Test
    void everyBlockOfEveryLevelIsItsBarsAggregate() {
        SplittableRandom random = new SplittableRandom(2);
        IndicatorSeries series = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 1024);
        CandlePyramid pyramid = new CandlePyramid(series);
        appendRandomBars(series, pyramid, random, 1000, true);

        CandleAggregate block = new CandleAggregate();
        for (int level = 0; level <= 10; level++) {
            for (long b = 0; (b << level) < series.size(); b++) {
                long from = b << level;
                long to = Math.min((b + 1) << level, series.size());
                pyramid.aggregate(from, to, block);
                assertSameAggregate(block, bruteForce(series, from, to), from, to, 0);
            }
        }
    }

    @Test
    void staysExactAcrossFormingBarUpdatesAndRingWrapAround() {
        SplittableRandom random = new SplittableRandom(3);
        IndicatorSeries series = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 256);
        CandlePyramid pyramid = new CandlePyramid(series);
        CandleAggregate fast = new CandleAggregate();
        double price = 100;
        for (int bar = 0; bar < 2000; bar++) {
            long time = bar * 60_000L;
            int ticks = 1 + random.nextInt(4);
            for (int tick = 0; tick < ticks; tick++) {
                price = Math.max(1, price + random.nextDouble(-1, 1));
                double open = price;
                double close = Math.max(1, price + random.nextDouble(-1, 1));
                double high = Math.max(open, close) + random.nextDouble(2);
                double low = Math.max(0.5, Math.min(open, close) - random.nextDouble(2));
                double volume = random.nextInt(10_000);
                if (tick == ticks - 1 && random.nextBoolean()) {
                    series.append(time, open, high, low, close, volume);
                } else {
                    series.update(time, open, high, low, close, volume);
                }
                pyramid.barChanged(series.size() - 1);
            }
            if (bar % 37 == 0) {
                long first = series.firstIndex();
                for (int trial = 0; trial < 50; trial++) {
                    long from = first + random.nextLong(series.size() - first);
                    long to = from + 1 + random.nextLong(series.size() - from);
                    pyramid.aggregate(from, to, fast);
                    assertSameAggregate(fast, bruteForce(series, from, to), from, to, 0);
                }
            }
        }
        assertThat(series.firstIndex()).as("the ring wrapped").isPositive();
        long first = series.firstIndex();
        long blockEnd = Math.min(((first >> 8) + 1) << 8, series.size());
        pyramid.aggregate(first, blockEnd, fast);
        assertSameAggregate(fast, bruteForce(series, first, blockEnd), first, blockEnd, 0);
    }

    @Test
    void rebuildAfterABulkLoadLargerThanTheRingMatchesBruteForce() {
        SplittableRandom random = new SplittableRandom(4);
        IndicatorSeries series = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 512);
        CandlePyramid pyramid = new CandlePyramid(series);
        appendRandomBars(series, null, random, 1300, true);
        pyramid.rebuild();

        CandleAggregate fast = new CandleAggregate();
        long first = series.firstIndex();
        for (int trial = 0; trial < 2000; trial++) {
            long from = first + random.nextLong(series.size() - first);
            long to = from + 1 + random.nextLong(series.size() - from);
            pyramid.aggregate(from, to, fast);
            assertSameAggregate(fast, bruteForce(series, from, to), from, to, 0);
        }
    }

    @Test
    void fractionalVolumesAgreeWithASequentialSumToRounding() {
        SplittableRandom random = new SplittableRandom(5);
        IndicatorSeries series = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 2048);
        CandlePyramid pyramid = new CandlePyramid(series);
        appendRandomBars(series, pyramid, random, 2000, false);

        CandleAggregate fast = new CandleAggregate();
        for (int trial = 0; trial < 2000; trial++) {
            long from = random.nextLong(series.size());
            long to = from + 1 + random.nextLong(series.size() - from);
            pyramid.aggregate(from, to, fast);
            assertSameAggregate(fast, bruteForce(series, from, to), from, to, 1e-12);
        }
    }

    @Test
    void rangesOutsideTheRetainedBarsAreRefused() {
        IndicatorSeries series = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 64);
        CandlePyramid pyramid = new CandlePyramid(series);
        appendRandomBars(series, pyramid, new SplittableRandom(6), 100, true);
        CandleAggregate out = new CandleAggregate();
        assertThatThrownBy(() -> pyramid.aggregate(0, 10, out)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> pyramid.aggregate(90, 101, out)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> pyramid.aggregate(50, 50, out)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** Appends random valid bars, keeping {@code pyramid} current unless it is null. */
    static void appendRandomBars(IndicatorSeries series, CandlePyramid pyramid, SplittableRandom random, int count,
            boolean integralVolumes) {
        double price = 50 + random.nextDouble(100);
        long start = series.size() == 0 ? 0 : series.time(series.size() - 1) + 60_000;
        for (int i = 0; i < count; i++) {
            double open = price;
            double close = Math.max(1, open * (1 + random.nextDouble(-0.02, 0.02)));
            double high = Math.max(open, close) * (1 + random.nextDouble(0.01));
            double low = Math.min(open, close) * (1 - random.nextDouble(0.01));
            double volume = integralVolumes ? random.nextInt(1_000_000) : random.nextDouble(1e6) / 7;
            series.append(start + i * 60_000L, open, high, low, close, volume);
            if (pyramid != null) {
                pyramid.barChanged(series.size() - 1);
            }
            price = close;
        }
    }

    static CandleAggregate bruteForce(IndicatorSeries series, long from, long to) {
        CandleAggregate expected = new CandleAggregate();
        expected.firstIndex = from;
        expected.lastIndex = to - 1;
        expected.firstTime = series.time(from);
        expected.lastTime = series.time(to - 1);
        expected.open = series.open(from);
        expected.close = series.close(to - 1);
        expected.high = Double.NEGATIVE_INFINITY;
        expected.low = Double.POSITIVE_INFINITY;
        for (long i = from; i < to; i++) {
            expected.high = Math.max(expected.high, series.high(i));
            expected.low = Math.min(expected.low, series.low(i));
            expected.volume += series.volume(i);
        }
        return expected;
    }

    static void assertSameAggregate(CandleAggregate actual, CandleAggregate expected, long from, long to,
            double volumeTolerance) {
        String range = "bars [" + from + ", " + to + ")";
        assertThat(actual.firstIndex).as(range).isEqualTo(expected.firstIndex);
        assertThat(actual.lastIndex).as(range).isEqualTo(expected.lastIndex);
        assertThat(actual.firstTime).as(range).isEqualTo(expected.firstTime);
        assertThat(actual.lastTime).as(range).isEqualTo(expected.lastTime);
        assertThat(actual.open).as(range + " open").isEqualTo(expected.open);
        assertThat(actual.high).as(range + " high").isEqualTo(expected.high);
        assertThat(actual.low).as(range + " low").isEqualTo(expected.low);
        assertThat(actual.close).as(range + " close").isEqualTo(expected.close);
        if (volumeTolerance == 0) {
            assertThat(actual.volume).as(range + " volume").isEqualTo(expected.volume);
        } else {
            assertThat(actual.volume).as(range + " volume")
                    .isCloseTo(expected.volume, org.assertj.core.data.Offset.offset(expected.volume * volumeTolerance));
        }
    }
}
