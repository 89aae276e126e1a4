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
            if (x == x) {
                double t = s + x;
                c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
                s = t;
            }
        }
        sum = s;
        compensation = c;
    }

    /** Computes the next mean in locals; stores the new state only when committing. */
    private double advance(double x, boolean commit) {
        long index = count;
        double outgoing = index >= period ? window[(int) ((index - period) & mask)] : 0;
        double s = sum;
        double c = compensation;
        long undefinedAt = lastUndefined;
        long nonZeroAt = lastNonZero;
        if (Double.isNaN(x)) {
            undefinedAt = index;
        } else {
            double t = s + x;
            c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            s = t;
            if (x != 0) {
                nonZeroAt = index;
            }
        }
        if (outgoing == outgoing && outgoing != 0) {
            double minus = -outgoing;
            double t = s + minus;
            c += Math.abs(s) >= Math.abs(minus) ? (s - t) + minus : (minus - t) + s;
            s = t;
        }
        if (commit) {
            window[(int) (index & mask)] = x;
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
