package dev.tradedesk.ui.settings;

import dev.tradedesk.core.Spaces;
import dev.tradedesk.core.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The watchlist as the user types it: symbols one per line or separated by commas, semicolons or
 * spaces of any kind ({@link Spaces}: a no-break space pasted from a web page between two symbols
 * separates them too), each checked by {@link Symbol#of}; repeats are kept once. Stateless and
 * thread-safe.
 */
final class WatchlistText {

    private static final Pattern SEPARATORS = Pattern.compile("[,;" + Spaces.CHARACTER_CLASS + "]+");
    private static final int INVALID_SHOWN = 3;

    private WatchlistText() {
    }

    /** The symbols in order, or why the text is not a watchlist. */
    record Parsed(List<Symbol> symbols, Optional<String> problem) {
    }

    static String format(List<Symbol> symbols) {
        return String.join("\n", symbols.stream().map(Symbol::value).toList());
    }

    static Parsed parse(String text) {
        Set<Symbol> symbols = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        String firstMessage = null;
        for (String token : SEPARATORS.split(Spaces.trimmed(text))) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                symbols.add(Symbol.of(token));
            } catch (IllegalArgumentException rejected) {
                invalid.add(token);
                firstMessage = firstMessage == null ? rejected.getMessage() : firstMessage;
            }
        }
        if (!invalid.isEmpty()) {
            return new Parsed(List.of(), Optional.of(invalidMessage(firstMessage, invalid)));
        }
        List<Symbol> list = List.copyOf(symbols);
        return new Parsed(list, SettingsValues.watchlistSizeProblem(list.size()));
    }

    /** Symbol's own message for the first offender, then how many more there are. */
    private static String invalidMessage(String first, List<String> invalid) {
        String message = Character.toUpperCase(first.charAt(0)) + first.substring(1);
        if (invalid.size() == 1) {
            return message;
        }
        List<String> others = invalid.subList(1, Math.min(invalid.size(), 1 + INVALID_SHOWN)).stream()
                .map(token -> token.length() > 20 ? token.substring(0, 20) + "…" : token).toList();
        String more = invalid.size() - 1 > INVALID_SHOWN ? ", …" : "";
        return message + " (also invalid: " + String.join(", ", others) + more + ")";
    }
}
