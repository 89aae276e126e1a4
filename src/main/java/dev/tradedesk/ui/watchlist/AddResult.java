package dev.tradedesk.ui.watchlist;

import dev.tradedesk.core.Symbol;
import java.util.Objects;

/**
 * What became of a symbol typed to add to the watchlist ({@link WatchlistViewModel#add}): added, found
 * already listed, or refused with a reason. A find and an add select the symbol alike, but the user
 * means a different thing by them: one shows a symbol, the other builds the list. Immutable.
 */
public sealed interface AddResult {

    /** The symbol was new to the list, and is added at its end. */
    record Added(Symbol symbol) implements AddResult {
        public Added {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /** The symbol was listed already: nothing is added, it is only selected. */
    record Found(Symbol symbol) implements AddResult {
        public Found {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /** Nothing was added, for the reason given, which is a sentence for the user. */
    record Refused(String reason) implements AddResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
