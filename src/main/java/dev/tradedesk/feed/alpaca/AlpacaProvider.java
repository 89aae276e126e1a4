package dev.tradedesk.feed.alpaca;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Failures;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.DroppedRecords;
import dev.tradedesk.feed.HistoryBars;
import dev.tradedesk.feed.LatestBars;
import dev.tradedesk.feed.MarketDataProvider;
import dev.tradedesk.feed.ProviderException;
import dev.tradedesk.feed.ProviderHttp;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.RecordValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Alpaca's answer to a request naming a symbol it cannot read: {@code 400 {"message":"invalid symbol: BTC/USD"}}. */
    private static final Pattern INVALID_SYMBOL = Pattern.compile("(?i)invalid symbols?:\\s*([^\\s,;]+)");
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
            builder.add("APCA-API-KEY-ID", headerValue("API key id", keyId));
        }
        if (secretKey.isPresent()) {
            builder.add("APCA-API-SECRET-KEY", headerValue("API secret key", secretKey));
        }
        this.headers = builder.build();
    }

    /**
     * The secret's value, checked as OkHttp checks a header value (a tab or printable ASCII). OkHttp's
     * own refusal quotes the whole value unless the header is one it knows to be secret, and these are
     * not: the secret reached the console unmasked ("Unexpected char 0xa0 at 20 in
     * APCA-API-SECRET-KEY value: ..."). This message names the character alone.
     *
     * @throws IllegalArgumentException if the value holds a character no header can carry
     */
    private static String headerValue(String what, Secret secret) {
        String value = secret.reveal();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < ' ' || c > '~')) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "The Alpaca %s holds a character no HTTP"
                        + " header can carry (U+%04X, character %d): type or paste it again", what, (int) c, i + 1));
            }
        }
        return value;
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
     * left out of its answer, and one it cannot read refused ({@link #withoutInvalidSymbols}).
     */
    @Override
    public CompletableFuture<HistoryBars> historyBySymbol(List<Symbol> symbols, Timeframe timeframe, Instant from, Instant to) {
        List<CompletableFuture<Map<Symbol, BarColumns>>> batches = new ArrayList<>();
        DroppedRecords dropped = new DroppedRecords(symbols);
        RecordValidator validator = new RecordValidator(http.metrics(), dropped);
        Map<Symbol, ProviderException> invalid = new ConcurrentHashMap<>();
        for (List<Symbol> batch : batches(symbols)) {
            batches.add(withoutInvalidSymbols(batch, invalid, Map.of(), asked -> historyPages(
                    new PageRun(Set.copyOf(asked), timeframe, from, to, validator), null, new HashMap<>(), new PagesRead())));
        }
        return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<Symbol, BarColumns> merged = new HashMap<>();
            batches.forEach(batch -> merged.putAll(batch.join()));
            merged.values().removeIf(BarColumns::isEmpty);
            return new HistoryBars(merged, invalid, dropped.symbols());
        });
    }

    /**
     * {@code request} of {@code batch}, asked again at once without a symbol that Alpaca refused the
     * whole request for (HTTP 400 "invalid symbol: BTC/USD", a name its stocks API cannot read,
     * though TradeDesk's symbols may have a slash): that symbol alone goes into {@code invalid}, as
     * one the provider does not know, and the rest of the watchlist keeps its prices. Any other
     * failure fails the batch, as before. Each retry has one symbol fewer, so it ends.
     */
    private <T> CompletableFuture<T> withoutInvalidSymbols(List<Symbol> batch, Map<Symbol, ProviderException> invalid,
            T nothingAsked, Function<List<Symbol>, CompletableFuture<T>> request) {
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(nothingAsked);
        }
        return request.apply(batch).exceptionallyCompose(failure -> {
            Throwable cause = Failures.unwrapped(failure);
            Symbol refused = cause instanceof ProviderException problem ? invalidSymbol(problem, batch) : null;
            if (refused == null) {
                return CompletableFuture.failedFuture(cause);
            }
            ProviderException problem = (ProviderException) cause;
            invalid.put(refused, ProviderException.unknownSymbol(kind.displayName(), refused, problem.status(),
                    problem.providerSaid()));
            List<Symbol> rest = new ArrayList<>(batch);
            rest.remove(refused);
            return withoutInvalidSymbols(rest, invalid, nothingAsked, request);
        });
    }

    /** The symbol of {@code batch} that a 400 "invalid symbol: X" names, or {@code null}. */
    static Symbol invalidSymbol(ProviderException problem, List<Symbol> batch) {
        if (problem.kind() != ProviderException.Kind.BAD_REQUEST) {
            return null;
        }
        Matcher named = INVALID_SYMBOL.matcher(problem.providerSaid());
        if (!named.find()) {
            return null;
        }
        String name = named.group(1);
        return batch.stream().filter(symbol -> symbol.value().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /** One batch of a history request, carried from page to page. */
    private record PageRun(Set<Symbol> symbols, Timeframe timeframe, Instant from, Instant to, RecordValidator validator) {
    }

    /**
     * What the pages of one batch have read so far. Following tokens is safe only while each page
     * gets somewhere: a token already followed leads back to a page read, and a page that brings no
     * bar later than those before (none at all, or the same ones again) under a fresh token would
     * keep us paging for ever, as a set of tokens seen cannot tell.
     */
    private static final class PagesRead {
        private final Set<String> tokens = new HashSet<>();
        /** Per symbol, the latest bar time read so far. */
        private final Map<Symbol, Long> latest = new HashMap<>();
        private final Map<Symbol, Integer> sizesBefore = new HashMap<>();

        /** Notes where {@code collected} stands before the next page is read into it. */
        void startPage(Map<Symbol, BarColumns> collected) {
            sizesBefore.clear();
            collected.forEach((symbol, bars) -> sizesBefore.put(symbol, bars.size()));
        }

        /** Checks the page just read into {@code collected}, which asks for page {@code next} (null: none). */
        void endPage(JsonParser json, Map<Symbol, BarColumns> collected, String next) throws JsonParseException {
            boolean advanced = false;
            for (Map.Entry<Symbol, BarColumns> symbol : collected.entrySet()) {
                advanced |= advanced(symbol.getKey(), symbol.getValue());
            }
            if (next == null) {
                return;
            }
            if (!tokens.add(next)) {
                throw new JsonParseException(json, "next_page_token repeats a page already read");
            }
            if (!advanced) {
                throw new JsonParseException(json, "next_page_token asks for another page, but this one brought no bar"
                        + " further than the pages before");
            }
        }

        private boolean advanced(Symbol symbol, BarColumns bars) {
            long pageLatest = Long.MIN_VALUE;
            for (int i = sizesBefore.getOrDefault(symbol, 0); i < bars.size(); i++) {
                pageLatest = Math.max(pageLatest, bars.time(i));
            }
            Long before = latest.get(symbol);
            if (pageLatest == Long.MIN_VALUE || before != null && pageLatest <= before) {
                return false;
            }
            latest.put(symbol, pageLatest);
            return true;
        }
    }

    private CompletableFuture<Map<Symbol, BarColumns>> historyPages(PageRun run, String pageToken,
            Map<Symbol, BarColumns> collected, PagesRead pagesRead) {
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
                    pagesRead.startPage(collected);
                    String next = parser.parseHistoryPage(json, collected);
                    pagesRead.endPage(json, collected, next);
                    return next;
                })
                .thenCompose(next -> next == null
                        ? CompletableFuture.completedFuture(collected)
                        : historyPages(run, next, collected, pagesRead));
    }

    @Override
    public CompletableFuture<LatestBars> latest(List<Symbol> symbols, Timeframe timeframe) {
        List<CompletableFuture<LatestBars>> batches = new ArrayList<>();
        Map<Symbol, ProviderException> unknown = new ConcurrentHashMap<>();
        LatestBars nothingAsked = new LatestBars(Map.of(), Map.of());
        for (List<Symbol> batch : batches(symbols)) {
            batches.add(withoutInvalidSymbols(batch, unknown, nothingAsked, asked -> latestOf(asked)));
        }
        return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<Symbol, dev.tradedesk.core.Bar> bars = new HashMap<>();
            Set<Symbol> invalid = new HashSet<>();
            batches.forEach(batch -> {
                bars.putAll(batch.join().bars());
                invalid.addAll(batch.join().invalid());
            });
            return new LatestBars(bars, unknown, invalid);
        });
    }

    private CompletableFuture<LatestBars> latestOf(List<Symbol> batch) {
        HttpUrl url = baseUrl.newBuilder().addPathSegments("v2/stocks/bars/latest")
                .addQueryParameter("symbols", joined(batch))
                .addQueryParameter("feed", feed)
                .build();
        Set<Symbol> requested = Set.copyOf(batch);
        // The bound is taken when the response arrives: a slow answer from a fast simulated
        // clock may rightly carry a bar that opened after the request left.
        return http.get(url, headers, json -> {
            AlpacaBarsParser parser = new AlpacaBarsParser(latestValidator, requested, Long.MIN_VALUE,
                    http.clock().instant().plus(RecordValidator.LATEST_CLOCK_TOLERANCE).toEpochMilli());
            Map<Symbol, dev.tradedesk.core.Bar> bars = parser.parseLatest(json);
            return new LatestBars(bars, Map.of(), parser.invalidLatest());
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
