package dev.tradedesk.ui.watchlist;

import dev.tradedesk.core.InvalidFieldException;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.ProviderKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One watchlist per kind of symbol a provider lists: stocks (the simulated exchange and Alpaca
 * share it, the simulator serving Alpaca's symbols), Binance's pairs ({@code BTCUSDT}) and
 * Coinbase's products ({@code BTC-USD}). Switching provider shows that provider's list and keeps
 * the others as they were, so a stock watchlist is neither lost nor polled on a crypto exchange.
 *
 * <p>Each list is in order, without duplicates, at most {@link WatchlistViewModel#MAX_SYMBOLS}.
 * Immutable.
 */
public record Watchlists(List<Symbol> stocks, List<Symbol> binance, List<Symbol> coinbase) {

    public static final Watchlists DEFAULTS = new Watchlists(
            symbols("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY"),
            symbols("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "ADAUSDT", "DOGEUSDT", "AVAXUSDT"),
            symbols("BTC-USD", "ETH-USD", "SOL-USD", "XRP-USD", "ADA-USD", "DOGE-USD", "AVAX-USD", "LINK-USD"));

    public Watchlists {
        stocks = checked(stocks, "stocks");
        binance = checked(binance, "binance");
        coinbase = checked(coinbase, "coinbase");
    }

    /** The list {@code provider} polls. */
    public List<Symbol> of(ProviderKind provider) {
        return switch (owner(provider)) {
            case BINANCE -> binance;
            case COINBASE -> coinbase;
            default -> stocks;
        };
    }

    /** These lists with {@code provider}'s replaced by {@code symbols}. */
    public Watchlists with(ProviderKind provider, List<Symbol> symbols) {
        return switch (owner(provider)) {
            case BINANCE -> new Watchlists(stocks, symbols, coinbase);
            case COINBASE -> new Watchlists(stocks, binance, symbols);
            default -> new Watchlists(symbols, binance, coinbase);
        };
    }

    /** Whether {@code one} and {@code other} poll the same list. */
    public static boolean shared(ProviderKind one, ProviderKind other) {
        return owner(one) == owner(other);
    }

    /** The name of {@code provider}'s list, as the user knows it: "stocks", "Binance", "Coinbase". */
    public static String name(ProviderKind provider) {
        return switch (owner(provider)) {
            case BINANCE -> "Binance";
            case COINBASE -> "Coinbase";
            default -> "stocks";
        };
    }

    /** The provider a list is kept under: Alpaca's symbols are the simulator's. */
    public static ProviderKind owner(ProviderKind provider) {
        return provider == ProviderKind.ALPACA ? ProviderKind.SIM : provider;
    }

    private static List<Symbol> checked(List<Symbol> symbols, String name) {
        if (symbols == null || symbols.stream().anyMatch(Objects::isNull)) {
            throw new InvalidFieldException(name, "the " + name + " watchlist must be a list of symbols");
        }
        List<Symbol> unique = List.copyOf(new LinkedHashSet<>(symbols));
        if (unique.size() > WatchlistViewModel.MAX_SYMBOLS) {
            throw new InvalidFieldException(name, "the " + name + " watchlist holds " + unique.size()
                    + " symbols; at most " + WatchlistViewModel.MAX_SYMBOLS + " are supported");
        }
        return unique;
    }

    private static List<Symbol> symbols(String... symbols) {
        return Stream.of(symbols).map(Symbol::of).toList();
    }
}
