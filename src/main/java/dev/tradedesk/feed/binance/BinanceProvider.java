package dev.tradedesk.feed.binance;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.DroppedRecords;
import dev.tradedesk.feed.HistoryBars;
import dev.tradedesk.feed.LatestBars;
import dev.tradedesk.feed.MarketDataProvider;
import dev.tradedesk.feed.PerSymbolRequests;
import dev.tradedesk.feed.ProviderException;
import dev.tradedesk.feed.ProviderHttp;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.RecordValidator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Binance spot public market data (no key) from {@code /api/v3/klines}, which takes one symbol per
 * call ({@code BTCUSDT}).
 *
 * <p>History pages forward from {@code from}: each request asks for up to {@value #PAGE_LIMIT}
 * klines from its {@code startTime}, and the next page starts one interval after the latest open
 * time seen, until a page comes back short or the next start passes {@code to}. Symbols are fetched
 * concurrently, the pages of one symbol in sequence; once any symbol fails, no further pages are
 * requested, since Binance answers clients that keep going after a 429 with a 418 ban. A symbol
 * Binance does not list (HTTP 400, code -1121) is the exception: that failure is the symbol's own,
 * {@link ProviderException.Kind#UNKNOWN_SYMBOL}, and {@link #historyBySymbol} answers the other
 * symbols' bars beside it. Latest: one concurrent {@code limit=1} request per symbol, which returns
 * the kline still forming; a symbol that fails (an unknown one included) becomes an entry in
 * {@link LatestBars#failures()} without disturbing the others.
 *
 * <p>Rate limits (429/418 with {@code Retry-After}) and every other failure are classified by
 * {@link ProviderHttp}. Thread-safe.
 */
public final class BinanceProvider implements MarketDataProvider {

    /** Klines per request: Binance's maximum. */
    static final int PAGE_LIMIT = 1000;
    /** Binance's error code for a symbol it does not list. */
    private static final long INVALID_SYMBOL_CODE = -1121;

    private final ProviderHttp http;
    private final HttpUrl baseUrl;
    /** For latest bars, whose answer tells each symbol's dropped record apart by itself. */
    private final RecordValidator latestValidator;

    /** @param baseUrl {@code https://api.binance.com}, {@code https://data-api.binance.vision} or a proxy */
    public BinanceProvider(ProviderHttp http, HttpUrl baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.latestValidator = new RecordValidator(http.metrics());
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.BINANCE;
    }

    @Override
    public CompletableFuture<Map<Symbol, BarColumns>> history(List<Symbol> symbols, Timeframe timeframe, Instant from, Instant to) {
        return historyBySymbol(symbols, timeframe, from, to).thenApply(PerSymbolRequests::wholeOrFail);
    }

    @Override
    public CompletableFuture<HistoryBars> historyBySymbol(List<Symbol> symbols, Timeframe timeframe, Instant from, Instant to) {
        if (from.isAfter(to)) {
            return CompletableFuture.completedFuture(new HistoryBars(Map.of()));
        }
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli();
        DroppedRecords dropped = new DroppedRecords(symbols);
        RecordValidator validator = new RecordValidator(http.metrics(), dropped);
        return PerSymbolRequests.history(symbols, dropped, (symbol, abandoned) ->
                historyPages(validator, symbol, timeframe, fromMillis, toMillis, new BarColumns(256), abandoned));
    }

    private CompletableFuture<BarColumns> historyPages(RecordValidator validator, Symbol symbol, Timeframe timeframe,
            long pageStart, long toMillis, BarColumns collected, BooleanSupplier abandoned) {
        HttpUrl url = klinesUrl(symbol, timeframe)
                .addQueryParameter("startTime", Long.toString(pageStart))
                .addQueryParameter("endTime", Long.toString(toMillis))
                .addQueryParameter("limit", Integer.toString(PAGE_LIMIT))
                .build();
        // Rows before this page's startTime would repeat the previous page: they count as outside the range.
        BinanceKlinesParser parser = new BinanceKlinesParser(validator, symbol, pageStart, toMillis);
        return http.get(url, Headers.EMPTY,
                        json -> nextPageStart(json, parser.parse(json, collected), pageStart, timeframe, toMillis),
                        symbol, BinanceProvider::invalidSymbol)
                .thenCompose(next -> next.isEmpty() || abandoned.getAsBoolean()
                        ? CompletableFuture.completedFuture(collected)
                        : historyPages(validator, symbol, timeframe, next.getAsLong(), toMillis, collected, abandoned));
    }

    /**
     * Where the page after this one starts, or empty when this one is the last: it came back short,
     * or the next start would pass {@code toMillis}. A full page holds {@value #PAGE_LIMIT} distinct
     * intervals from its startTime, so its latest open time is at least that many intervals on; one
     * that falls short repeats rows (or sends rows before its startTime), and paging on from it
     * would crawl through the range an interval or a few per request, or request it forever, so it
     * fails the request as a malformed body.
     */
    private static OptionalLong nextPageStart(JsonParser json, BinanceKlinesParser.Page page, long pageStart,
            Timeframe timeframe, long toMillis) throws JsonParseException {
        if (page.rows() < PAGE_LIMIT || page.latestOpenTime() > toMillis - timeframe.millis()) {
            return OptionalLong.empty();
        }
        long fullPageLatest = pageStart + (PAGE_LIMIT - 1) * timeframe.millis();
        if (page.latestOpenTime() < fullPageLatest) {
            throw new JsonParseException(json, "a full page of klines that does not move past its startTime " + pageStart
                    + " by " + PAGE_LIMIT + " intervals: its rows repeat or start before it");
        }
        return OptionalLong.of(page.latestOpenTime() + timeframe.millis());
    }

    @Override
    public CompletableFuture<LatestBars> latest(List<Symbol> symbols, Timeframe timeframe) {
        long latestAllowed = http.clock().instant().plus(RecordValidator.LATEST_CLOCK_TOLERANCE).toEpochMilli();
        return PerSymbolRequests.latest(symbols, symbol -> {
            HttpUrl url = klinesUrl(symbol, timeframe).addQueryParameter("limit", "1").build();
            BinanceKlinesParser parser = new BinanceKlinesParser(latestValidator, symbol, Long.MIN_VALUE, latestAllowed);
            return http.get(url, Headers.EMPTY, json -> {
                BarColumns bars = new BarColumns(1);
                return new PerSymbolRequests.Answer(bars, parser.parse(json, bars).rows());
            }, symbol, BinanceProvider::invalidSymbol);
        });
    }

    /** Binance's "Invalid symbol." ({@code 400 {"code":-1121}}); other 400s are parameter errors that hit every symbol. */
    private static boolean invalidSymbol(int status, JsonNode body) {
        return status == 400 && body.path("code").asLong() == INVALID_SYMBOL_CODE;
    }

    private HttpUrl.Builder klinesUrl(Symbol symbol, Timeframe timeframe) {
        return baseUrl.newBuilder().addPathSegments("api/v3/klines")
                .addQueryParameter("symbol", symbol.value())
                .addQueryParameter("interval", interval(timeframe));
    }

    /** Binance's spelling of each timeframe. */
    private static String interval(Timeframe timeframe) {
        return switch (timeframe) {
            case ONE_MINUTE -> "1m";
            case FIVE_MINUTES -> "5m";
            case FIFTEEN_MINUTES -> "15m";
            case ONE_HOUR -> "1h";
            case ONE_DAY -> "1d";
        };
    }
}
