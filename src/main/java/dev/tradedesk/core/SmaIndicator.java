package dev.tradedesk.core;

/**
 * Simple moving average over the last {@code n} inputs, exact over any number of updates.
 *
 * <p>Contract (docs/indicators.md): the mean is undefined ({@code NaN}) until {@code n} inputs have
 * been seen and whenever any input in the window is {@code NaN}; {@link #warmUpLength()} is
 * {@code n - 1}. A window of exact zeros has mean exactly 0.
 *
 * <p>Exactness: the window sum is kept as a running compensated sum (Knuth's TwoSum carries the
 * rounding of each addition, one for the incoming value and one for the outgoing), and every
 * {@code max(64, n)} rounded up to a power of two inputs it is replaced by a fresh compensated sum
 * of the window, which resets whatever rounding the compensation itself gathered. So error does not
 * accumulate over millions of updates, and a series decaying towards 0 keeps its relative precision
 * (TA-Lib's plain running sum does not). The fresh sum replaces the running one after a commit, so
 * {@code peek} and the following {@code push} still see the same state. A push builds it on the way,
 * adding each of the last {@code n} inputs before the replacement to a second compensated sum (one
 * TwoSum for those inputs, no loop in the live path); {@link #pushAll} sums the window at the
 * replacement instead, in the same order, so both give the same bits. O(1) per input. The window
 * lives in a power-of-two ring of primitives.
 *
 * <p>{@link #push} commits an input; {@link #peek} returns what {@code push} would return for the
 * same input, bit for bit, without changing state; {@link #pushAll} commits a column as repeated
 * pushes would. All O(1) per input, no allocation. Not thread-safe.
 */
public final class SmaIndicator {

    private final int period;
    private final double inversePeriod;
    private final double[] window;
    private final int mask;
    private final long resumMask;
    /** Position in the fresh-sum cycle from which inputs go into the fresh sum. */
    private final long freshFrom;
    private long count;
    private long lastUndefined = -1;
    private long lastNonZero = -1;
    private double sum;
    private double compensation;
    /** The fresh sum of this cycle's last {@code n} inputs so far, with its compensation. */
    private double freshSum;
    private double freshCompensation;

    public SmaIndicator(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        this.period = period;
        this.inversePeriod = 1.0 / period;
        this.window = new double[RingCapacity.atLeast(period)];
        this.mask = window.length - 1;
        this.resumMask = Math.max(64, window.length) - 1;
        this.freshFrom = resumMask + 1 - period;
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
            c += additionError(s, t, x);
            s = t;
        }
        sum = s;
        compensation = c;
    }

    /**
     * Commits {@code length} inputs from {@code in[from]} as {@code push} would, one by one, writing
     * each mean to {@code out} from {@code outFrom} on (in the manner of {@link System#arraycopy}):
     * the same arithmetic and the same fresh-sum schedule, with the running state in registers
     * between fresh sums.
     */
    public void pushAll(double[] in, int from, double[] out, int outFrom, int length) {
        int to = from + length;
        int shift = outFrom - from;
        double[] ring = window;
        int ringMask = mask;
        long index = count;
        long undefinedAt = lastUndefined;
        long nonZeroAt = lastNonZero;
        double s = sum;
        double c = compensation;
        int i = from;
        while (i < to) {
            // Up to the next fresh sum.
            int end = (int) Math.min(to, i + (resumMask + 1 - (index & resumMask)));
            while (i < end) {
                if (index - period >= undefinedAt) {
                    // The window is full and defined: while inputs stay defined, the mean needs no
                    // more bookkeeping than where the last non-zero input was.
                    for (; i < end; i++, index++) {
                        double x = in[i];
                        if (x != x) {
                            break;
                        }
                        double outgoing = ring[(int) ((index - period) & ringMask)];
                        nonZeroAt = whereNonZero(x, index, nonZeroAt);
                        double base = s - outgoing;
                        double baseCompensation = c + subtractionError(s, base, outgoing);
                        s = base + x;
                        c = baseCompensation + additionError(base, s, x);
                        ring[(int) (index & ringMask)] = x;
                        out[i + shift] = nonZeroAt > index - period
                                ? total(base, baseCompensation, x) * inversePeriod : 0.0;
                    }
                    if (i == end) {
                        break;
                    }
                }
                double outgoing = ring[(int) ((index - period) & ringMask)];
                double value = in[i];
                if (value != value) {
                    value = 0;
                    undefinedAt = index;
                }
                nonZeroAt = whereNonZero(value, index, nonZeroAt);
                double base = s - outgoing;
                double baseCompensation = c + subtractionError(s, base, outgoing);
                s = base + value;
                c = baseCompensation + additionError(base, s, value);
                ring[(int) (index & ringMask)] = value;
                out[i + shift] = mean(index, undefinedAt, nonZeroAt, total(base, baseCompensation, value));
                i++;
                index++;
            }
            if ((index & resumMask) == 0) {
                count = index;
                resum();
                s = sum;
                c = compensation;
            }
        }
        count = index;
        sum = s;
        compensation = c;
        lastUndefined = undefinedAt;
        lastNonZero = nonZeroAt;
        restartFreshSum();
    }

    /**
     * Adds a committed input to the fresh sum; with the cycle's last input, the fresh sum replaces
     * the running one and starts over. The same TwoSum steps, in the same order, as {@link #resum}.
     */
    private void addToFreshSum(double value, boolean complete) {
        double s = freshSum;
        double t = s + value;
        double c = freshCompensation + additionError(s, t, value);
        if (complete) {
            sum = t;
            compensation = c;
            t = 0;
            c = 0;
        }
        freshSum = t;
        freshCompensation = c;
    }

    /** Sets the fresh sum to this cycle's inputs committed so far, from the window (after a bulk push). */
    private void restartFreshSum() {
        long cycleStart = count & ~resumMask;
        double s = 0;
        double c = 0;
        for (long i = cycleStart + freshFrom; i < count; i++) {
            double x = window[(int) (i & mask)];
            double t = s + x;
            c += additionError(s, t, x);
            s = t;
        }
        freshSum = s;
        freshCompensation = c;
    }

    /**
     * Computes the next mean in locals; stores the new state only when committing. An undefined
     * input is kept as 0 in the window (its index marks the window undefined), each compensated
     * addition is Knuth's TwoSum, and a commit among a cycle's last {@code n} inputs also goes into
     * the fresh sum.
     */
    private double advance(double x, boolean commit) {
        long index = count;
        double[] ring = window;
        // Slots not yet written hold 0, so the first period inputs subtract nothing. Masked with the
        // ring's own length, which lets the JIT drop the bounds checks.
        int ringMask = ring.length - 1;
        double outgoing = ring[(int) (index - period) & ringMask];
        // A branch, well predicted: as a select on x != x the JIT shuffles flags through the stack.
        double value = x;
        long undefinedAt = lastUndefined;
        if (x != x) {
            value = 0;
            undefinedAt = index;
            if (commit) {
                // Stored only here, where it changes: one store fewer per defined input.
                lastUndefined = index;
            }
        }
        long nonZeroAt = whereNonZero(value, index, lastNonZero);
        // The outgoing input leaves first: that part does not wait for x, so only two additions
        // and the reciprocal stand between x and the mean (see total).
        double s = sum;
        double base = s - outgoing;
        double baseCompensation = compensation + subtractionError(s, base, outgoing);
        if (commit) {
            double t = base + value;
            ring[(int) index & ringMask] = value;
            sum = t;
            compensation = baseCompensation + additionError(base, t, value);
            lastNonZero = nonZeroAt;
            count = index + 1;
            long phase = index & resumMask;
            if (phase >= freshFrom) {
                addToFreshSum(value, phase == resumMask);
            }
        }
        return mean(index, undefinedAt, nonZeroAt, total(base, baseCompensation, value));
    }

    /**
     * {@code x != 0 ? index : last}, without a branch: zero inputs (idle volume, a raw StochRSI at
     * its low) come in patterns a branch predictor cannot learn.
     */
    private static long whereNonZero(double x, long index, long last) {
        long magnitude = Double.doubleToRawLongBits(x) << 1; // 0 exactly for +0.0 and -0.0
        long keep = ((magnitude | -magnitude) >> 63); // -1 when x != 0, else 0
        return (index & keep) | (last & ~keep);
    }

    /** The rounding error of {@code t = s + x} (Knuth's TwoSum), exactly. */
    private static double additionError(double s, double t, double x) {
        double z = t - s;
        return (s - (t - z)) + (x - z);
    }

    /** The rounding error of {@code t = s - x} (TwoSum of {@code s} and {@code -x}), exactly. */
    private static double subtractionError(double s, double t, double x) {
        double z = t - s;
        return (s - (t - z)) - (x + z);
    }

    /**
     * The window's sum once {@code x} joins it, from the compensated sum without the outgoing input:
     * the compensation goes into {@code x} and that into the rest, so the result waits on {@code x} for
     * two additions only (the committed state is the full TwoSum, off this path). For non-negative
     * inputs (all the engine's are) both roundings are of terms no larger than the result, so the
     * sum stays within a few ulps of the exact one, as the full TwoSum did (tested for inputs twelve
     * orders of magnitude apart).
     */
    private static double total(double base, double baseCompensation, double x) {
        return base + (baseCompensation + x);
    }

    /** The mean after input {@code index}: undefined until the window is full and defined, exactly 0 for zeros. */
    private double mean(long index, long undefinedAt, long nonZeroAt, double total) {
        long windowStart = index - period + 1;
        // Also undefined while the window is not yet full: then windowStart <= -1 <= undefinedAt.
        if (undefinedAt >= windowStart) {
            return Double.NaN;
        }
        // Times the reciprocal rather than a division: within an ulp, and the divider is the
        // engine's busiest unit.
        return nonZeroAt < windowStart ? 0.0 : total * inversePeriod;
    }
}
