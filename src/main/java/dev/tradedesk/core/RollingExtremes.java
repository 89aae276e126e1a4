package dev.tradedesk.core;

/**
 * Minimum and maximum of the last {@code m} values of a stream, by two monotonic deques on primitive
 * power-of-two rings: each value enters and leaves each deque once, so an update is O(1) amortized,
 * never a scan of the window. The maximum is kept as the minimum of the negated values (negation is
 * exact), so both deques share one small, inlinable implementation.
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
    private final MinimumDeque lows;
    private final MinimumDeque negatedHighs;
    private long count;
    private long definedRun;
    private double min = Double.NaN;
    private double max = Double.NaN;

    public RollingExtremes(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        this.period = period;
        this.lows = new MinimumDeque(period);
        this.negatedHighs = new MinimumDeque(period);
    }

    /** Commits {@code x} ({@code NaN} for undefined, which empties the window). */
    public void push(double x) {
        long index = count++;
        if (x != x) {
            lows.clear();
            negatedHighs.clear();
            definedRun = 0;
            min = Double.NaN;
            max = Double.NaN;
            return;
        }
        long expired = index - period;
        lows.push(index, x, expired);
        negatedHighs.push(index, -x, expired);
        boolean full = ++definedRun >= period;
        min = full ? lows.front() : Double.NaN;
        max = full ? -negatedHighs.front() : Double.NaN;
    }

    /**
     * Sets {@link #min()} and {@link #max()} to the extremes of the window that {@code push(x)} would
     * produce, in O(1): the committed deques, less an expiring head, plus {@code x}.
     */
    public void peek(double x) {
        if (x != x || definedRun + 1 < period) {
            min = Double.NaN;
            max = Double.NaN;
            return;
        }
        long expired = count - period;
        min = lows.peek(x, expired);
        max = -negatedHighs.peek(-x, expired);
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

    /**
     * Candidates for the minimum of a sliding window, oldest first and strictly increasing: a value
     * leaves the back when a smaller or equal one arrives, and the front when it is older than the
     * window. Positions grow forever and address a ring of at least {@code period + 1} slots.
     */
    private static final class MinimumDeque {

        private final int mask;
        private final double[] values;
        private final long[] indices;
        private long head;
        private long tail;

        MinimumDeque(int period) {
            int capacity = RingCapacity.atLeast(period + 1);
            this.mask = capacity - 1;
            this.values = new double[capacity];
            this.indices = new long[capacity];
        }

        /** Adds value {@code x} of stream index {@code index}; drops the front if it is {@code <= expired}. */
        void push(long index, double x, long expired) {
            long back = tail;
            while (back > head && values[slot(back - 1)] >= x) {
                back--;
            }
            int slot = slot(back);
            values[slot] = x;
            indices[slot] = index;
            tail = back + 1;
            if (indices[slot(head)] <= expired) {
                head++;
            }
        }

        /** The minimum {@code push(x)} would leave at the front, without changing anything. */
        double peek(double x, long expired) {
            long front = head;
            if (front < tail && indices[slot(front)] <= expired) {
                front++;
            }
            if (front < tail) {
                double candidate = values[slot(front)];
                return candidate < x ? candidate : x;
            }
            return x;
        }

        double front() {
            return values[slot(head)];
        }

        void clear() {
            head = tail;
        }

        private int slot(long position) {
            return (int) (position & mask);
        }
    }
}
