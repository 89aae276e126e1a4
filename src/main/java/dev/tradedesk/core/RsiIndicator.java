package dev.tradedesk.core;

/**
 * Wilder's RSI over closes, exactly as docs/indicators.md defines it: gains and losses of
 * close-to-close changes, each smoothed by a {@link WilderAverage} seeded with the mean of the first
 * {@code n} changes; {@code rsi = 100 * avgGain / (avgGain + avgLoss)}, and 0 when both averages are
 * exactly 0. Undefined for the first {@code n} closes ({@link #warmUpLength()} is {@code n}).
 *
 * <p>{@link #push} commits a close; {@link #peek} gives the RSI a close would have if it were the
 * next one, bit-identical to {@code push}, without changing state. O(1), no allocation. Not
 * thread-safe.
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
        return rsi(gains.push(Math.max(change, 0.0)), losses.push(Math.max(-change, 0.0)));
    }

    /** The RSI {@link #push} would return for {@code close}; changes nothing. */
    public double peek(double close) {
        if (Double.isNaN(previousClose)) {
            return Double.NaN;
        }
        double change = close - previousClose;
        return rsi(gains.peek(Math.max(change, 0.0)), losses.peek(Math.max(-change, 0.0)));
    }

    /** Index of the first defined RSI: {@code n}. */
    public int warmUpLength() {
        return period;
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
