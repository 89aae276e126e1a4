package dev.tradedesk.ui.chart;

import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorSeriesView;
import java.util.List;
import java.util.Objects;

/**
 * Pre-aggregated values of a series at every power-of-two resolution, so that the aggregate of
 * any run of consecutive bars is assembled from a handful of entries instead of a scan.
 *
 * <p>Each {@link Channel} aggregates one per-bar value (a bar field or an indicator) with one
 * operation: the smallest, the largest or the sum. Minimum and maximum skip undefined (NaN) values
 * and are NaN only when every value is; a sum is NaN when any value is. Sums are taken pairwise,
 * which equals a sequential sum exactly for integral values and to within rounding (about 1e-15
 * relative) otherwise.
 *
 * <p>Level 0 is the series itself. Level {@code k >= 1} holds one entry per aligned block of
 * {@code 2^k} bars, block {@code b} covering the bars {@code [b << k, (b + 1) << k)}, in a ring of
 * {@code capacity >> k} slots addressed by {@code block & mask}, like the series' own ring, so the
 * levels together take about one entry per bar of capacity (8 bytes per channel).
 *
 * <p>Costs: {@link #rebuild()} is O(retained bars); {@link #barChanged(long)} (after the last bar
 * was appended or updated) is O(log capacity); {@link #reduce} is O(log length), one entry for an
 * aligned block. An entry is only read when every bar of its block is retained (an older block's
 * slot may be reused): {@link #reduce} takes a partly dropped block from its retained parts.
 *
 * <p>Not thread-safe: it belongs to the thread that updates its series.
 */
final class BlockPyramid {

    /** How a channel combines values. */
    enum Op {
        MIN, MAX, SUM
    }

    /** Where a channel reads a bar's value. */
    interface Source {
        double value(IndicatorSeriesView bars, long index);

        static Source high() {
            return IndicatorSeriesView::high;
        }

        static Source low() {
            return IndicatorSeriesView::low;
        }

        static Source volume() {
            return IndicatorSeriesView::volume;
        }

        static Source of(Indicator indicator) {
            return (bars, index) -> bars.value(indicator, index);
        }
    }

    /** One aggregated value. */
    record Channel(Source source, Op op) {
        Channel {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(op, "op");
        }
    }

    private final IndicatorSeriesView bars;
    private final Source[] sources;
    private final Op[] ops;
    private final int stride;
    /** {@code entries[k]} holds level k, {@code stride} doubles per slot; index 0 is unused. */
    private final double[][] entries;
    private final long[] masks;
    private final int levels;

    BlockPyramid(IndicatorSeriesView bars, List<Channel> channels) {
        this.bars = Objects.requireNonNull(bars, "bars");
        stride = channels.size();
        sources = channels.stream().map(Channel::source).toArray(Source[]::new);
        ops = channels.stream().map(Channel::op).toArray(Op[]::new);
        int capacity = bars.capacity();
        levels = Integer.numberOfTrailingZeros(capacity);
        entries = new double[levels + 1][];
        masks = new long[levels + 1];
        for (int k = 1; k <= levels; k++) {
            entries[k] = new double[(capacity >> k) * stride];
            masks[k] = (capacity >> k) - 1;
        }
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
            for (long block = (first + (1L << k) - 1) >> k; block <= lastBlock; block++) {
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
     * Writes every channel's aggregate of the retained bars {@code [from, to)} (not empty) to
     * {@code out}, from at most two entries per level.
     */
    void reduce(long from, long to, double[] out) {
        reduce(from, to, out, 0, stride);
    }

    /**
     * Like {@link #reduce(long, long, double[])} for the channels {@code [firstChannel, endChannel)}
     * only, for callers that need just those; the other entries of {@code out} are left as they are.
     */
    void reduce(long from, long to, double[] out, int firstChannel, int endChannel) {
        if (from < bars.firstIndex() || to > bars.size() || from >= to) {
            throw new IndexOutOfBoundsException("bars [" + from + ", " + to + ") outside the retained ["
                    + bars.firstIndex() + ", " + bars.size() + ")");
        }
        for (int c = firstChannel; c < endChannel; c++) {
            out[c] = identity(ops[c]);
        }
        long left = from;
        long right = to;
        for (int k = 0; left < right; k++) {
            if ((left & 1) != 0) {
                combineInto(out, k, left, firstChannel, endChannel);
                left++;
            }
            if ((right & 1) != 0) {
                right--;
                combineInto(out, k, right, firstChannel, endChannel);
            }
            left >>= 1;
            right >>= 1;
        }
        for (int c = firstChannel; c < endChannel; c++) {
            if (Double.isInfinite(out[c]) && ops[c] != Op.SUM) {
                out[c] = Double.NaN; // every value undefined
            }
        }
    }

    private void combineInto(double[] out, int level, long node, int firstChannel, int endChannel) {
        for (int c = firstChannel; c < endChannel; c++) {
            out[c] = combine(ops[c], out[c], entry(level, node, c));
        }
    }

    /** Block {@code block} at level {@code k} from its one or two children at level {@code k - 1}. */
    private void recompute(int k, long block, long size) {
        long left = block << 1;
        long right = left + 1;
        boolean hasRight = (right << (k - 1)) < size;
        int base = slot(k, block) * stride;
        double[] level = entries[k];
        for (int c = 0; c < stride; c++) {
            double value = entry(k - 1, left, c);
            level[base + c] = hasRight ? combine(ops[c], value, entry(k - 1, right, c)) : value;
        }
    }

    private double entry(int level, long node, int channel) {
        return level == 0 ? sources[channel].value(bars, node) : entries[level][slot(level, node) * stride + channel];
    }

    private int slot(int level, long node) {
        return (int) (node & masks[level]);
    }

    private static double identity(Op op) {
        return switch (op) {
            case MIN -> Double.POSITIVE_INFINITY;
            case MAX -> Double.NEGATIVE_INFINITY;
            case SUM -> 0;
        };
    }

    /** Min and max skip NaN (undefined) values; a sum with one is NaN. */
    private static double combine(Op op, double a, double b) {
        return switch (op) {
            case MIN -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
            case MAX -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
            case SUM -> a + b;
        };
    }
}
