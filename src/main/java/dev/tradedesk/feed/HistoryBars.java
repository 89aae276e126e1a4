package dev.tradedesk.feed;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import java.util.Map;
import java.util.Set;

/**
 * The answer to one history request for a batch of symbols, where a symbol the provider does not
 * know fails alone: the bars of every other symbol (symbols without bars are absent), the
 * provider's refusal of each symbol it does not know ({@link ProviderException.Kind#UNKNOWN_SYMBOL}),
 * and the symbols of which validation dropped a record in this answer ({@link DroppedRecords}).
 * Neither a refused symbol nor one that lost a record is answered whole, so its range is not
 * complete; every other symbol's is.
 *
 * <p>The maps and the set are unmodifiable; the {@link BarColumns} in them belong to the receiver.
 */
public record HistoryBars(Map<Symbol, BarColumns> bars, Map<Symbol, ProviderException> unknown,
        Set<Symbol> incomplete) {

    public HistoryBars {
        bars = Map.copyOf(bars);
        unknown = Map.copyOf(unknown);
        incomplete = Set.copyOf(incomplete);
    }

    /** An answer in which the provider knew every symbol and no record was dropped. */
    public HistoryBars(Map<Symbol, BarColumns> bars) {
        this(bars, Map.of(), Set.of());
    }

    /** Whether {@code symbol}'s range came back whole: known to the provider and no record of it dropped. */
    public boolean whole(Symbol symbol) {
        return !unknown.containsKey(symbol) && !incomplete.contains(symbol);
    }
}
