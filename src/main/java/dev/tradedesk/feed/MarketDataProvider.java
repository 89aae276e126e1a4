package dev.tradedesk.feed;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A source of market data over HTTP. Calls are asynchronous (OkHttp {@code enqueue}): they return
 * at once, and the futures complete on the HTTP client's threads, exceptionally with a
 * {@link ProviderException} when the request fails; they do not throw (the {@link PriceScheduler}
 * takes a call that throws as a failed request, and logs it as the provider's bug). A future failed
 * with anything but a {@link ProviderException} is taken for the client's bug too, as a throw is:
 * logged and counted as a failure of kind {@link ProviderException.Kind#INTERNAL}. Every bar
 * delivered has been validated (finite positive prices, high ≥ low, open and close within the
 * range, volume not negative, time inside the requested range); invalid records are dropped and
 * counted in {@link FeedMetrics}.
 *
 * <p>Implementations are thread-safe.
 */
public interface MarketDataProvider {

    ProviderKind kind();

    /**
     * Bars of {@code symbols} at {@code timeframe} whose open time lies in {@code [from, to]}, all
     * pages fetched and merged, in time order per symbol. Symbols without data are absent. Any
     * failure fails the whole request, a symbol the provider does not know included
     * ({@link ProviderException.Kind#UNKNOWN_SYMBOL}); {@link #historyBySymbol} sets those apart.
     */
    CompletableFuture<Map<Symbol, BarColumns>> history(List<Symbol> symbols, Timeframe timeframe, Instant from, Instant to);

    /**
     * {@link #history}, except that a symbol the provider refuses as unknown fails alone: the other
     * symbols' bars are in the answer and the refusal in {@link HistoryBars#unknown()}, so one
     * mistyped symbol in a watchlist does not hold back the history of the rest (a provider whose one
     * request covers every symbol, Alpaca, leaves out the symbols it does not know and refuses none).
     * The answer also names the symbols of which a record was dropped ({@link HistoryBars#incomplete()}),
     * so that only their ranges are fetched again. Any other failure (connection, 429, 5xx, a
     * malformed body) still fails the whole request.
     */
    CompletableFuture<HistoryBars> historyBySymbol(List<Symbol> symbols, Timeframe timeframe, Instant from, Instant to);

    /**
     * The most bars one HTTP request of {@link #history} returns for all its symbols together (one
     * page), if the provider pages across symbols. The scheduler sizes backfill windows to fit, so
     * that a failed request costs one page, not a whole window: with a flaky provider, a window of
     * many pages might never come back whole. Unlimited by default (per-symbol providers).
     */
    default int barsPerRequest() {
        return Integer.MAX_VALUE;
    }

    /**
     * The latest bar of each symbol at {@code timeframe}: the still-forming bar where the provider
     * serves one, otherwise the last completed bar. One request for the whole batch where the
     * provider has a multi-symbol call; otherwise one concurrent request per symbol.
     */
    CompletableFuture<LatestBars> latest(List<Symbol> symbols, Timeframe timeframe);
}
