package dev.tradedesk.core;

/**
 * Wilder's RSI over closes, exactly as docs/indicators.md defines it: gains and losses of
 * close-to-close changes, each smoothed by a {@link WilderAverage} seeded with the mean of the first
 * {@code n} changes; {@code rsi = 100 * avgGain / (avgGain + avgLoss)}, and 0 when both averages are
 * exactly 0. Undefined for the first {@code n} closes ({@link #warmUpLength()} is {@code n}).
 *
 * <p>{@link #push} commits a close; {@link #peek} gives the RSI a close would have if it were the
 * next one, bit-identical to {@code push}, without changing state. {@link #pushAll} commits a
 * column of closes in one tight loop with the same arithmetic, so it gives exactly the values
 * {@code push} would, close by close. O(1) per close, no allocation. Not thread-safe.
 */
public final class RsiIndicator {

    private final int period;
    private final WilderAverage gains;
    private final WilderAverage losses;
    private double previousClose = Double.NaN;

    public RsiIndicator(int period) {
        this.period = period;
        this.gains = new WilderAverage(period);
        this.losses = new WilderAverage(period);
    }

    /** Commits {@code close} and returns the RSI at it ({@code NaN} while warming up). */
    public double push(double close) {
        if (Double.isNaN(previousClose)) {
            previousClose = close;
            return Double.NaN;
        }
        double change = close - previousClose;
        previousClose = close;
        double gain = gain(change);
        return rsi(gains.push(gain), losses.push(loss(change, gain)));
    }

    /** {@link #push} once {@link #steady()}: the same arithmetic without the warm-up tests. */
    double pushSteady(double close) {
        double change = close - previousClose;
        previousClose = close;
        double gain = gain(change);
        return rsi(gains.pushSeeded(gain), losses.pushSeeded(loss(change, gain)));
    }

    /** The RSI {@link #push} would return for {@code close}; changes nothing. */
    public double peek(double close) {
        if (Double.isNaN(previousClose)) {
            return Double.NaN;
        }
        double change = close - previousClose;
        double gain = gain(change);
        return rsi(gains.peek(gain), losses.peek(loss(change, gain)));
    }

    /**
     * Commits {@code length} closes from {@code closes[from]} as {@code push} would, one by one,
     * writing each RSI to {@code out} from {@code outFrom} on (in the manner of
     * {@link System#arraycopy}). Once seeded, the averages stay in registers: the loop's only carried
     * dependency is the two Wilder steps, which run side by side.
     */
    public void pushAll(double[] closes, int from, double[] out, int outFrom, int length) {
        int to = from + length;
        int shift = outFrom - from;
        int i = from;
        for (; i < to && !steady(); i++) {
            out[i + shift] = push(closes[i]);
        }
        if (i == to) {
            return;
        }
        double periodMinusOne = gains.periodMinusOne();
        double n = gains.periodAsDouble();
        double previous = previousClose;
        double averageGain = gains.value();
        double averageLoss = losses.value();
        for (int j = i; j < to; j++) {
            double close = closes[j];
            double change = close - previous;
            previous = close;
            double gain = gain(change);
            averageGain = WilderAverage.smooth(averageGain, gain, periodMinusOne, n);
            averageLoss = WilderAverage.smooth(averageLoss, loss(change, gain), periodMinusOne, n);
            out[j + shift] = rsi(averageGain, averageLoss);
        }
        resume(previous, averageGain, averageLoss, to - i);
    }

    /** Whether every further close is one {@link WilderAverage#smooth} step of each average (for column loops). */
    boolean steady() {
        return previousClose == previousClose && gains.seeded();
    }

    double previousClose() {
        return previousClose;
    }

    WilderAverage gains() {
        return gains;
    }

    WilderAverage losses() {
        return losses;
    }

    /** Takes back the state after {@code steps} closes pushed by a column loop, once {@link #steady()}. */
    void resume(double previousClose, double averageGain, double averageLoss, int steps) {
        this.previousClose = previousClose;
        gains.resume(averageGain, steps);
        losses.resume(averageLoss, steps);
    }

    /** Index of the first defined RSI: {@code n}. */
    public int warmUpLength() {
        return period;
    }

    /** The gain of a close-to-close change: {@code max(change, 0)}. */
    static double gain(double change) {
        return Math.max(change, 0.0);
    }

    /**
     * The loss of a change whose gain is {@code gain}: {@code max(-change, 0)}, computed as
     * {@code gain - change}, which is exact and gives the same bits (a rise: {@code change - change =
     * +0.0}; otherwise {@code 0 - change = -change}, and {@code +0.0} for no change). One subtraction
     * instead of a second {@code Math.max}, which C2 compiles into a five-instruction blend. Changes are
     * never {@code NaN} (closes are finite).
     */
    static double loss(double change, double gain) {
        return gain - change;
    }

    /** RSI from the two averages; exact, so only an exact 0/0 gives 0 (TA-Lib also zeroes below 1e-8). */
    static double rsi(double averageGain, double averageLoss) {
        double total = averageGain + averageLoss;
        if (total == 0) {
            return 0;
        }
        return 100.0 * (averageGain / total);
    }
}
