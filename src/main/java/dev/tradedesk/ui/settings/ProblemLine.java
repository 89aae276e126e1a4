package dev.tradedesk.ui.settings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What a settings tab's problem line says: the problems of the tab's fields, each named by its
 * field ("RSI period: Must be between 1 and 10,000, was 0") since the line stands away from the
 * fields, the field that last had the keyboard first so that its problem is never the one cut
 * short, then the others in the order they are shown. A problem filed under two fields (crossed band bases) is said
 * once. Stateless and thread-safe.
 */
final class ProblemLine {

    /** Between two problems on the line; the line's tooltip puts each on a line of its own. */
    static final String SEPARATOR = "  ·  ";

    private ProblemLine() {
    }

    /**
     * The problems of {@code fields}, as said on the line.
     *
     * @param fields   the tab's fields in the order they are shown
     * @param messages a field's message, empty when it is fine
     * @param focused  the field that last had the keyboard, said first if it has a problem; may be null
     */
    static List<String> problems(List<SettingsField> fields, Function<SettingsField, String> messages,
            SettingsField focused) {
        Set<String> problems = new LinkedHashSet<>();
        if (focused != null && fields.contains(focused)) {
            addNamed(problems, focused, messages.apply(focused));
        }
        for (SettingsField field : fields) {
            addNamed(problems, field, messages.apply(field));
        }
        return new ArrayList<>(problems);
    }

    /** {@code message} as said away from its field: after the field's name, unless it names the field itself. */
    static String named(SettingsField field, String message) {
        boolean namesField = message.toLowerCase(Locale.ROOT).contains(field.label().toLowerCase(Locale.ROOT));
        return namesField ? message : field.label() + ": " + message;
    }

    private static void addNamed(Set<String> problems, SettingsField field, String message) {
        if (message != null && !message.isEmpty()) {
            problems.add(named(field, message));
        }
    }
}
