package dev.tradedesk.core;

/**
 * One OHLCV bar. {@code time} is the bar's open time in epoch milliseconds, UTC.
 *
 * <p>Validated at construction ({@link #problem}); a bar that exists is a bar that may be stored.
 * Hot paths that must not allocate check primitives with {@link #problem} directly and keep them in
 * {@link BarColumns} or ring buffers instead of creating {@code Bar} objects. Immutable.
 */
public record Bar(long time, double open, double high, double low, double close, double volume) {

    public Bar {
        String problem = problem(open, high, low, close, volume);
        if (problem != null) {
            throw new IllegalArgumentException("invalid bar at " + java.time.Instant.ofEpochMilli(time) + ": " + problem);
        }
    }

    /**
     * Why these values cannot form a bar, or {@code null} when they can: every price finite and
     * positive, {@code high >= low}, open and close inside {@code [low, high]}, volume finite and not
     * negative. Allocates nothing when the values are valid.
     */
    public static String problem(double open, double high, double low, double close, double volume) {
        if (!isPrice(open) || !isPrice(high) || !isPrice(low) || !isPrice(close)) {
            return "prices must be finite and positive (open " + open + ", high " + high + ", low " + low
                    + ", close " + close + ")";
        }
        if (high < low) {
            return "high " + high + " is below low " + low;
        }
        if (open < low || open > high || close < low || close > high) {
            return "open " + open + " and close " + close + " must lie within [low " + low + ", high " + high + "]";
        }
        if (!(volume >= 0) || Double.isInfinite(volume)) {
            return "volume must be finite and not negative, was " + volume;
        }
        return null;
    }

    private static boolean isPrice(double value) {
        return value > 0 && value < Double.POSITIVE_INFINITY;
    }
}
