package dev.tradedesk.core;

/**
 * Minimum and maximum of the last {@code m} values of a stream, by two monotonic deques on primitive
 * power-of-two rings: each value enters and leaves each deque once, so an update is O(1) amortized,
 * never a scan of the window.
 *
 * <p>Contract: after an update, {@link #min()} and {@link #max()} are the extremes of the last
 * {@code m} values when all of them are defined, and {@code NaN} otherwise (fewer than {@code m}
 * values since the start or since the last {@code NaN}). {@link #warmUpLength()} is {@code m - 1}.
 *
 * <p>{@link #push} commits a value; {@link #peek} sets {@code min()}/{@code max()} to what
 * {@code push} would give for the same value, without changing the committed window. The extremes
 * read back are those of the last {@code push} or {@code peek}. No allocation. Not thread-safe.
 */
public final class RollingExtremes {

    private final int period;
    private final int mask;
    private final double[] minValues;
    private final long[] minIndices;
    private final double[] maxValues;
    private final long[] maxIndices;
    private long minHead;
    private long minTail;
    private long maxHead;
    private long maxTail;
    private long count;
    private long definedRun;
    private double min = Double.NaN;
    private double max = Double.NaN;

    public RollingExtremes(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        this.period = period;
        int capacity = RingCapacity.atLeast(period + 1);
        this.mask = capacity - 1;
        this.minValues = new double[capacity];
        this.minIndices = new long[capacity];
        this.maxValues = new double[capacity];
        this.maxIndices = new long[capacity];
    }

    /** Commits {@code x} ({@code NaN} for undefined, which empties the window). */
    public void push(double x) {
        long index = count++;
        if (Double.isNaN(x)) {
            minHead = minTail;
            maxHead = maxTail;
            definedRun = 0;
            min = Double.NaN;
            max = Double.NaN;
            return;
        }
        long expired = index - period;
        while (minTail > minHead && minValues[slot(minTail - 1)] >= x) {
            minTail--;
        }
        minValues[slot(minTail)] = x;
        minIndices[slot(minTail++)] = index;
        if (minIndices[slot(minHead)] <= expired) {
            minHead++;
        }
        while (maxTail > maxHead && maxValues[slot(maxTail - 1)] <= x) {
            maxTail--;
        }
        maxValues[slot(maxTail)] = x;
        maxIndices[slot(maxTail++)] = index;
        if (maxIndices[slot(maxHead)] <= expired) {
            maxHead++;
        }
        definedRun++;
        boolean full = definedRun >= period;
        min = full ? minValues[slot(minHead)] : Double.NaN;
        max = full ? maxValues[slot(maxHead)] : Double.NaN;
    }

    /**
     * Sets {@link #min()} and {@link #max()} to the extremes of the window that {@code push(x)} would
     * produce, in O(1): the committed deques, less an expiring head, plus {@code x}.
     */
    public void peek(double x) {
        if (Double.isNaN(x) || definedRun + 1 < period) {
            min = Double.NaN;
            max = Double.NaN;
            return;
        }
        long expired = count - period;
        min = x;
        long head = minHead;
        if (head < minTail && minIndices[slot(head)] <= expired) {
            head++;
        }
        if (head < minTail && minValues[slot(head)] < x) {
            min = minValues[slot(head)];
        }
        max = x;
        head = maxHead;
        if (head < maxTail && maxIndices[slot(head)] <= expired) {
            head++;
        }
        if (head < maxTail && maxValues[slot(head)] > x) {
            max = maxValues[slot(head)];
        }
    }

    /** Minimum of the window after the last push or peek, {@code NaN} when undefined. */
    public double min() {
        return min;
    }

    /** Maximum of the window after the last push or peek, {@code NaN} when undefined. */
    public double max() {
        return max;
    }

    public int warmUpLength() {
        return period - 1;
    }

    private int slot(long position) {
        return (int) (position & mask);
    }
}
