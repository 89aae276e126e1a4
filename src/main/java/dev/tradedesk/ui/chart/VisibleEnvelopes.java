package dev.tradedesk.ui.chart;

import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorSeriesView;
import java.util.Arrays;
import java.util.List;

/**
 * The StochRSI pane's lines and band reduced to one extent per column when the level of detail is
 * on and more bars are visible than one per {@link VisibleCandles#MIN_PIXELS_PER_CANDLE} pixels:
 * for each column, the smallest and largest %K and %D, the lowest lower band and the highest upper
 * band over the column's bars, the sums of all four, and the last %K and %D (where the line goes
 * on to the next column). So the pane, like the candles, costs O(plot width) per frame whatever
 * the number of visible bars, where walking the points (ChartFX's point reduction) costs
 * O(visible bars).
 *
 * <p>From {@link #SUMMARY_BARS} bars a column on ({@link #summarises()}), the renderers draw the
 * columns' means instead: an oscillator that crosses the pane every few dozen bars covers all of it
 * in every column of hundreds of bars, so its envelope was a solid block that hid the band and said
 * nothing about where %K mostly stood. A mean is NaN (a gap) where any of the column's bars is
 * undefined, which only happens at the start of the history. Only the sums are reduced then (the
 * extents read NaN), which saves most of a frame's reduction work.
 *
 * <p>A column holds the bars of one time bucket of {@code 2^k} bar durations, {@code 2^k} the
 * largest power of two within one pixel's share of the visible range, so one to two columns per
 * pixel, which the renderers' {@link ColumnEnvelope} merges per pixel. Buckets are aligned to
 * multiples of their duration since the epoch, so they do not move while the range slides, and
 * they follow time, not bar count: no column straddles a closed market's gap (a night, a weekend),
 * where there are no bars. Each column is reduced from the series' extremes pyramid
 * ({@link #CHANNELS}) in O(log n). The bars just outside each edge are included, so the area
 * reaches the plot's edges; the two columns cut there hold only their bars from there on. A
 * column's x is the middle of its bucket. A column whose values are all undefined holds NaN (a
 * gap). When inactive ({@link #isActive()} false) the renderers draw the points themselves.
 *
 * <p>Not thread-safe: filled and read on the JavaFX thread.
 */
final class VisibleEnvelopes {

    static final int STOCH_K_MIN = 0;
    static final int STOCH_K_MAX = 1;
    static final int STOCH_D_MIN = 2;
    static final int STOCH_D_MAX = 3;
    static final int BAND_LOWER_MIN = 4;
    static final int BAND_UPPER_MAX = 5;
    static final int STOCH_K_SUM = 6;
    static final int STOCH_D_SUM = 7;
    static final int BAND_LOWER_SUM = 8;
    static final int BAND_UPPER_SUM = 9;
    /** The column's last %K and %D, read from its last bar rather than the pyramid (see {@link #lastChannel}). */
    static final int STOCH_K_LAST = 10;
    static final int STOCH_D_LAST = 11;

    /** Bars per column from which the renderers draw means rather than extents: a pyramid level of 3. */
    static final int SUMMARY_BARS = 8;

    /** The extremes and sums the series keeps a pyramid of, in the order of the constants above. */
    static final List<BlockPyramid.Channel> CHANNELS = List.of(
            channel(Indicator.STOCH_K, BlockPyramid.Op.MIN), channel(Indicator.STOCH_K, BlockPyramid.Op.MAX),
            channel(Indicator.STOCH_D, BlockPyramid.Op.MIN), channel(Indicator.STOCH_D, BlockPyramid.Op.MAX),
            channel(Indicator.BAND_LOWER, BlockPyramid.Op.MIN), channel(Indicator.BAND_UPPER, BlockPyramid.Op.MAX),
            channel(Indicator.STOCH_K, BlockPyramid.Op.SUM), channel(Indicator.STOCH_D, BlockPyramid.Op.SUM),
            channel(Indicator.BAND_LOWER, BlockPyramid.Op.SUM), channel(Indicator.BAND_UPPER, BlockPyramid.Op.SUM));

    private static final int STRIDE = 12;

    /** Buckets of 2^40 minutes are far beyond any history; the cap keeps their length within a long. */
    private static final int MAX_LEVEL = 40;

    private boolean active;
    private int level;
    private int columns;
    private double[] x = new double[0];
    private long[] firstBar = new long[0];
    private long[] endBar = new long[0];
    private double[] values = new double[0];
    private double[] previousX = new double[0];
    private long[] previousFirstBar = new long[0];
    private long[] previousEndBar = new long[0];
    private double[] previousValues = new double[0];
    /** The series of the last fill with columns, whose bars before {@link #closedBarsEnd} were closed then. */
    private ChartSeries filledSeries;
    private long closedBarsEnd;
    private int reduced;
    private final double[] scratch = new double[STRIDE];

    private static BlockPyramid.Channel channel(Indicator indicator, BlockPyramid.Op op) {
        return new BlockPyramid.Channel(BlockPyramid.Source.of(indicator), op);
    }

    /**
     * Fills the columns for {@code range} on a plot {@code plotWidth} pixels wide, or deactivates
     * when the level of detail is off or the bars are sparse enough to draw one by one.
     */
    void fill(ChartSeries series, ChartRange range, double plotWidth, boolean levelOfDetail) {
        boolean hadColumns = active;
        int previousLevel = level;
        int previousColumns = columns;
        clear();
        IndicatorSeriesView bars = series.view();
        long firstInside = series.indexAtOrBefore(range.fromMillis() - 1) + 1;
        long endInside = series.indexAtOrBefore(range.toMillis()) + 1;
        long visibleBars = endInside - firstInside;
        if (!levelOfDetail || plotWidth <= 0 || visibleBars <= plotWidth / VisibleCandles.MIN_PIXELS_PER_CANDLE) {
            filledSeries = null;
            return;
        }
        active = true;
        long from = Math.max(bars.firstIndex(), firstInside - 1);
        long to = Math.min(bars.size(), endInside + 1);
        long barMillis = bars.key().timeframe().millis();
        level = levelFor(range.spanMillis(), barMillis, plotWidth);
        long bucketMillis = barMillis << level;
        boolean summarises = summarises();
        // The columns of the previous fill of this series at this level, for the ones whose bars
        // were all closed then: closed bars never change, so neither do their columns.
        boolean reusable = hadColumns && series == filledSeries && level == previousLevel;
        long closedBefore = closedBarsEnd;
        swapWithPrevious();
        int previous = 0;
        reduced = 0;
        Arrays.fill(scratch, Double.NaN);
        ensureCapacity((int) Math.min(to - from,
                Math.floorDiv(bars.time(to - 1), bucketMillis) - Math.floorDiv(bars.time(from), bucketMillis) + 1));
        long start = from;
        while (start < to) {
            long bucket = Math.floorDiv(bars.time(start), bucketMillis);
            long end = Math.min(to, series.firstIndexAtOrAfter((bucket + 1) * bucketMillis, start));
            while (reusable && previous < previousColumns && previousFirstBar[previous] < start) {
                previous++;
            }
            if (reusable && previous < previousColumns && previousFirstBar[previous] == start
                    && previousEndBar[previous] == end && end <= closedBefore) {
                System.arraycopy(previousValues, previous * STRIDE, scratch, 0, STRIDE);
            } else if (summarises) {
                series.extremes().reduce(start, end, scratch, STOCH_K_SUM, CHANNELS.size());
                scratch[STOCH_K_LAST] = Double.NaN; // means are drawn: no column is left for the next
                scratch[STOCH_D_LAST] = Double.NaN;
                reduced++;
            } else {
                series.extremes().reduce(start, end, scratch);
                scratch[STOCH_K_LAST] = bars.value(Indicator.STOCH_K, end - 1);
                scratch[STOCH_D_LAST] = bars.value(Indicator.STOCH_D, end - 1);
                reduced++;
            }
            addColumn(bucket * bucketMillis + (bucketMillis - barMillis) / 2, start, end);
            start = end;
        }
        filledSeries = series;
        closedBarsEnd = bars.size() - 1; // the last bar may be forming and change
    }

    /** The columns just filled become the previous fill's, and the previous fill's arrays are reused. */
    private void swapWithPrevious() {
        double[] xs = x;
        x = previousX;
        previousX = xs;
        long[] firsts = firstBar;
        firstBar = previousFirstBar;
        previousFirstBar = firsts;
        long[] ends = endBar;
        endBar = previousEndBar;
        previousEndBar = ends;
        double[] vals = values;
        values = previousValues;
        previousValues = vals;
    }

    /** Columns reduced from the pyramid by the last fill; the others were the previous fill's. */
    int reducedColumns() {
        return reduced;
    }

    /**
     * The largest {@code k} whose buckets of {@code 2^k} bars' duration are no longer than one
     * pixel's share of {@code spanMillis}.
     */
    static int levelFor(long spanMillis, long barMillis, double plotWidth) {
        long barsPerPixel = (long) (spanMillis / (double) barMillis / Math.max(1, plotWidth));
        int level = barsPerPixel <= 1 ? 0 : 63 - Long.numberOfLeadingZeros(barsPerPixel);
        return Math.min(level, MAX_LEVEL);
    }

    private void addColumn(long xMillis, long from, long to) {
        x[columns] = xMillis / 1000.0;
        firstBar[columns] = from;
        endBar[columns] = to;
        System.arraycopy(scratch, 0, values, columns * STRIDE, STRIDE);
        columns++;
    }

    void clear() {
        active = false;
        level = 0;
        columns = 0;
    }

    private void ensureCapacity(int needed) {
        if (x.length < needed) {
            x = Arrays.copyOf(x, needed);
            firstBar = Arrays.copyOf(firstBar, needed);
            endBar = Arrays.copyOf(endBar, needed);
            values = Arrays.copyOf(values, needed * STRIDE);
        }
    }

    /** Whether the renderers draw these columns rather than the points. */
    boolean isActive() {
        return active;
    }

    /** Whether the columns are wide enough ({@link #SUMMARY_BARS} bars) for the renderers to draw their means. */
    boolean summarises() {
        return active && (1L << level) >= SUMMARY_BARS;
    }

    int columns() {
        return columns;
    }

    /** The column's x in epoch seconds. */
    double x(int column) {
        return x[column];
    }

    /** The column's bars are {@code [firstBar(column), endBar(column))}. */
    long firstBar(int column) {
        return firstBar[column];
    }

    long endBar(int column) {
        return endBar[column];
    }

    /** The column's value of {@code channel} (one of the constants), NaN when undefined. */
    double value(int column, int channel) {
        return values[column * STRIDE + channel];
    }

    /** The mean over the column's bars of the sum channel {@code sumChannel}, NaN if any of them is undefined. */
    double mean(int column, int sumChannel) {
        return values[column * STRIDE + sumChannel] / (endBar[column] - firstBar[column]);
    }

    /** The channel holding the smallest value of {@code indicator} per column. */
    static int minChannel(Indicator indicator) {
        return switch (indicator) {
            case STOCH_K -> STOCH_K_MIN;
            case STOCH_D -> STOCH_D_MIN;
            case BAND_LOWER -> BAND_LOWER_MIN;
            default -> throw new IllegalArgumentException("no extremes kept for " + indicator);
        };
    }

    /**
     * The channel holding the value of {@code indicator} at each column's last bar, where the line
     * leaves the column for the next: a column's extremes alone say nothing about that, and a line
     * drawn from extents only has no ink on a steep move between two columns (NaN when the columns
     * are means, {@link #summarises()}).
     */
    static int lastChannel(Indicator indicator) {
        return switch (indicator) {
            case STOCH_K -> STOCH_K_LAST;
            case STOCH_D -> STOCH_D_LAST;
            default -> throw new IllegalArgumentException("no last value kept for " + indicator);
        };
    }

    /** The channel holding the sum of {@code indicator} per column. */
    static int sumChannel(Indicator indicator) {
        return switch (indicator) {
            case STOCH_K -> STOCH_K_SUM;
            case STOCH_D -> STOCH_D_SUM;
            case BAND_LOWER -> BAND_LOWER_SUM;
            case BAND_UPPER -> BAND_UPPER_SUM;
            default -> throw new IllegalArgumentException("no sums kept for " + indicator);
        };
    }

    /** The channel holding the largest value of {@code indicator} per column. */
    static int maxChannel(Indicator indicator) {
        return switch (indicator) {
            case STOCH_K -> STOCH_K_MAX;
            case STOCH_D -> STOCH_D_MAX;
            case BAND_UPPER -> BAND_UPPER_MAX;
            default -> throw new IllegalArgumentException("no extremes kept for " + indicator);
        };
    }
}
