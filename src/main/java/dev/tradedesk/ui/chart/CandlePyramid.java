package dev.tradedesk.ui.chart;

import dev.tradedesk.core.IndicatorSeriesView;
import java.util.Objects;

/**
 * Pre-aggregated high, low and volume of a series' bars at every power-of-two resolution, so that a
 * candle merging any number of consecutive bars is assembled from a handful of entries instead of
 * a scan.
 *
 * <p>Level 0 is the series itself. Level {@code k >= 1} holds one entry per aligned block of
 * {@code 2^k} bars, block {@code b} covering the bars {@code [b << k, (b + 1) << k)}; open and close
 * need no storage, they are the first bar's open and the last bar's close. Each level is a ring of
 * {@code capacity >> k} slots addressed by {@code block & mask}, like the series' own ring, so the
 * levels together take about one entry per bar (three doubles: 24 bytes per bar of capacity).
 *
 * <p>Costs: {@link #rebuild()} is O(retained bars); {@link #barChanged(long)} (after the last bar was
 * appended or updated) is O(log capacity); {@link #block} is O(1) for a block whose bars are all
 * retained; {@link #aggregate} over any range is O(log length). Aggregates are exact: open, high,
 * low and close are the very values of the bars; volumes are summed pairwise, which equals a
 * sequential sum exactly for integral volumes and to within rounding (about 1e-15 relative)
 * otherwise.
 *
 * <p>A block whose first bars have already left the series' ring is never read from its slot (the
 * slot may be reused by a newer block); {@link #block} then assembles it from finer levels.
 *
 * <p>Not thread-safe: it belongs to the thread that updates its series.
 */
final class CandlePyramid {

    private final IndicatorSeriesView bars;
    /** {@code highs[k]} is level k; index 0 is unused (level 0 is the series). */
    private final double[][] highs;
    private final double[][] lows;
    private final double[][] volumes;
    private final int levels;

    CandlePyramid(IndicatorSeriesView bars) {
        this.bars = Objects.requireNonNull(bars, "bars");
        int capacity = bars.capacity();
        this.levels = Integer.numberOfTrailingZeros(capacity);
        highs = new double[levels + 1][];
        lows = new double[levels + 1][];
        volumes = new double[levels + 1][];
        for (int k = 1; k <= levels; k++) {
            int slots = capacity >> k;
            highs[k] = new double[slots];
            lows[k] = new double[slots];
            volumes[k] = new double[slots];
        }
    }

    /** The coarsest level: one block spans the whole capacity. */
    int levels() {
        return levels;
    }

    /**
     * Recomputes every level from the retained bars, e.g. after a history load. Blocks that began
     * before the oldest retained bar are skipped: they are never read from their slots.
     */
    void rebuild() {
        long size = bars.size();
        if (size == 0) {
            return;
        }
        long first = bars.firstIndex();
        for (int k = 1; k <= levels; k++) {
            long lastBlock = (size - 1) >> k;
            long firstWholeBlock = (first + (1L << k) - 1) >> k;
            for (long block = firstWholeBlock; block <= lastBlock; block++) {
                recompute(k, block, size);
            }
        }
    }

    /** Brings the blocks containing bar {@code index} up to date after it was appended or updated. */
    void barChanged(long index) {
        long size = bars.size();
        for (int k = 1; k <= levels; k++) {
            recompute(k, index >> k, size);
        }
    }

    /**
     * The candle of block {@code block} at {@code level}, clipped to the retained bars: its bars are
     * {@code [max(block << level, firstIndex), min((block + 1) << level, size))}, which must not be
     * empty.
     */
    void block(int level, long block, CandleAggregate out) {
        long start = block << level;
        long end = Math.min((block + 1) << level, bars.size());
        long first = bars.firstIndex();
        if (start < first) {
            aggregate(first, end, out);
            return;
        }
        if (start >= end) {
            throw new IllegalArgumentException("block " + block + " at level " + level + " holds no retained bar");
        }
        out.high = high(level, block);
        out.low = low(level, block);
        out.volume = volume(level, block);
        fillEnds(start, end, out);
    }

    /**
     * The exact candle of the bars {@code [from, to)}, which must be retained and not empty,
     * assembled from at most two entries per level.
     */
    void aggregate(long from, long to, CandleAggregate out) {
        if (from < bars.firstIndex() || to > bars.size() || from >= to) {
            throw new IndexOutOfBoundsException("bars [" + from + ", " + to + ") outside the retained ["
                    + bars.firstIndex() + ", " + bars.size() + ")");
        }
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double volume = 0;
        long left = from;
        long right = to;
        for (int k = 0; left < right; k++) {
            if ((left & 1) != 0) {
                high = Math.max(high, high(k, left));
                low = Math.min(low, low(k, left));
                volume += volume(k, left);
                left++;
            }
            if ((right & 1) != 0) {
                right--;
                high = Math.max(high, high(k, right));
                low = Math.min(low, low(k, right));
                volume += volume(k, right);
            }
            left >>= 1;
            right >>= 1;
        }
        out.high = high;
        out.low = low;
        out.volume = volume;
        fillEnds(from, to, out);
    }

    private void fillEnds(long start, long end, CandleAggregate out) {
        out.firstIndex = start;
        out.lastIndex = end - 1;
        out.firstTime = bars.time(start);
        out.lastTime = bars.time(end - 1);
        out.open = bars.open(start);
        out.close = bars.close(end - 1);
    }

    /** Block {@code block} at level {@code k} from its one or two children at level {@code k - 1}. */
    private void recompute(int k, long block, long size) {
        long left = block << 1;
        long right = left + 1;
        double high = high(k - 1, left);
        double low = low(k - 1, left);
        double volume = volume(k - 1, left);
        if ((right << (k - 1)) < size) {
            high = Math.max(high, high(k - 1, right));
            low = Math.min(low, low(k - 1, right));
            volume += volume(k - 1, right);
        }
        int slot = slot(k, block);
        highs[k][slot] = high;
        lows[k][slot] = low;
        volumes[k][slot] = volume;
    }

    private double high(int k, long node) {
        return k == 0 ? bars.high(node) : highs[k][slot(k, node)];
    }

    private double low(int k, long node) {
        return k == 0 ? bars.low(node) : lows[k][slot(k, node)];
    }

    private double volume(int k, long node) {
        return k == 0 ? bars.volume(node) : volumes[k][slot(k, node)];
    }

    private int slot(int k, long node) {
        return (int) (node & (highs[k].length - 1));
    }
}
