package dev.tradedesk.core;

/**
 * Wilder's average true range with TA-Lib's seeding (docs/indicators.md):
 * {@code tr = max(high - low, |high - prevClose|, |low - prevClose|)} from the second bar on,
 * {@code atr_n = mean(tr_1..tr_n)}, then Wilder smoothing. Undefined for the first {@code n} bars
 * ({@link #warmUpLength()} is {@code n}).
 *
 * <p>{@link #push} commits a bar; {@link #peek} gives the ATR the bar would have if it were the next
 * one, bit-identical to {@code push}, without changing state. O(1), no allocation. Not thread-safe.
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

    /** The ATR {@link #push} would return for this bar; changes nothing. */
    public double peek(double high, double low, double close) {
        if (Double.isNaN(previousClose)) {
            return Double.NaN;
        }
        return average.peek(trueRange(high, low, previousClose));
    }

    /** Index of the first defined ATR: {@code n}. */
    public int warmUpLength() {
        return period;
    }

    static double trueRange(double high, double low, double previousClose) {
        return Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    }
}
