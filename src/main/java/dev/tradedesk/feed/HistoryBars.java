package dev.tradedesk.feed;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import java.util.Map;

/**
 * The answer to one history request for a batch of symbols, where a symbol the provider does not
 * know fails alone: the bars of every other symbol (symbols without bars are absent), and the
 * provider's refusal of each symbol it does not know ({@link ProviderException.Kind#UNKNOWN_SYMBOL}).
 * A refused symbol has no bars here and nothing in its range was answered, so it is not complete.
 *
 * <p>The maps are unmodifiable; the {@link BarColumns} in them belong to the receiver.
 */
public record HistoryBars(Map<Symbol, BarColumns> bars, Map<Symbol, ProviderException> unknown) {

    public HistoryBars {
        bars = Map.copyOf(bars);
        unknown = Map.copyOf(unknown);
    }

    /** An answer in which the provider knew every symbol. */
    public HistoryBars(Map<Symbol, BarColumns> bars) {
        this(bars, Map.of());
    }
}
