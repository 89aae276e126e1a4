package dev.tradedesk.feed.alpaca;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.DroppedRecords;
import dev.tradedesk.feed.HistoryBars;
import dev.tradedesk.feed.LatestBars;
import dev.tradedesk.feed.MarketDataProvider;
import dev.tradedesk.feed.ProviderHttp;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.RecordValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Alpaca Market Data API v2 for US stocks: history from {@code /v2/stocks/bars}, following
 * {@code page_token} until it is null and merging each symbol across pages, and the latest bars of
 * many symbols in one {@code /v2/stocks/bars/latest} call. The key id and secret go in the
 * {@code APCA-API-KEY-ID} / {@code APCA-API-SECRET-KEY} headers and nowhere else. The same code
 * serves the built-in simulated exchange, which speaks this API on loopback. Thread-safe.
 */
public final class AlpacaProvider implements MarketDataProvider {

    /** Symbols per request: keeps URLs far below common length limits. */
    static final int SYMBOLS_PER_REQUEST = 200;
    static final int PAGE_LIMIT = 10_000;

    private final ProviderHttp http;
    private final HttpUrl baseUrl;
    private final Headers headers;
    private final String feed;
    /** For latest bars, whose answer names each symbol's dropped record itself. */
    private final RecordValidator latestValidator;
    private final ProviderKind kind;

    /**
     * @param baseUrl {@code https://data.alpaca.markets}, a proxy, or the simulated exchange
     * @param feed    {@code iex} (free plan) or {@code sip}
     */
    public AlpacaProvider(ProviderHttp http, HttpUrl baseUrl, Secret keyId, Secret secretKey, String feed) {
        this(http, baseUrl, keyId, secretKey, feed, ProviderKind.ALPACA);
    }

    /**
     * @param kind what the connection states and logs call this source: {@link ProviderKind#SIM}
     *             for the built-in simulated exchange, which speaks Alpaca's API
     */
    public AlpacaProvider(ProviderHttp http, HttpUrl baseUrl, Secret keyId, Secret secretKey, String feed,
            ProviderKind kind) {
        this.kind = kind;
        this.http = http;
        this.baseUrl = baseUrl;
        this.feed = feed;
        this.latestValidator = new RecordValidator(http.metrics());
        Headers.Builder builder = new Headers.Builder();
        if (keyId.isPresent()) {
            builder.add("APCA-API-KEY-ID", keyId.reveal());
        }
        if (secretKey.isPresent()) {
            builder.add("APCA-API-SECRET-KEY", secretKey.reveal());
        }
        this.headers = builder.build();
    }

    @Override
    public ProviderKind kind() {
        return kind;
    }

    /** One page of {@code /v2/stocks/bars}, shared by every symbol of the request. */
    @Override
    public int barsPerRequest() {
        return PAGE_LIMIT;
    }

    @Override
    public CompletableFuture<Map<Symbol, BarColumns>> history(List<Symbol> symbols, Timeframe timeframe, Instant from, Instant to) {
        return historyBySymbol(symbols, timeframe, from, to).thenApply(HistoryBars::bars);
    }

    /**
     * {@link #history}, with the symbols whose records were dropped; a symbol Alpaca does not know is
     * left out of its answer, so none is refused.
     */
    @Override
    public CompletableFuture<HistoryBars> historyBySymbol(List<Symbol> symbols, Timeframe timeframe, Instant from, Instant to) {
        List<CompletableFuture<Map<Symbol, BarColumns>>> batches = new ArrayList<>();
        DroppedRecords dropped = new DroppedRecords(symbols);
        RecordValidator validator = new RecordValidator(http.metrics(), dropped);
        for (List<Symbol> batch : batches(symbols)) {
            batches.add(historyPages(new PageRun(Set.copyOf(batch), timeframe, from, to, validator), null, new HashMap<>(),
                    new HashSet<>()));
        }
        return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<Symbol, BarColumns> merged = new HashMap<>();
            batches.forEach(batch -> merged.putAll(batch.join()));
            merged.values().removeIf(BarColumns::isEmpty);
            return new HistoryBars(merged, Map.of(), dropped.symbols());
        });
    }

    /** One batch of a history request, carried from page to page. */
    private record PageRun(Set<Symbol> symbols, Timeframe timeframe, Instant from, Instant to, RecordValidator validator) {
    }

    private CompletableFuture<Map<Symbol, BarColumns>> historyPages(PageRun run, String pageToken,
            Map<Symbol, BarColumns> collected, Set<String> tokensSeen) {
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegments("v2/stocks/bars")
                .addQueryParameter("symbols", joined(run.symbols()))
                .addQueryParameter("timeframe", run.timeframe().label())
                .addQueryParameter("start", run.from().toString())
                .addQueryParameter("end", run.to().toString())
                .addQueryParameter("limit", Integer.toString(PAGE_LIMIT))
                .addQueryParameter("feed", feed)
                .addQueryParameter("sort", "asc");
        if (pageToken != null) {
            url.addQueryParameter("page_token", pageToken);
        }
        AlpacaBarsParser parser = new AlpacaBarsParser(run.validator(), run.symbols(), run.from().toEpochMilli(),
                run.to().toEpochMilli());
        return http.get(url.build(), headers, json -> {
                    String next = parser.parseHistoryPage(json, collected);
                    if (next != null && !tokensSeen.add(next)) {
                        // A server that leads back to a page already read would keep us paging forever.
                        throw new com.fasterxml.jackson.core.JsonParseException(json, "next_page_token repeats a page already read");
                    }
                    return next;
                })
                .thenCompose(next -> next == null
                        ? CompletableFuture.completedFuture(collected)
                        : historyPages(run, next, collected, tokensSeen));
    }

    @Override
    public CompletableFuture<LatestBars> latest(List<Symbol> symbols, Timeframe timeframe) {
        List<CompletableFuture<LatestBars>> batches = new ArrayList<>();
        for (List<Symbol> batch : batches(symbols)) {
            HttpUrl url = baseUrl.newBuilder().addPathSegments("v2/stocks/bars/latest")
                    .addQueryParameter("symbols", joined(batch))
                    .addQueryParameter("feed", feed)
                    .build();
            Set<Symbol> requested = Set.copyOf(batch);
            // The bound is taken when the response arrives: a slow answer from a fast simulated
            // clock may rightly carry a bar that opened after the request left.
            batches.add(http.get(url, headers, json -> {
                AlpacaBarsParser parser = new AlpacaBarsParser(latestValidator, requested, Long.MIN_VALUE,
                        http.clock().instant().plus(RecordValidator.LATEST_CLOCK_TOLERANCE).toEpochMilli());
                Map<Symbol, dev.tradedesk.core.Bar> bars = parser.parseLatest(json);
                return new LatestBars(bars, Map.of(), parser.invalidLatest());
            }));
        }
        return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<Symbol, dev.tradedesk.core.Bar> bars = new HashMap<>();
            Set<Symbol> invalid = new HashSet<>();
            batches.forEach(batch -> {
                bars.putAll(batch.join().bars());
                invalid.addAll(batch.join().invalid());
            });
            return new LatestBars(bars, Map.of(), invalid);
        });
    }

    private static List<List<Symbol>> batches(List<Symbol> symbols) {
        List<Symbol> distinct = List.copyOf(new LinkedHashSet<>(symbols));
        List<List<Symbol>> batches = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += SYMBOLS_PER_REQUEST) {
            batches.add(distinct.subList(i, Math.min(distinct.size(), i + SYMBOLS_PER_REQUEST)));
        }
        return batches;
    }

    private static String joined(java.util.Collection<Symbol> symbols) {
        return symbols.stream().map(Symbol::value).sorted().collect(Collectors.joining(","));
    }
}
