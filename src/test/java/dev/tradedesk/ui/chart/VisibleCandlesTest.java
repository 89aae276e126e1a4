package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Level of detail: which candles a frame draws, and that merged ones are exact. */
class VisibleCandlesTest {

    private static final SeriesKey KEY = SeriesKey.of("TEST", Timeframe.ONE_MINUTE);

    @Test
    void fewVisibleBarsAreDrawnOneByOne() {
        ChartSeries series = ChartSeries.warmed(KEY, IndicatorParameters.DEFAULTS, 1 << 12, randomBars(3000, 1));
        VisibleCandles candles = new VisibleCandles();
        IndicatorSeriesView bars = series.view();
        ChartRange range = new ChartRange(bars.time(2700) - 30_000, bars.time(2899) + 30_000, false);

        candles.fill(series, range, 1000, true);

        assertThat(candles.barsPerCandle()).isEqualTo(1);
        assertThat(candles.count()).as("the 200 bars in view and one beyond each edge").isEqualTo(202);
        assertThat(candles.x(1)).isEqualTo(bars.time(2700) / 1000.0);
        assertThat(candles.close(1)).isEqualTo(bars.close(2700));
        assertThat(candles.upCount() + candles.downCount()).isEqualTo(candles.count());
    }

    @Test
    void denseBarsMergeIntoExactAggregatesThatFitThePlot() {
        BarColumns history = randomBars(100_000, 2);
        ChartSeries series = ChartSeries.warmed(KEY, IndicatorParameters.DEFAULTS, 1 << 17, history);
        VisibleCandles candles = new VisibleCandles();
        IndicatorSeriesView bars = series.view();
        ChartRange all = new ChartRange(bars.time(0), bars.time(99_999), true);
        double plotWidth = 1300;

        candles.fill(series, all, plotWidth, true);

        long barsPerCandle = candles.barsPerCandle();
        assertThat(candles.count()).isLessThanOrEqualTo((int) (plotWidth / VisibleCandles.MIN_PIXELS_PER_CANDLE));
        assertThat(candles.count()).isGreaterThan((int) (plotWidth / VisibleCandles.MIN_PIXELS_PER_CANDLE / 2) - 2);
        assertThat(barsPerCandle).isEqualTo(256);
        long firstBar = 0;
        for (int i = 0; i < candles.count(); i++) {
            long[] bucket = barsInBucketOf(bars, candles, i);
            assertThat(bucket[0]).as("candle %d starts where the one before ended", i).isEqualTo(firstBar);
            assertThat(bucket[1] - bucket[0]).as("no bar is missing, so a bucket is 256 bars")
                    .isEqualTo(i == 0 || i == candles.count() - 1 ? bucket[1] - bucket[0] : 256);
            assertExact(bars, candles, i, bucket[0], bucket[1]);
            firstBar = bucket[1];
        }
        assertThat(firstBar).as("every bar is in a candle").isEqualTo(bars.size());
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < history.size(); i++) {
            lowest = Math.min(lowest, history.low(i));
            highest = Math.max(highest, history.high(i));
        }
        assertThat(candles.lowest()).isEqualTo(lowest);
        assertThat(candles.highest()).isEqualTo(highest);
    }

    @Test
    void withoutLevelOfDetailEveryVisibleBarIsACandle() {
        ChartSeries series = ChartSeries.warmed(KEY, IndicatorParameters.DEFAULTS, 1 << 14, randomBars(10_000, 3));
        VisibleCandles candles = new VisibleCandles();
        IndicatorSeriesView bars = series.view();

        candles.fill(series, new ChartRange(bars.time(0), bars.time(9_999), true), 1300, false);

        assertThat(candles.barsPerCandle()).isEqualTo(1);
        assertThat(candles.count()).isEqualTo(10_000);
    }

    @Test
    void mergedCandlesNeverBridgeAClosedMarket() {
        // Five weeks of a stock market's minutes: 14:30-21:00 UTC on weekdays, nothing at night or weekends.
        BarColumns history = sessionBars(Instant.parse("2024-01-01T00:00:00Z"), 35, 4);
        ChartSeries series = ChartSeries.warmed(KEY, IndicatorParameters.DEFAULTS, 1 << 14, history);
        IndicatorSeriesView bars = series.view();
        VisibleCandles candles = new VisibleCandles();

        candles.fill(series, new ChartRange(bars.time(0), bars.time(bars.size() - 1), true), 1000, true);

        assertThat(candles.barsPerCandle()).as("35 days of minutes on 500 candles").isEqualTo(128);
        long firstBar = 0;
        for (int i = 0; i < candles.count(); i++) {
            long[] bucket = barsInBucketOf(bars, candles, i);
            assertThat(bucket[1]).as("candle %d holds bars", i).isGreaterThan(bucket[0]);
            assertThat(bucket[0]).as("candle %d starts where the one before ended", i).isEqualTo(firstBar);
            assertThat(bars.time(bucket[1] - 1) - bars.time(bucket[0])).as("candle %d spans no night", i)
                    .isLessThan(128 * 60_000L);
            assertExact(bars, candles, i, bucket[0], bucket[1]);
            firstBar = bucket[1];
        }
        assertThat(firstBar).as("every bar is in a candle").isEqualTo(bars.size());
    }

    @Test
    void theLevelIsTheSmallestPowerOfTwoOfBarDurationsThatFits() {
        long minute = 60_000;
        assertThat(VisibleCandles.levelFor(500 * minute, minute, 500)).isZero();
        assertThat(VisibleCandles.levelFor(501 * minute, minute, 500)).isEqualTo(1);
        assertThat(VisibleCandles.levelFor(1000 * minute, minute, 500)).isEqualTo(1);
        assertThat(VisibleCandles.levelFor(1001 * minute, minute, 500)).isEqualTo(2);
        assertThat(VisibleCandles.levelFor(1_000_000 * minute, minute, 700)).isEqualTo(11);
        assertThat(VisibleCandles.levelFor(Long.MAX_VALUE, 1, 700)).as("capped").isEqualTo(40);
    }

    /** The bars {@code [from, to)} whose times fall in candle {@code i}'s bucket, found by a scan. */
    private static long[] barsInBucketOf(IndicatorSeriesView bars, VisibleCandles candles, int i) {
        long barMillis = bars.key().timeframe().millis();
        long bucketMillis = barMillis * candles.barsPerCandle();
        long start = Math.round(candles.x(i) * 1000) - (bucketMillis - barMillis) / 2;
        assertThat(Math.floorMod(start, bucketMillis)).as("candle %d is centred in an aligned bucket", i).isZero();
        long from = bars.firstIndex();
        while (from < bars.size() && bars.time(from) < start) {
            from++;
        }
        long to = from;
        while (to < bars.size() && bars.time(to) < start + bucketMillis) {
            to++;
        }
        return new long[] {from, to};
    }

    private static void assertExact(IndicatorSeriesView bars, VisibleCandles candles, int i, long from, long to) {
        CandleAggregate expected = CandlePyramidTest.bruteForce((dev.tradedesk.core.IndicatorSeries) bars, from, to);
        assertThat(candles.open(i)).as("open of candle %d", i).isEqualTo(expected.open);
        assertThat(candles.high(i)).as("high of candle %d", i).isEqualTo(expected.high);
        assertThat(candles.low(i)).as("low of candle %d", i).isEqualTo(expected.low);
        assertThat(candles.close(i)).as("close of candle %d", i).isEqualTo(expected.close);
        assertThat(candles.volume(i)).as("volume of candle %d", i).isEqualTo(expected.volume);
    }

    /** Random minute bars from 14:30 to 21:00 UTC on the weekdays of {@code days} days from {@code start}. */
    static BarColumns sessionBars(Instant start, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BarColumns bars = new BarColumns(days * 390);
        double price = 100;
        for (int day = 0; day < days; day++) {
            Instant midnight = start.plus(Duration.ofDays(day));
            DayOfWeek weekday = midnight.atZone(ZoneOffset.UTC).getDayOfWeek();
            if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                continue;
            }
            long open = midnight.plus(Duration.ofMinutes(14 * 60 + 30)).toEpochMilli();
            for (int minute = 0; minute < 390; minute++) {
                double close = Math.max(1, price * (1 + random.nextDouble(-0.01, 0.01)));
                bars.add(open + minute * 60_000L, price, Math.max(price, close) * 1.001, Math.min(price, close) * 0.999,
                        close, random.nextInt(100_000));
                price = close;
            }
        }
        return bars;
    }

    /** Random valid minute bars with integral volumes (so sums are exact in any order). */
    static BarColumns randomBars(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BarColumns bars = new BarColumns(count);
        double price = 100;
        for (int i = 0; i < count; i++) {
            double open = price;
            double close = Math.max(1, open * (1 + random.nextDouble(-0.01, 0.01)));
            double high = Math.max(open, close) * (1 + random.nextDouble(0.005));
            double low = Math.min(open, close) * (1 - random.nextDouble(0.005));
            bars.add(1_700_000_000_000L + i * 60_000L, open, high, low, close, random.nextInt(100_000));
            price = close;
        }
        return bars;
    }
}
