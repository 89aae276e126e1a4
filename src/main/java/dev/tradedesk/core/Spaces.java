package dev.tradedesk.core;

/**
 * What TradeDesk takes for a space in text the user types or pastes: every character
 * {@link String#strip} takes, and the no-break spaces it keeps (U+00A0, U+2007, U+202F), which text
 * copied from a web page, a PDF or a French spreadsheet brings. Pasted around a time zone, a URL, a
 * key or a number, or between two symbols, they are spaces to the user, and the settings dialog,
 * the settings file and the watchlist read them so. Stateless and thread-safe.
 */
public final class Spaces {

    /**
     * A regular expression class matching exactly the characters {@link #isSpace} takes, for use
     * inside another class: {@code "[,;" + Spaces.CHARACTER_CLASS + "]+"}.
     */
    public static final String CHARACTER_CLASS = "[\\p{javaWhitespace}\\p{javaSpaceChar}]";

    private Spaces() {
    }

    /** Whether {@code c} is a space of any kind, the no-break ones included. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** {@code text} without the spaces of any kind around it; {@code null} is empty. */
    public static String trimmed(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Whether {@code text} is {@code null}, empty or spaces of any kind alone. */
    public static boolean isBlank(String text) {
        return trimmed(text).isEmpty();
    }
}
