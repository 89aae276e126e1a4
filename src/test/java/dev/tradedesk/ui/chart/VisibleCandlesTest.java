package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
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
        for (int i = 0; i < candles.count(); i++) {
            long from = i * barsPerCandle;
            long to = Math.min(from + barsPerCandle, bars.size());
            CandleAggregate expected = CandlePyramidTest.bruteForce((dev.tradedesk.core.IndicatorSeries) bars, from, to);
            assertThat(candles.open(i)).isEqualTo(expected.open);
            assertThat(candles.high(i)).isEqualTo(expected.high);
            assertThat(candles.low(i)).isEqualTo(expected.low);
            assertThat(candles.close(i)).isEqualTo(expected.close);
            assertThat(candles.volume(i)).isEqualTo(expected.volume);
            assertThat(candles.x(i)).isEqualTo((expected.firstTime + expected.lastTime) / 2000.0);
        }
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
    void theLevelIsTheSmallestPowerOfTwoThatFits() {
        assertThat(VisibleCandles.levelFor(500, 1000, 20)).isZero();
        assertThat(VisibleCandles.levelFor(501, 1000, 20)).isEqualTo(1);
        assertThat(VisibleCandles.levelFor(1000, 1000, 20)).isEqualTo(1);
        assertThat(VisibleCandles.levelFor(1001, 1000, 20)).isEqualTo(2);
        assertThat(VisibleCandles.levelFor(1_000_000, 1400, 20)).isEqualTo(11);
        assertThat(VisibleCandles.levelFor(1_000_000, 1400, 8)).as("capped at the pyramid's top").isEqualTo(8);
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
