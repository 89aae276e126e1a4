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

    /** The ways a set of values can fail to form a bar, each with a short, stable description. */
    public enum Defect {
        PRICE("price not finite and positive"),
        HIGH_BELOW_LOW("high below low"),
        OUTSIDE_RANGE("open or close outside [low, high]"),
        VOLUME("volume not finite or negative");

        private final String description;

        Defect(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * What is wrong with these values, or {@code null} when they form a bar: every price finite and
     * positive, {@code high >= low}, open and close inside {@code [low, high]}, volume finite and not
     * negative. Allocates nothing.
     */
    public static Defect defect(double open, double high, double low, double close, double volume) {
        if (!isPrice(open) || !isPrice(high) || !isPrice(low) || !isPrice(close)) {
            return Defect.PRICE;
        }
        if (high < low) {
            return Defect.HIGH_BELOW_LOW;
        }
        if (open < low || open > high || close < low || close > high) {
            return Defect.OUTSIDE_RANGE;
        }
        if (!(volume >= 0) || Double.isInfinite(volume)) {
            return Defect.VOLUME;
        }
        return null;
    }

    /**
     * Whether these values form a bar: exactly {@code defect(...) == null}, as one expression of
     * non-short-circuit tests (no branch per field), for the live update path. With {@code low > 0}
     * and {@code high} finite, {@code low <= open, close <= high} puts every price in range.
     */
    public static boolean isValid(double open, double high, double low, double close, double volume) {
        return low > 0 & high < Double.POSITIVE_INFINITY & low <= open & open <= high & low <= close & close <= high
                & volume >= 0 & volume < Double.POSITIVE_INFINITY;
    }

    /**
     * Why these values cannot form a bar, with the numbers, or {@code null} when they can (see
     * {@link #defect}). Allocates nothing when the values are valid.
     */
    public static String problem(double open, double high, double low, double close, double volume) {
        Defect defect = defect(open, high, low, close, volume);
        if (defect == null) {
            return null;
        }
        return switch (defect) {
            case PRICE -> "prices must be finite and positive (open " + number(open) + ", high " + number(high)
                    + ", low " + number(low) + ", close " + number(close) + ")";
            case HIGH_BELOW_LOW -> "high " + number(high) + " is below low " + number(low);
            case OUTSIDE_RANGE -> "open " + number(open) + " and close " + number(close) + " must lie within [low "
                    + number(low) + ", high " + number(high) + "]";
            case VOLUME -> "volume must be finite and not negative, was " + number(volume);
        };
    }

    /**
     * A value as the file or the feed most likely wrote it: 0.0000129, not Double's 1.29E-5, which
     * a user who typed the former would not find in their file. Absurd magnitudes keep the exponent.
     */
    private static String number(double value) {
        double magnitude = Math.abs(value);
        return magnitude >= 1e-12 && magnitude < 1e18 ? PlainDecimal.of(value) : String.valueOf(value);
    }

    /**
     * A trillion per unit: above any quote (bitcoin in Vietnamese dong is about 2.5e9). Higher
     * prices overflow the indicators' sums of squares. Not part of {@link #defect}, so bars stored
     * before this bound existed stay readable; new bars from a feed or a file are held to it.
     */
    public static final double MAX_MARKET_PRICE = 1e12;
    /** Above any bar's volume, even of tokens with a supply in the hundreds of trillions. */
    public static final double MAX_MARKET_VOLUME = 1e18;

    /** Which of a valid bar's values no market has, each with a short, stable description. */
    public enum BeyondAnyMarket {
        PRICE("price beyond any market's"),
        VOLUME("volume beyond any market's");

        private final String description;

        BeyondAnyMarket(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * Which value of a valid bar is still no market's (a shifted column, another unit, a feed gone
     * wrong), or {@code null} when they are within {@link #MAX_MARKET_PRICE} and
     * {@link #MAX_MARKET_VOLUME}. Allocates nothing.
     */
    public static BeyondAnyMarket beyondAnyMarket(double high, double volume) {
        if (high > MAX_MARKET_PRICE) {
            return BeyondAnyMarket.PRICE;
        }
        if (volume > MAX_MARKET_VOLUME) {
            return BeyondAnyMarket.VOLUME;
        }
        return null;
    }

    private static boolean isPrice(double value) {
        return value > 0 && value < Double.POSITIVE_INFINITY;
    }
}
