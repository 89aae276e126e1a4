package dev.tradedesk.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A market symbol as the user and the providers spell it: {@code AAPL}, {@code BRK.B},
 * {@code BTCUSDT}, {@code BTC-USD}, {@code BTC/USD}.
 *
 * <p>Validated at construction so that no unchecked text ever reaches SQL, a URL or a file
 * name: ASCII letters and digits, {@code .}, {@code -} and {@code /}, 1 to {@value #MAX_LENGTH}
 * characters, upper-cased, with separators only between letters or digits (so nothing like
 * {@code ../x} gets through). Immutable and thread-safe.
 */
public record Symbol(String value) implements Comparable<Symbol> {

    public static final int MAX_LENGTH = 15;

    /** Separators only between letters or digits: no "..", no leading "/" or "-", nothing path-like. */
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+)*");

    public Symbol {
        if (value == null) {
            throw new IllegalArgumentException("symbol is missing");
        }
        value = Spaces.trimmed(value); // a symbol pasted from a web page brings no-break spaces
        // Checked before upper-casing: toUpperCase turns look-alikes such as 'ı' and 'ſ' into ASCII 'I' and 'S'.
        if (value.length() > MAX_LENGTH || !ALLOWED.matcher(value).matches()) {
            // As typed: upper-cased, 'ſpy' read "invalid symbol 'SPY'", naming a valid symbol.
            throw new IllegalArgumentException("invalid symbol '" + PrintableText.of(value, 40) + "': use 1 to " + MAX_LENGTH
                    + " letters A-Z, digits 0-9, '.', '-' or '/' (separators only between letters or digits)");
        }
        value = value.toUpperCase(Locale.ROOT);
    }

    /** Parses user or file input; same as the constructor, named for readability at call sites. */
    public static Symbol of(String text) {
        return new Symbol(text);
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
