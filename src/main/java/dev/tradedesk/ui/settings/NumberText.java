package dev.tradedesk.ui.settings;

import dev.tradedesk.core.Spaces;
import java.math.BigDecimal;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as typed in the settings dialog: whole numbers, and decimals with a point or a comma
 * (no NaN, infinities, hex or type suffixes, which {@link Double#parseDouble} would take). A comma
 * followed by groups of three digits ("1,000", "10,000") is refused as neither: the dialog itself
 * groups thousands so ("at most 10,000"), and read as a decimal comma it was a thousandth of what
 * was meant. Spaces around a number are trimmed, the no-break ones too ({@link Spaces}). Spaces
 * grouping thousands ("10 000", a narrow no-break space in French) are refused as the commas are,
 * though they read only one way: the dialog asks for the digits alone, and refuses "1,000,000" too.
 * Only the form is checked here; the ranges are the values' own rules. Stateless and thread-safe.
 */
final class NumberText {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    /** Digits grouped in thousands by commas, with no point: "1,000" or "10,000,000", not "0,700" nor "1,5". */
    private static final Pattern THOUSANDS_GROUPED = Pattern.compile("[+-]?[1-9]\\d{0,2}(,\\d{3})+");
    /** Digits grouped in thousands by spaces of any kind, then perhaps decimals (group 2): "10 000", "1 000,5". */
    private static final Pattern SPACE_GROUPED = Pattern.compile("[+-]?[1-9]\\d{0,2}(\\p{Zs}\\d{3})+([.,]\\d+)?");
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private NumberText() {
    }

    /**
     * The number {@code text} holds, or empty if it holds none of {@code kind}. Whole numbers beyond
     * the int range read as the nearest int bound, so the range rule that follows rejects them.
     */
    static OptionalDouble parse(SettingsField.Kind kind, String text) {
        String stripped = Spaces.trimmed(text);
        if (kind == SettingsField.Kind.WHOLE_NUMBER) {
            return WHOLE.matcher(stripped).matches()
                    ? OptionalDouble.of(new BigDecimal(stripped).max(INT_MIN).min(INT_MAX).intValue())
                    : OptionalDouble.empty();
        }
        return DECIMAL.matcher(stripped).matches() && !THOUSANDS_GROUPED.matcher(stripped).matches()
                ? OptionalDouble.of(Double.parseDouble(stripped.replace(',', '.')))
                : OptionalDouble.empty();
    }

    /** Whether {@code text} is a whole number beyond the int range, which {@link #parse} reads as the nearest bound. */
    static boolean beyondInt(String text) {
        String stripped = Spaces.trimmed(text);
        if (!WHOLE.matcher(stripped).matches()) {
            return false;
        }
        BigDecimal value = new BigDecimal(stripped);
        return value.compareTo(INT_MIN) < 0 || value.compareTo(INT_MAX) > 0;
    }

    /** Why {@code text} is not a number of {@code kind}; call only when {@link #parse} found none. */
    static String formProblem(SettingsField.Kind kind, String text) {
        String stripped = Spaces.trimmed(text);
        if (stripped.isEmpty()) {
            return "Required";
        }
        if (THOUSANDS_GROUPED.matcher(stripped).matches()) {
            return groupedProblem(kind, stripped);
        }
        Matcher spaced = SPACE_GROUPED.matcher(stripped);
        if (spaced.matches() && (kind == SettingsField.Kind.DECIMAL || spaced.group(2) == null)) {
            String plain = stripped.replaceAll("\\p{Zs}", "");
            return withoutSeparators(kind, plain, stripped.length() - plain.length() == 1 ? "the space" : "the spaces");
        }
        return kind == SettingsField.Kind.WHOLE_NUMBER ? "Enter a whole number" : "Enter a number";
    }

    /** "1,000" might be a thousand or, with a decimal comma, one: the message offers both; "1,000,000" only the first. */
    private static String groupedProblem(SettingsField.Kind kind, String grouped) {
        String whole = grouped.replace(",", "");
        boolean oneComma = grouped.indexOf(',') == grouped.lastIndexOf(',');
        if (kind == SettingsField.Kind.WHOLE_NUMBER || !oneComma) {
            return withoutSeparators(kind, whole, oneComma ? "the comma" : "the commas");
        }
        String decimal = new BigDecimal(grouped.replace(',', '.')).stripTrailingZeros().toPlainString();
        return "Type " + whole + " or " + decimal + ": a comma before three digits could group thousands or mark decimals";
    }

    /** "Enter a number: 10000, without the commas": the number as the dialog reads it, and what to leave out. */
    private static String withoutSeparators(SettingsField.Kind kind, String plain, String separators) {
        return (kind == SettingsField.Kind.WHOLE_NUMBER ? "Enter a whole number: " : "Enter a number: ") + plain
                + ", without " + separators;
    }

    /** Whole numbers as such, decimals without trailing zeros: 14, 35, 0.7. */
    static String format(SettingsField.Kind kind, double value) {
        return kind == SettingsField.Kind.WHOLE_NUMBER ? Long.toString((long) value)
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
