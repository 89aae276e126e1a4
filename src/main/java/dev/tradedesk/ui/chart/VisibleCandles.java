package dev.tradedesk.ui.chart;

import dev.tradedesk.core.IndicatorSeriesView;
import java.util.Arrays;

/**
 * The candles one frame draws, in primitive columns: the bars in the visible range, or, when more
 * bars are visible than the plot can show (more than one per {@link #MIN_PIXELS_PER_CANDLE}
 * pixels), exact aggregates of the bars in each time bucket of {@code 2^k} bar durations, the
 * smallest {@code k} whose buckets fit the plot.
 *
 * <p>Buckets are aligned to multiples of their duration since the epoch, so a candle does not
 * change shape while the range pans (its bars stay the same), and they are placed in time, not by
 * bar count: where the market was closed (a night, a weekend) there are no bars, so no bucket and
 * no candle, and a candle never merges the bars before a gap with those after it. A merged candle
 * sits in the middle of its bucket, a single bar at its own time. Each candle is reduced from the
 * {@link CandlePyramid} in O(log n), so a frame costs O(plot width · log n) whatever the number of
 * visible bars. The bars just outside each edge are included so that candles cut by the edges
 * still draw; the y-extremes ({@link #lowest()}, {@link #highest()}, {@link #largestVolume()})
 * cover every candle that shows at least in part.
 *
 * <p>Not thread-safe: filled and read on the JavaFX thread (the datasets over it read it while the
 * chart draws).
 */
final class VisibleCandles {

    /** Fewest pixels per candle before candles are merged. */
    static final double MIN_PIXELS_PER_CANDLE = 2;

    /** Buckets of 2^40 minutes are far beyond any history; the cap keeps their length within a long. */
    private static final int MAX_LEVEL = 40;

    private double[] x = new double[0];
    private double[] open = new double[0];
    private double[] high = new double[0];
    private double[] low = new double[0];
    private double[] close = new double[0];
    private double[] volume = new double[0];
    private int[] upCandles = new int[0];
    private int[] downCandles = new int[0];
    private int count;
    private int upCount;
    private int downCount;
    private int level;
    private long barMillis = 1;
    private double lowest;
    private double highest;
    private double largestVolume;
    private final CandleAggregate scratch = new CandleAggregate();

    /**
     * Fills the columns for {@code range} on a plot {@code plotWidth} pixels wide.
     *
     * @param levelOfDetail whether dense bars may be merged; when false every visible bar is a candle
     */
    void fill(ChartSeries series, ChartRange range, double plotWidth, boolean levelOfDetail) {
        clear();
        IndicatorSeriesView bars = series.view();
        long firstRetained = bars.firstIndex();
        long lastBar = bars.size() - 1;
        long from = Math.max(firstRetained, series.indexAtOrBefore(range.fromMillis()));
        long to = Math.min(lastBar, series.indexAtOrBefore(range.toMillis()) + 1);
        if (to < from) {
            return;
        }
        barMillis = bars.key().timeframe().millis();
        long fitting = fittingCandles(plotWidth);
        level = levelOfDetail && to - from + 1 > fitting ? levelFor(range.spanMillis(), barMillis, fitting) : 0;
        if (level == 0) {
            ensureCapacity((int) (to - from + 1));
            for (long bar = from; bar <= to; bar++) {
                add(bars.time(bar) / 1000.0, bars.open(bar), bars.high(bar), bars.low(bar), bars.close(bar),
                        bars.volume(bar));
            }
        } else {
            fillBuckets(series, from, to);
        }
        computeExtremes(range.fromMillis() / 1000.0, range.toMillis() / 1000.0);
    }

    /** One candle per non-empty bucket from the bucket of bar {@code from} to that of bar {@code to}. */
    private void fillBuckets(ChartSeries series, long from, long to) {
        IndicatorSeriesView bars = series.view();
        long bucketMillis = barMillis << level;
        long bucket = Math.floorDiv(bars.time(from), bucketMillis);
        long lastBucket = Math.floorDiv(bars.time(to), bucketMillis);
        long bar = Math.max(bars.firstIndex(), series.indexAtOrBefore(bucket * bucketMillis - 1) + 1);
        ensureCapacity((int) Math.min(lastBucket - bucket + 1, to - from + 1));
        while (bar <= to) {
            bucket = Math.floorDiv(bars.time(bar), bucketMillis);
            long end = series.firstIndexAtOrAfter((bucket + 1) * bucketMillis, bar);
            series.pyramid().aggregate(bar, end, scratch);
            add((bucket * bucketMillis + (bucketMillis - barMillis) / 2) / 1000.0, scratch.open, scratch.high,
                    scratch.low, scratch.close, scratch.volume);
            bar = end;
        }
    }

    /**
     * The extremes over the candles that show at least in part: those placed within half a candle
     * of the range, so that a candle cut by an edge never has its wick clipped.
     */
    private void computeExtremes(double from, double to) {
        double halfCandle = (barMillis << level) / 2000.0;
        for (int i = 0; i < count; i++) {
            if (x[i] >= from - halfCandle && x[i] <= to + halfCandle) {
                lowest = Math.min(lowest, low[i]);
                highest = Math.max(highest, high[i]);
                largestVolume = Math.max(largestVolume, volume[i]);
            }
        }
    }

    /** Candles the plot can show side by side. */
    static long fittingCandles(double plotWidth) {
        return Math.max(1, (long) (plotWidth / MIN_PIXELS_PER_CANDLE));
    }

    /**
     * The smallest {@code k} whose buckets of {@code 2^k} bars' duration split {@code spanMillis}
     * into no more than {@code fitting} candles.
     */
    static int levelFor(long spanMillis, long barMillis, long fitting) {
        long bars = spanMillis / barMillis;
        long barsPerCandle = Math.max(1, bars / fitting + (bars % fitting == 0 ? 0 : 1));
        int level = 64 - Long.numberOfLeadingZeros(barsPerCandle - 1);
        return Math.min(level, MAX_LEVEL);
    }

    private void add(double time, double o, double h, double l, double c, double v) {
        int i = count++;
        x[i] = time;
        open[i] = o;
        high[i] = h;
        low[i] = l;
        close[i] = c;
        volume[i] = v;
        if (rises(o, c)) {
            upCandles[upCount++] = i;
        } else {
            downCandles[downCount++] = i;
        }
    }

    /**
     * Whether a candle counts as rising, for its colours in every pane: it closed at or above its
     * open. A doji (closed at its open) rises: its body and its volume bar are drawn in one colour.
     */
    static boolean rises(double open, double close) {
        return close >= open;
    }

    void clear() {
        count = 0;
        upCount = 0;
        downCount = 0;
        level = 0;
        lowest = Double.POSITIVE_INFINITY;
        highest = Double.NEGATIVE_INFINITY;
        largestVolume = 0;
    }

    private void ensureCapacity(int needed) {
        if (x.length >= needed) {
            return;
        }
        int capacity = Math.max(needed, Math.max(64, x.length * 2));
        x = Arrays.copyOf(x, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
        upCandles = Arrays.copyOf(upCandles, capacity);
        downCandles = Arrays.copyOf(downCandles, capacity);
    }

    int count() {
        return count;
    }

    /** Bar durations per candle: 1 without merging, {@code 2^k} with (as many bars where none is missing). */
    long barsPerCandle() {
        return 1L << level;
    }

    /** Lowest low of the candles in view, {@code +Infinity} when none is. */
    double lowest() {
        return lowest;
    }

    /** Highest high of the candles in view, {@code -Infinity} when none is. */
    double highest() {
        return highest;
    }

    /** Largest volume of the candles in view, 0 when none is. */
    double largestVolume() {
        return largestVolume;
    }

    double x(int i) {
        return x[i];
    }

    double open(int i) {
        return open[i];
    }

    double high(int i) {
        return high[i];
    }

    double low(int i) {
        return low[i];
    }

    double close(int i) {
        return close[i];
    }

    double volume(int i) {
        return volume[i];
    }

    /** Candles that closed at or above their open, by position among them. */
    int upCount() {
        return upCount;
    }

    int upCandle(int j) {
        return upCandles[j];
    }

    int downCount() {
        return downCount;
    }

    int downCandle(int j) {
        return downCandles[j];
    }
}
