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

        envelopes.fill(series, range, 2_900, true);

        assertThat(envelopes.isActive()).isTrue();
        assertThat(envelopes.summarises()).as("4 bars a column").isFalse();
        // 12,000 bars on 2,900 pixels, 4.1 a pixel: aligned buckets of 4 minutes, one to two per pixel.
        assertThat(envelopes.columns()).isBetween(2_900, 2 * 2_900 + 2);
        assertColumnsExact(4);
    }

    @Test
    void columnsOfManyBarsHoldTheirExactMeansOnly() {
        ChartRange range = new ChartRange(bars.time(3_000) + 20_000, bars.time(15_000) - 20_000, false);

        envelopes.fill(series, range, 700, true);

        assertThat(envelopes.summarises()).as("16 bars a column").isTrue();
        // 12,000 bars on 700 pixels, 17.1 a pixel: aligned buckets of 16 minutes, one to two per pixel.
        assertThat(envelopes.columns()).isBetween(700, 2 * 700 + 2);
        assertColumnsExact(16);
    }

    /** Columns of buckets of {@code bucketBars} minutes, each exact: extents where drawn, else means. */
    private void assertColumnsExact(int bucketBars) {
        long bucketMillis = bucketBars * 60_000L;
        assertThat(envelopes.firstBar(0)).as("the bar just left of the plot").isEqualTo(3_000);
        assertThat(envelopes.endBar(envelopes.columns() - 1)).as("up to the bar just right of it").isEqualTo(15_001);
        for (int c = 0; c < envelopes.columns(); c++) {
            if (c > 0) {
                assertThat(envelopes.firstBar(c)).as("columns are contiguous").isEqualTo(envelopes.endBar(c - 1));
            }
            long from = envelopes.firstBar(c);
            long to = envelopes.endBar(c);
            long bucketStart = Math.round(envelopes.x(c) * 1000) - (bucketMillis - 60_000) / 2;
            assertThat(Math.floorMod(bucketStart, bucketMillis)).as("column %d is centred in its bucket", c).isZero();
            assertThat(bars.time(from)).as("column %d's bars are in its bucket", c).isGreaterThanOrEqualTo(bucketStart);
            assertThat(bars.time(to - 1)).isLessThan(bucketStart + bucketMillis);
            if (c > 0 && c < envelopes.columns() - 1) {
                assertThat(to - from).as("column %d is one full bucket", c).isEqualTo(bucketBars);
            }
            if (envelopes.summarises()) {
                assertColumn(c, VisibleEnvelopes.STOCH_K_MIN, Double.NaN);
                assertColumn(c, VisibleEnvelopes.BAND_UPPER_MAX, Double.NaN);
            } else {
                assertColumn(c, VisibleEnvelopes.STOCH_K_MIN, extreme(Indicator.STOCH_K, from, to, false));
                assertColumn(c, VisibleEnvelopes.STOCH_K_MAX, extreme(Indicator.STOCH_K, from, to, true));
                assertColumn(c, VisibleEnvelopes.STOCH_D_MIN, extreme(Indicator.STOCH_D, from, to, false));
                assertColumn(c, VisibleEnvelopes.STOCH_D_MAX, extreme(Indicator.STOCH_D, from, to, true));
                assertColumn(c, VisibleEnvelopes.BAND_LOWER_MIN, extreme(Indicator.BAND_LOWER, from, to, false));
                assertColumn(c, VisibleEnvelopes.BAND_UPPER_MAX, extreme(Indicator.BAND_UPPER, from, to, true));
                assertColumn(c, VisibleEnvelopes.STOCH_K_LAST, bars.value(Indicator.STOCH_K, to - 1));
                assertColumn(c, VisibleEnvelopes.STOCH_D_LAST, bars.value(Indicator.STOCH_D, to - 1));
            }
            for (Indicator indicator : List.of(Indicator.STOCH_K, Indicator.STOCH_D, Indicator.BAND_LOWER, Indicator.BAND_UPPER)) {
                assertThat(envelopes.mean(c, VisibleEnvelopes.sumChannel(indicator))).as("column %d, mean %s", c, indicator)
                        .isCloseTo(mean(indicator, from, to), Offset.offset(1e-9));
            }
        }
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
            if (someUndefined && !Double.isNaN(extreme(Indicator.STOCH_K, from, envelopes.endBar(c), true))) {
                partlyDefined++;
                assertThat(envelopes.mean(c, VisibleEnvelopes.STOCH_K_SUM)).as("a gap in the mean line").isNaN();
            }
        }
        assertThat(partlyDefined).isPositive();
    }

    @Test
    void undefinedStretchesStayUndefinedAndPartlyDefinedColumnsUseTheDefinedValues() {
        ChartRange warmUp = new ChartRange(bars.time(0), bars.time(5_000), false);

        envelopes.fill(series, warmUp, 1_000, true);

        assertThat(envelopes.summarises()).as("4 bars a column: extents drawn").isFalse();
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
        envelopes.fill(series, range, 3_000, true);
        assertThat(envelopes.summarises()).as("4 bars a column: extents drawn").isFalse();
        assertThat(columnHolding(4_016)).isPositive();
        long blockEndBefore = envelopes.endBar(columnHolding(4_016));

        long next = bars.time(bars.size() - 1) + 60_000;
        double close = bars.close(bars.size() - 1);
        for (double move : new double[] {0.97, 1.04, 0.91}) { // a forming bar that swings, then closes
            assertThat(series.updateForming(next, close, Math.max(close, close * move), Math.min(close, close * move),
                    close * move, 1_000)).isTrue();
        }
        assertThat(series.appendClosed(next, close, close, close * 0.91, close * 0.91, 1_000)).isTrue();
        envelopes.fill(series, new ChartRange(bars.time(4_001), next, false), 3_000, true);

        assertThat(envelopes.endBar(columnHolding(4_016))).as("the buckets stay where they were")
                .isEqualTo(blockEndBefore);
        assertThat(envelopes.reducedColumns()).as("only the edges and the newest bucket are reduced again")
                .isBetween(1, 3);
        for (int c = 0; c < envelopes.columns(); c++) {
            long from = envelopes.firstBar(c);
            long to = envelopes.endBar(c);
            assertColumn(c, VisibleEnvelopes.STOCH_K_MIN, extreme(Indicator.STOCH_K, from, to, false));
            assertColumn(c, VisibleEnvelopes.STOCH_D_MAX, extreme(Indicator.STOCH_D, from, to, true));
            assertColumn(c, VisibleEnvelopes.BAND_UPPER_MAX, extreme(Indicator.BAND_UPPER, from, to, true));
            assertThat(envelopes.mean(c, VisibleEnvelopes.STOCH_K_SUM)).as("column %d", c)
                    .isCloseTo(mean(Indicator.STOCH_K, from, to), Offset.offset(1e-9));
        }
        int last = envelopes.columns() - 1;
        assertThat(envelopes.endBar(last)).isEqualTo(bars.size());
        assertColumn(last, VisibleEnvelopes.STOCH_K_MAX,
                extreme(Indicator.STOCH_K, envelopes.firstBar(last), envelopes.endBar(last), true));
        assertColumn(last, VisibleEnvelopes.BAND_LOWER_MIN,
                extreme(Indicator.BAND_LOWER, envelopes.firstBar(last), envelopes.endBar(last), false));
    }

    @Test
    void levelIsTheLargestPowerOfTwoWithinOnePixelsShare() {
        long minute = 60_000;
        assertThat(VisibleEnvelopes.levelFor(1_500 * minute, minute, 1_000)).isZero();
        assertThat(VisibleEnvelopes.levelFor(2_000 * minute, minute, 1_000)).isEqualTo(1);
        assertThat(VisibleEnvelopes.levelFor(100_000 * minute, minute, 1_300)).as("76.9 bars a pixel").isEqualTo(6);
        assertThat(VisibleEnvelopes.levelFor(Long.MAX_VALUE, 1, 10)).as("capped").isEqualTo(40);
    }

    @Test
    void noColumnBridgesAClosedMarket() {
        ChartSeries sessions = ChartSeries.warmed(KEY, IndicatorParameters.DEFAULTS, 1 << 14,
                VisibleCandlesTest.sessionBars(java.time.Instant.parse("2024-01-01T00:00:00Z"), 35, 5));
        IndicatorSeriesView sessionView = sessions.view();

        envelopes.fill(sessions, new ChartRange(sessionView.time(0), sessionView.time(sessionView.size() - 1), true),
                1000, true);

        assertThat(envelopes.isActive()).isTrue();
        long bucketMillis = 32 * 60_000L; // 49,350 minutes on 1,000 pixels: 49 a pixel, buckets of 32
        for (int c = 0; c < envelopes.columns(); c++) {
            long first = sessionView.time(envelopes.firstBar(c));
            long last = sessionView.time(envelopes.endBar(c) - 1);
            assertThat(last - first).as("column %d spans no night", c).isLessThan(bucketMillis);
            assertThat(envelopes.x(c) * 1000).as("column %d sits among its bars", c)
                    .isBetween((double) first - bucketMillis, (double) last + bucketMillis);
        }
        assertThat(envelopes.endBar(envelopes.columns() - 1)).isEqualTo(sessionView.size());
    }

    @Test
    void sparseBarsOrLevelOfDetailOffLeaveThePointsToTheRenderers() {
        envelopes.fill(series, new ChartRange(bars.time(10_000), bars.time(10_300), false), 1000, true);
        assertThat(envelopes.isActive()).as("300 bars on 1000 pixels").isFalse();

        envelopes.fill(series, new ChartRange(bars.time(0), bars.time(19_999), true), 1000, false);
        assertThat(envelopes.isActive()).as("level of detail off").isFalse();
    }

    private int columnHolding(long bar) {
        for (int c = 0; c < envelopes.columns(); c++) {
            if (envelopes.firstBar(c) <= bar && bar < envelopes.endBar(c)) {
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
