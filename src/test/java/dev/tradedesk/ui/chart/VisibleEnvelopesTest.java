package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The StochRSI pane's per-column extremes against a brute-force scan of each column's bars. */
class VisibleEnvelopesTest {

    private static final SeriesKey KEY = SeriesKey.of("TEST", Timeframe.ONE_MINUTE);

    private final ChartSeries series = ChartSeries.warmed(KEY, IndicatorParameters.DEFAULTS, 1 << 15,
            VisibleCandlesTest.randomBars(20_000, 9));
    private final IndicatorSeriesView bars = series.view();
    private final VisibleEnvelopes envelopes = new VisibleEnvelopes();

    @Test
    void everyColumnHoldsTheExactExtremesOfItsBars() {
        ChartRange range = new ChartRange(bars.time(3_000) + 20_000, bars.time(15_000) - 20_000, false);

        envelopes.fill(series, range, 700, true);

        assertThat(envelopes.isActive()).isTrue();
        // 12,000 bars on 700 pixels, 17.1 a pixel: aligned blocks of 16, one to two per pixel.
        assertThat(envelopes.columns()).isBetween(700, 2 * 700 + 2);
        assertThat(envelopes.firstBar(0)).as("the bar just left of the plot").isEqualTo(3_000);
        assertThat(envelopes.endBar(envelopes.columns() - 1)).as("up to the bar just right of it").isEqualTo(15_001);
        for (int c = 0; c < envelopes.columns(); c++) {
            if (c > 0) {
                assertThat(envelopes.firstBar(c)).as("columns are contiguous").isEqualTo(envelopes.endBar(c - 1));
            }
            long from = envelopes.firstBar(c);
            long to = envelopes.endBar(c);
            if (c > 0 && c < envelopes.columns() - 1) {
                assertThat(from % 16).as("column %d starts a block", c).isZero();
                assertThat(to - from).as("column %d is one block", c).isEqualTo(16);
            }
            assertThat(envelopes.x(c)).isEqualTo((bars.time(from) + bars.time(to - 1)) / 2000.0);
            assertColumn(c, VisibleEnvelopes.STOCH_K_MIN, extreme(Indicator.STOCH_K, from, to, false));
            assertColumn(c, VisibleEnvelopes.STOCH_K_MAX, extreme(Indicator.STOCH_K, from, to, true));
            assertColumn(c, VisibleEnvelopes.STOCH_D_MIN, extreme(Indicator.STOCH_D, from, to, false));
            assertColumn(c, VisibleEnvelopes.STOCH_D_MAX, extreme(Indicator.STOCH_D, from, to, true));
            assertColumn(c, VisibleEnvelopes.BAND_LOWER_MIN, extreme(Indicator.BAND_LOWER, from, to, false));
            assertColumn(c, VisibleEnvelopes.BAND_UPPER_MAX, extreme(Indicator.BAND_UPPER, from, to, true));
            for (Indicator indicator : List.of(Indicator.STOCH_K, Indicator.STOCH_D, Indicator.BAND_LOWER, Indicator.BAND_UPPER)) {
                assertThat(envelopes.mean(c, VisibleEnvelopes.sumChannel(indicator))).as("column %d, mean %s", c, indicator)
                        .isCloseTo(mean(indicator, from, to), Offset.offset(1e-9));
            }
        }
        assertThat(envelopes.summarises()).as("16 bars a column").isTrue();
    }

    @Test
    void meansAreDrawnFromEightBarsAColumnAndAreUndefinedWhereABarIs() {
        envelopes.fill(series, new ChartRange(bars.time(10_000), bars.time(13_500), false), 500, true);
        assertThat(envelopes.isActive()).as("7 bars a pixel").isTrue();
        assertThat(envelopes.summarises()).as("columns of 4 bars").isFalse();
        envelopes.fill(series, new ChartRange(bars.time(10_000), bars.time(14_000), false), 500, true);
        assertThat(envelopes.summarises()).as("columns of 8 bars").isTrue();

        envelopes.fill(series, new ChartRange(bars.time(0), bars.time(5_000), false), 500, true);
        int partlyDefined = 0;
        for (int c = 0; c < envelopes.columns(); c++) {
            long from = envelopes.firstBar(c);
            boolean someUndefined = Double.isNaN(bars.value(Indicator.STOCH_K, from));
            assertThat(envelopes.mean(c, VisibleEnvelopes.STOCH_K_SUM)).as("column %d", c)
                    .isCloseTo(mean(Indicator.STOCH_K, from, envelopes.endBar(c)), Offset.offset(1e-9));
            if (someUndefined && !Double.isNaN(envelopes.value(c, VisibleEnvelopes.STOCH_K_MAX))) {
                partlyDefined++;
                assertThat(envelopes.mean(c, VisibleEnvelopes.STOCH_K_SUM)).as("a gap in the mean line").isNaN();
            }
        }
        assertThat(partlyDefined).isPositive();
    }

    @Test
    void undefinedStretchesStayUndefinedAndPartlyDefinedColumnsUseTheDefinedValues() {
        ChartRange warmUp = new ChartRange(bars.time(0), bars.time(5_000), false);

        envelopes.fill(series, warmUp, 500, true);

        assertThat(envelopes.value(0, VisibleEnvelopes.STOCH_K_MIN)).as("no %K during warm-up").isNaN();
        boolean sawPartlyDefined = false;
        for (int c = 0; c < envelopes.columns(); c++) {
            long from = envelopes.firstBar(c);
            long to = envelopes.endBar(c);
            double expected = extreme(Indicator.STOCH_K, from, to, true);
            assertColumn(c, VisibleEnvelopes.STOCH_K_MAX, expected);
            sawPartlyDefined |= Double.isNaN(bars.value(Indicator.STOCH_K, from)) && !Double.isNaN(expected);
        }
        assertThat(sawPartlyDefined).isTrue();
    }

    @Test
    void theNewestColumnFollowsTheFormingBarAndOldColumnsKeepTheirBarsWhileTheRangeSlides() {
        ChartRange range = new ChartRange(bars.time(4_000), bars.time(bars.size() - 1), false);
        envelopes.fill(series, range, 800, true);
        assertThat(columnStartingAt(4_016)).as("a block of 16 bars").isPositive();
        long blockEndBefore = envelopes.endBar(columnStartingAt(4_016));

        long next = bars.time(bars.size() - 1) + 60_000;
        double close = bars.close(bars.size() - 1);
        for (double move : new double[] {0.97, 1.04, 0.91}) { // a forming bar that swings, then closes
            assertThat(series.updateForming(next, close, Math.max(close, close * move), Math.min(close, close * move),
                    close * move, 1_000)).isTrue();
        }
        assertThat(series.appendClosed(next, close, close, close * 0.91, close * 0.91, 1_000)).isTrue();
        envelopes.fill(series, new ChartRange(bars.time(4_001), next, false), 800, true);

        assertThat(envelopes.endBar(columnStartingAt(4_016))).as("the blocks stay where they were")
                .isEqualTo(blockEndBefore);
        int last = envelopes.columns() - 1;
        assertThat(envelopes.endBar(last)).isEqualTo(bars.size());
        assertColumn(last, VisibleEnvelopes.STOCH_K_MAX,
                extreme(Indicator.STOCH_K, envelopes.firstBar(last), envelopes.endBar(last), true));
        assertColumn(last, VisibleEnvelopes.BAND_LOWER_MIN,
                extreme(Indicator.BAND_LOWER, envelopes.firstBar(last), envelopes.endBar(last), false));
    }

    @Test
    void levelIsTheLargestPowerOfTwoWithinOnePixelsShare() {
        assertThat(VisibleEnvelopes.levelFor(1_500, 1_000, 20)).isZero();
        assertThat(VisibleEnvelopes.levelFor(2_000, 1_000, 20)).isEqualTo(1);
        assertThat(VisibleEnvelopes.levelFor(100_000, 1_300, 20)).as("76.9 bars a pixel").isEqualTo(6);
        assertThat(VisibleEnvelopes.levelFor(100_000_000, 10, 16)).as("capped at the coarsest level").isEqualTo(16);
    }

    @Test
    void sparseBarsOrLevelOfDetailOffLeaveThePointsToTheRenderers() {
        envelopes.fill(series, new ChartRange(bars.time(10_000), bars.time(10_300), false), 1000, true);
        assertThat(envelopes.isActive()).as("300 bars on 1000 pixels").isFalse();

        envelopes.fill(series, new ChartRange(bars.time(0), bars.time(19_999), true), 1000, false);
        assertThat(envelopes.isActive()).as("level of detail off").isFalse();
    }

    private int columnStartingAt(long bar) {
        for (int c = 0; c < envelopes.columns(); c++) {
            if (envelopes.firstBar(c) == bar) {
                return c;
            }
        }
        return -1;
    }

    /** Exact equality, NaN included. */
    private void assertColumn(int column, int channel, double expected) {
        assertThat(Double.valueOf(envelopes.value(column, channel))).as("column " + column + ", channel " + channel)
                .isEqualTo(Double.valueOf(expected));
    }

    /** The mean of {@code indicator} over bars {@code [from, to)}; NaN if any is undefined. */
    private double mean(Indicator indicator, long from, long to) {
        double sum = 0;
        for (long i = from; i < to; i++) {
            sum += bars.value(indicator, i);
        }
        return sum / (to - from);
    }

    /** The NaN-skipping minimum or maximum of {@code indicator} over bars {@code [from, to)}; NaN if none is defined. */
    private double extreme(Indicator indicator, long from, long to, boolean largest) {
        double result = Double.NaN;
        for (long i = from; i < to; i++) {
            double value = bars.value(indicator, i);
            if (!Double.isNaN(value)) {
                result = Double.isNaN(result) ? value : largest ? Math.max(result, value) : Math.min(result, value);
            }
        }
        return result;
    }
}
