package dev.tradedesk.core;

/**
 * Wilder's average true range with TA-Lib's seeding (docs/indicators.md):
 * {@code tr = max(high - low, |high - prevClose|, |low - prevClose|)} from the second bar on,
 * {@code atr_n = mean(tr_1..tr_n)}, then Wilder smoothing. Undefined for the first {@code n} bars
 * ({@link #warmUpLength()} is {@code n}).
 *
 * <p>{@link #push} commits a bar; {@link #peek} gives the ATR the bar would have if it were the next
 * one, bit-identical to {@code push}, without changing state. {@link #pushAll} commits columns of
 * bars in one tight loop with the same arithmetic. O(1) per bar, no allocation. Not thread-safe.
 */
public final class AtrIndicator {

    private final int period;
    private final WilderAverage average;
    private double previousClose = Double.NaN;

    public AtrIndicator(int period) {
        this.period = period;
        this.average = new WilderAverage(period);
    }

    /** Commits the bar and returns the ATR at it ({@code NaN} while warming up). */
    public double push(double high, double low, double close) {
        if (Double.isNaN(previousClose)) {
            previousClose = close;
            return Double.NaN;
        }
        double range = trueRange(high, low, previousClose);
        previousClose = close;
        return average.push(range);
    }

    /** {@link #push} once {@link #steady()}: the same arithmetic without the warm-up tests. */
    double pushSteady(double high, double low, double close) {
        double range = trueRange(high, low, previousClose);
        previousClose = close;
        return average.pushSeeded(range);
    }

    /** The ATR {@link #push} would return for this bar; changes nothing. */
    public double peek(double high, double low, double close) {
        if (Double.isNaN(previousClose)) {
            return Double.NaN;
        }
        return average.peek(trueRange(high, low, previousClose));
    }

    /**
     * Commits {@code length} bars of the columns from index {@code from} as {@code push} would, one
     * by one, writing each ATR to {@code out} from {@code outFrom} on (in the manner of
     * {@link System#arraycopy}); once seeded, the average stays in a register.
     */
    public void pushAll(double[] highs, double[] lows, double[] closes, int from, double[] out, int outFrom,
            int length) {
        int to = from + length;
        int shift = outFrom - from;
        int i = from;
        for (; i < to && !steady(); i++) {
            out[i + shift] = push(highs[i], lows[i], closes[i]);
        }
        if (i == to) {
            return;
        }
        double periodMinusOne = average.periodMinusOne();
        double n = average.periodAsDouble();
        double previous = previousClose;
        double atr = average.value();
        for (int j = i; j < to; j++) {
            atr = WilderAverage.smooth(atr, trueRange(highs[j], lows[j], previous), periodMinusOne, n);
            previous = closes[j];
            out[j + shift] = atr;
        }
        resume(previous, atr, to - i);
    }

    /** Whether every further bar is one {@link WilderAverage#smooth} step (for column loops). */
    boolean steady() {
        return previousClose == previousClose && average.seeded();
    }

    WilderAverage average() {
        return average;
    }

    /** Takes back the state after {@code steps} bars pushed by a column loop, once {@link #steady()}. */
    void resume(double previousClose, double atr, int steps) {
        this.previousClose = previousClose;
        average.resume(atr, steps);
    }

    /** Index of the first defined ATR: {@code n}. */
    public int warmUpLength() {
        return period;
    }

    static double trueRange(double high, double low, double previousClose) {
        return Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    }
}
