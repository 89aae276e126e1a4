package dev.tradedesk.feed;

import dev.tradedesk.core.Symbol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watched symbols the provider said it does not know ({@link ProviderException.Kind#UNKNOWN_SYMBOL}:
 * Binance's "Invalid symbol.", Coinbase's "NotFound"), which the {@link PriceScheduler} leaves out
 * of every request until the watchlist changes. Such an answer is about the symbol, not about the
 * connection: asking again every cycle would only spend the provider's request budget (and, in a
 * batch, hold back the other symbols), while a symbol mistyped in the watchlist is corrected by
 * editing the watchlist, which asks again. Each refusal is logged once, naming the symbol.
 *
 * <p>Confined to the scheduler thread.
 */
final class UnknownSymbols {

    private static final Logger log = LoggerFactory.getLogger(UnknownSymbols.class);

    private final ProviderKind provider;
    private final Map<Symbol, ProviderException> refused = new HashMap<>();
    /** The watchlist the refusals were learned under. */
    private List<Symbol> watchlist = List.of();

    UnknownSymbols(ProviderKind provider) {
        this.provider = provider;
    }

    /**
     * The symbols of {@code watched} to ask the provider for: all but the refused ones. A watchlist
     * other than the last one seen forgets every refusal, so that each of its symbols is asked again.
     */
    List<Symbol> toAsk(List<Symbol> watched) {
        if (!watched.equals(watchlist)) {
            watchlist = watched;
            refused.clear();
        }
        return without(watched);
    }

    /** {@code symbols} without the refused ones. */
    List<Symbol> without(List<Symbol> symbols) {
        return refused.isEmpty() ? symbols : symbols.stream().filter(symbol -> !refused.containsKey(symbol)).toList();
    }

    /** The refusals among {@code symbols}. */
    Map<Symbol, ProviderException> among(List<Symbol> symbols) {
        if (refused.isEmpty()) {
            return Map.of();
        }
        return symbols.stream().filter(refused::containsKey).distinct()
                .collect(Collectors.toMap(symbol -> symbol, refused::get));
    }

    /** Records the refusals of one answer; logs each symbol the first time it is refused. */
    void refuse(Map<Symbol, ProviderException> answer) {
        answer.forEach((symbol, refusal) -> {
            if (refused.putIfAbsent(symbol, refusal) == null) {
                log.warn("{}: {}; it is left out of every request until the watchlist changes", provider, refusal.getMessage());
            }
        });
    }
}
