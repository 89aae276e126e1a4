package dev.tradedesk.core;

/**
 * Minimum and maximum of the last {@code m} values of a stream. Live, by two monotonic deques on
 * primitive power-of-two rings: each value enters and leaves each deque once, so an update is O(1)
 * amortized, never a scan of the window. The maximum is kept as the minimum of the negated values
 * (negation is exact), so both deques share one small, inlinable implementation. In bulk
 * ({@link #pushAll}), by van Herk/Gil-Werman blocks: three branch-free min/max steps per value,
 * with exactly the results the deques give.
 *
 * <p>Contract: after an update, {@link #min()} and {@link #max()} are the extremes of the last
 * {@code m} values when all of them are defined, and {@code NaN} otherwise (fewer than {@code m}
 * values since the start or since the last {@code NaN}). Where values compare equal but differ in
 * bits ({@code 0.0} and {@code -0.0}), the extreme is the latest of them. {@link #warmUpLength()} is
 * {@code m - 1}.
 *
 * <p>{@link #push} commits a value; {@link #peek} sets {@code min()}/{@code max()} to what
 * {@code push} would give for the same value, without changing the committed window. The extremes
 * read back are those of the last {@code push}, {@code peek} or {@code pushAll}. No allocation per
 * value ({@code pushAll} keeps two scratch arrays, grown to the longest batch). Not thread-safe.
 */
public final class RollingExtremes {

    private final int period;
    private final MinimumDeque lows;
    private final MinimumDeque negatedHighs;
    private long count;
    /** Stream index of the last undefined value in the window, or older (-1 at the start). */
    private long undefinedAt = -1;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private double[] suffixMin = new double[0];
    private double[] suffixMax = new double[0];

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
        peek(x);
        commit(x);
    }

    /**
     * The second half of {@link #push}, once {@link #peek} of the same value has given the
     * extremes: adds {@code x} to the window. Split so that a caller can use the extremes before the
     * deques' work, while they are still in registers.
     */
    void commit(double x) {
        long index = count++;
        if (x != x) {
            lows.clear();
            negatedHighs.clear();
            undefinedAt = index;
            return;
        }
        long expired = index - period;
        lows.push(index, x, expired);
        negatedHighs.push(index, -x, expired);
    }

    /**
     * Sets {@link #min()} and {@link #max()} to the extremes of the window that {@code push(x)} would
     * produce, in O(1): the committed deques, less an expiring head, plus {@code x}.
     */
    public void peek(double x) {
        if (x != x || count - undefinedAt < period) {
            min = Double.NaN;
            max = Double.NaN;
            return;
        }
        long expired = count - period;
        min = lows.peek(x, expired);
        max = -negatedHighs.peek(-x, expired);
    }

    /**
     * Commits {@code length} values from {@code in[from]} as {@code push} would, one by one, writing
     * the extremes after each to {@code mins} and {@code maxs} from index {@code outFrom} on (in the
     * manner of {@link System#arraycopy}). The first {@code m - 1} values, whose
     * windows reach back before {@code from}, go through the deques; the rest by van Herk/Gil-Werman
     * blocks of {@code m} values aligned at {@code from}: a window is the suffix of one block plus
     * the prefix of the next, and the extremes of each are running min/max steps with no
     * data-dependent branch. The deques are then rebuilt from the last {@code m} values, so live
     * updates continue exactly. O(1) per value plus O(m) per call.
     */
    public void pushAll(double[] in, int from, double[] mins, double[] maxs, int outFrom, int length) {
        int to = from + length;
        int shift = outFrom - from;
        int head = Math.min(to, from + period - 1);
        for (int i = from; i < head; i++) {
            push(in[i]);
            mins[i + shift] = min;
            maxs[i + shift] = max;
        }
        if (head == to) {
            return;
        }
        long base = count - (head - from);
        blocks(in, from, to, mins, maxs, shift);
        count = base + length;
        rebuildDeques(in, base, from, to);
        min = mins[to - 1 + shift];
        max = maxs[to - 1 + shift];
    }

    /** Minimum of the last push or peek, {@code NaN} when undefined. */
    public double min() {
        return min;
    }

    /** Maximum of the last push or peek, {@code NaN} when undefined. */
    public double max() {
        return max;
    }

    public int warmUpLength() {
        return period - 1;
    }

    /** The extremes of every window {@code [j - m + 1, j]} within {@code [from, to)}, at {@code j + shift}. */
    private void blocks(double[] in, int from, int to, double[] mins, double[] maxs, int shift) {
        int m = period;
        if (suffixMin.length < to - from) {
            suffixMin = new double[to - from];
            suffixMax = new double[to - from];
        }
        double[] sMin = suffixMin;
        double[] sMax = suffixMax;
        for (int start = from; start < to; start += m) {
            int end = Math.min(start + m, to);
            double lo = in[end - 1];
            double hi = lo;
            sMin[end - 1 - from] = lo;
            sMax[end - 1 - from] = hi;
            for (int i = end - 2; i >= start; i--) {
                double x = in[i];
                lo = Math.min(x, lo);
                hi = Math.max(x, hi);
                sMin[i - from] = lo;
                sMax[i - from] = hi;
            }
            if (start == from) {
                // The first block is the first whole window.
                mins[end - 1 + shift] = exact(lo, in, end - 1);
                maxs[end - 1 + shift] = exact(hi, in, end - 1);
                continue;
            }
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
            for (int j = start; j < end; j++) {
                double x = in[j];
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
                int w = j - m + 1 - from;
                mins[j + shift] = exact(Math.min(sMin[w], lo), in, j);
                maxs[j + shift] = exact(Math.max(sMax[w], hi), in, j);
            }
        }
    }

    /**
     * {@code extreme} as the deques give it: {@code NaN} (canonical) when the window holds one, and
     * for a zero the latest zero's sign, since {@code Math.min} prefers {@code -0.0} but a deque keeps
     * the latest of equal values. Both cases are rare, so the branch is well predicted.
     */
    private static double exact(double extreme, double[] in, int last) {
        if (extreme > 0 || extreme < 0) {
            return extreme;
        }
        if (extreme != extreme) {
            return Double.NaN;
        }
        int i = last;
        while (in[i] != 0) {
            i--;
        }
        return in[i];
    }

    /** Empties the deques and pushes the last {@code m} values of the batch, as the live path would have. */
    private void rebuildDeques(double[] in, long base, int from, int to) {
        lows.clear();
        negatedHighs.clear();
        for (int i = Math.max(from, to - period); i < to; i++) {
            long index = base + (i - from);
            double x = in[i];
            if (x != x) {
                lows.clear();
                negatedHighs.clear();
                undefinedAt = index;
            } else {
                lows.push(index, x, index - period);
                negatedHighs.push(index, -x, index - period);
            }
        }
    }

    /**
     * Candidates for the minimum of a sliding window, oldest first and strictly increasing: a value
     * leaves the back when a smaller or equal one arrives, and the front when it is older than the
     * window. Positions grow forever and address rings of at least {@code period + 3} slots (masked
     * with the array's own length, which lets the JIT drop the bounds checks).
     *
     * <p>Branch-light: whether the back pops hinges on the direction of each new value, a coin
     * toss no predictor learns, so the first two pops are counted from two independent comparisons
     * (selects, not branches) and only longer runs loop; expiring the front is arithmetic. The two
     * slots before the front hold {@code NaN} sentinels, which compare false with everything, so
     * none of this needs an emptiness test.
     */
    private static final class MinimumDeque {

        private final double[] values;
        private final long[] indices;
        private long head;
        private long tail;

        MinimumDeque(int period) {
            int capacity = RingCapacity.atLeast(period + 3);
            this.values = new double[capacity];
            this.indices = new long[capacity];
            markFront(head);
        }

        /** Adds value {@code x} of stream index {@code index}; drops the front if it is {@code <= expired}. */
        void push(long index, double x, long expired) {
            double[] v = values;
            long[] at = indices;
            long back = tail;
            // Strictly increasing, so the second-to-last pops only if the last does.
            back -= (v[slot(v, back - 1)] >= x ? 1 : 0) + (v[slot(v, back - 2)] >= x ? 1 : 0);
            while (v[slot(v, back - 1)] >= x) {
                back--;
            }
            v[slot(v, back)] = x;
            at[slot(at, back)] = index;
            tail = back + 1;
            long front = head;
            front += ~(expired - at[slot(at, front)]) >>> 63; // + 1 when the front is expired
            // The front moves by at most one and the slot before the old front already holds a
            // sentinel, so one store keeps both sentinels in place.
            v[slot(v, front - 1)] = Double.NaN;
            head = front;
        }

        /**
         * The minimum {@code push(x)} would leave at the front, without changing anything: the
         * first unexpired candidate if it is below {@code x}, else {@code x} (which would pop it).
         * {@code Math.min} is a branch-free select, so a new extreme costs no mispredicted branch;
         * only for a zero is the exact choice redone, since {@code Math.min} prefers {@code -0.0}
         * where the deque keeps the latest of equal values.
         */
        double peek(double x, long expired) {
            double[] v = values;
            long[] at = indices;
            long front = head;
            front += ~(expired - at[slot(at, front)]) >>> 63; // + 1 when the front is expired
            if (front >= tail) {
                return x;
            }
            double candidate = v[slot(v, front)];
            double min = Math.min(candidate, x);
            return min != 0 ? min : candidate < x ? candidate : x;
        }

        void clear() {
            head = tail;
            markFront(head);
        }

        /** Puts the sentinels before {@code front}. */
        private void markFront(long front) {
            double[] v = values;
            v[slot(v, front - 1)] = Double.NaN;
            v[slot(v, front - 2)] = Double.NaN;
        }

        private static int slot(double[] ring, long position) {
            return (int) position & (ring.length - 1);
        }

        private static int slot(long[] ring, long position) {
            return (int) position & (ring.length - 1);
        }
    }
}
