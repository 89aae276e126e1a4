package dev.tradedesk.ui.chart;

import dev.tradedesk.core.IndicatorSeriesView;
import java.util.Arrays;

/**
 * The candles one frame draws, in primitive columns: the bars in the visible range, or, when more
 * bars are visible than the plot can show (more than one per {@link #MIN_PIXELS_PER_CANDLE}
 * pixels), exact aggregates of {@code 2^k} consecutive bars each, the smallest {@code k} that fits.
 *
 * <p>Aggregates are whole, aligned {@link CandlePyramid} blocks, one pyramid entry each, so a frame
 * costs O(plot width) whatever the number of visible bars, and a candle does not change shape
 * while the range pans (its bars stay the same). An aggregate is placed midway between its first
 * and last bar; a single bar at its own time. The bars just outside each edge are included so that
 * candles cut by the edges still draw; the y-extremes ({@link #lowest()}, {@link #highest()},
 * {@link #largestVolume()}) cover every candle that shows at least in part.
 *
 * <p>Not thread-safe: filled and read on the JavaFX thread (the datasets over it read it while the
 * chart draws).
 */
final class VisibleCandles {

    /** Fewest pixels per candle before candles are merged. */
    static final double MIN_PIXELS_PER_CANDLE = 2;

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
        level = levelOfDetail ? levelFor(to - from + 1, plotWidth, series.pyramid().levels()) : 0;
        long firstBlock = from >> level;
        long lastBlock = to >> level;
        ensureCapacity((int) (lastBlock - firstBlock + 1));
        for (long block = firstBlock; block <= lastBlock; block++) {
            if (level == 0) {
                add(bars.time(block) / 1000.0, bars.open(block), bars.high(block), bars.low(block),
                        bars.close(block), bars.volume(block));
            } else {
                series.pyramid().block(level, block, scratch);
                add((scratch.firstTime + scratch.lastTime) / 2000.0, scratch.open, scratch.high, scratch.low,
                        scratch.close, scratch.volume);
            }
        }
        computeExtremes(range.fromMillis() / 1000.0, range.toMillis() / 1000.0);
    }

    /**
     * The extremes over the candles that show at least in part: those placed within half a candle
     * spacing of the range, so that a candle cut by an edge never has its wick clipped.
     */
    private void computeExtremes(double from, double to) {
        double halfSpacing = count > 1 ? (x[count - 1] - x[0]) / (count - 1) / 2 : 0;
        for (int i = 0; i < count; i++) {
            if (x[i] >= from - halfSpacing && x[i] <= to + halfSpacing) {
                lowest = Math.min(lowest, low[i]);
                highest = Math.max(highest, high[i]);
                largestVolume = Math.max(largestVolume, volume[i]);
            }
        }
    }

    /** The pyramid level whose blocks bring {@code visibleBars} down to what the plot can show. */
    static int levelFor(long visibleBars, double plotWidth, int maxLevel) {
        long fitting = Math.max(1, (long) (plotWidth / MIN_PIXELS_PER_CANDLE));
        if (visibleBars <= fitting) {
            return 0;
        }
        long barsPerCandle = (visibleBars + fitting - 1) / fitting;
        int level = 64 - Long.numberOfLeadingZeros(barsPerCandle - 1);
        return Math.min(level, maxLevel);
    }

    private void add(double time, double o, double h, double l, double c, double v) {
        int i = count++;
        x[i] = time;
        open[i] = o;
        high[i] = h;
        low[i] = l;
        close[i] = c;
        volume[i] = v;
        if (c >= o) {
            upCandles[upCount++] = i;
        } else {
            downCandles[downCount++] = i;
        }
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

    /** Bars per candle: 1 without merging, {@code 2^k} with. */
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
