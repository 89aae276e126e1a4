package dev.tradedesk.feed;

import dev.tradedesk.core.Symbol;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The symbols of one history request whose records validation dropped, so that only their ranges
 * stay missing: a bad record in one symbol's answer says nothing about another symbol's, nor about
 * another request running at the same time. A dropped record that names no symbol asked for (bars
 * under a symbol not requested) is pinned on every symbol asked, as it might have been any of
 * theirs. Filled by {@link RecordValidator}.
 *
 * <p>Thread-safe: the pages of one request may be parsed on different HTTP threads.
 */
public final class DroppedRecords {

    private final Set<Symbol> asked;
    private final Set<Symbol> dropped = ConcurrentHashMap.newKeySet();

    /** @param asked the request's symbols */
    public DroppedRecords(Collection<Symbol> asked) {
        this.asked = Set.copyOf(asked);
    }

    /** A record of {@code symbol} was dropped; {@code null} when the record named no symbol asked for. */
    void add(Symbol symbol) {
        if (symbol == null || !asked.contains(symbol)) {
            dropped.addAll(asked);
        } else {
            dropped.add(symbol);
        }
    }

    /** The symbols asked for of which a record was dropped so far. */
    public Set<Symbol> symbols() {
        return Set.copyOf(dropped);
    }
}
