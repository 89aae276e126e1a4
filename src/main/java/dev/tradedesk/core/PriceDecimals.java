package dev.tradedesk.core;

/**
 * How many decimals a series' prices are shown with, read from the prices themselves: providers
 * quote BTCUSDT and US stocks to the cent, XRPUSDT and sub-dollar stocks to 4 decimals, small
 * coins to 8, and a fixed rule either hides real digits ("2.35" for 2.3456) or pads every price
 * with zeros. A series shows the fewest decimals that write each of its recent prices exactly, at
 * least {@link #MIN} (a stock at 190.5 reads "190.50") and at most {@link #MAX}.
 *
 * <p>Arithmetic only, no text and no allocation, so it can follow every tick. Stateless and
 * thread-safe.
 */
public final class PriceDecimals {

    /** Fewest decimals a price is shown with: cents. */
    public static final int MIN = 2;
    /** Most decimals a price is shown with: a satoshi, the finest step any provider quotes. */
    public static final int MAX = 8;
    /**
     * Share of a scaled price below which its distance to a whole number is the double's rounding,
     * not a digit: 2.3456 is stored as 2.34559999…, and times 10^4 it lies about 10^-12 from 23456.
     * A real further digit lies at least 0.1 away, and this tolerance stays below that up to
     * 10^12 (any price to its 8 decimals below 10,000, to its cents below 10^10).
     */
    private static final double ROUNDING = 1e-13;
    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    private PriceDecimals() {
    }

    /**
     * The fewest decimals, at most {@link #MAX}, that write {@code price} exactly: 0 for 98123,
     * 2 for 98123.45, 4 for 2.3456, 8 for 0.00001234 and for anything finer. NaN and infinities
     * have 0, so they never widen a series' decimals.
     */
    public static int exact(double price) {
        double magnitude = Math.abs(price);
        if (!Double.isFinite(magnitude)) {
            return 0;
        }
        for (int decimals = 0; decimals < MAX; decimals++) {
            // One multiplication by an exact power, not ten repeated ones, so the rounding stays one ulp.
            double scaled = magnitude * POWERS_OF_TEN[decimals];
            if (Math.abs(scaled - Math.rint(scaled)) <= scaled * ROUNDING) {
                return decimals;
            }
        }
        return MAX;
    }

    /** The decimals to show {@code price} with on its own: {@link #exact} but at least {@link #MIN}. */
    public static int of(double price) {
        return Math.max(MIN, exact(price));
    }

    /** {@code decimals} widened, if need be, to write {@code price} exactly. */
    public static int widened(int decimals, double price) {
        return decimals >= MAX ? MAX : Math.max(decimals, exact(price));
    }

    /** {@code decimals} widened, if need be, to write a bar's four prices exactly. */
    public static int widened(int decimals, double open, double high, double low, double close) {
        return widened(widened(widened(widened(decimals, open), high), low), close);
    }
}
