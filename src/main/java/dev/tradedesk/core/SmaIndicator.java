package dev.tradedesk.core;

/**
 * Simple moving average over the last {@code n} inputs, exact over any number of updates.
 *
 * <p>Contract (docs/indicators.md): the mean is undefined ({@code NaN}) until {@code n} inputs have
 * been seen and whenever any input in the window is {@code NaN}; {@link #warmUpLength()} is
 * {@code n - 1}. A window of exact zeros has mean exactly 0.
 *
 * <p>Exactness: the window sum is kept as a running Neumaier-compensated sum (an addition for the
 * incoming value, one for the outgoing), and every {@code max(64, n)} rounded up to a power of two
 * inputs it is summed afresh from the window, which resets whatever rounding the compensation
 * itself gathered. So error does not accumulate over millions of updates, and a series decaying
 * towards 0 keeps its relative precision (TA-Lib's plain running sum does not). The fresh sum runs
 * after a commit, so {@code peek} and the following {@code push} still see the same state. O(1)
 * amortized. The window lives in a power-of-two ring of primitives.
 *
 * <p>{@link #push} commits an input; {@link #peek} returns what {@code push} would return for the
 * same input, bit for bit, without changing state. Both O(1), no allocation. Not thread-safe.
 */
public final class SmaIndicator {

    private final int period;
    private final double inversePeriod;
    private final double[] window;
    private final int mask;
    private final long resumMask;
    private long count;
    private long lastUndefined = -1;
    private long lastNonZero = -1;
    private double sum;
    private double compensation;

    public SmaIndicator(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        this.period = period;
        this.inversePeriod = 1.0 / period;
        this.window = new double[RingCapacity.atLeast(period)];
        this.mask = window.length - 1;
        this.resumMask = Math.max(64, window.length) - 1;
    }

    /** Commits {@code x} ({@code NaN} for an undefined input) and returns the mean including it. */
    public double push(double x) {
        return advance(x, true);
    }

    /** The value {@link #push} would return for {@code x}; changes nothing. */
    public double peek(double x) {
        return advance(x, false);
    }

    public int warmUpLength() {
        return period - 1;
    }

    /** Sums the window afresh (compensated), dropping the rounding gathered so far. */
    private void resum() {
        double s = 0;
        double c = 0;
        for (long i = Math.max(0, count - period); i < count; i++) {
            double x = window[(int) (i & mask)];
            double t = s + x;
            double z = t - s;
            c += (s - (t - z)) + (x - z);
            s = t;
        }
        sum = s;
        compensation = c;
    }

    /**
     * Computes the next mean in locals; stores the new state only when committing. Branch-free
     * apart from the rare fresh sum: an undefined input is kept as 0 in the window (its index marks
     * the window undefined), and each compensated addition is Knuth's TwoSum.
     */
    private double advance(double x, boolean commit) {
        long index = count;
        // Slots not yet written hold 0, so the first period inputs subtract nothing.
        double outgoing = window[(int) ((index - period) & mask)];
        boolean undefined = x != x;
        double value = undefined ? 0 : x;
        long undefinedAt = undefined ? index : lastUndefined;
        long nonZeroAt = value != 0 ? index : lastNonZero;
        double s = sum;
        double t = s + value;
        double z = t - s;
        double c = compensation + ((s - (t - z)) + (value - z));
        s = t;
        t = s - outgoing;
        z = t - s;
        c += (s - (t - z)) - (outgoing + z);
        s = t;
        if (commit) {
            window[(int) (index & mask)] = value;
            sum = s;
            compensation = c;
            lastUndefined = undefinedAt;
            lastNonZero = nonZeroAt;
            count = index + 1;
            if ((count & resumMask) == 0) {
                resum();
            }
        }
        long windowStart = index - period + 1;
        if (windowStart < 0 || undefinedAt >= windowStart) {
            return Double.NaN;
        }
        // Times the reciprocal rather than a division: within an ulp, and the divider is the
        // engine's busiest unit.
        return nonZeroAt < windowStart ? 0.0 : (s + c) * inversePeriod;
    }
}
