package dev.tradedesk.feed.coinbase;

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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Coinbase Exchange public market data (no key) from {@code /products/{id}/candles}, which takes one
 * product per call ({@code BTC-USD}) and answers at most {@value #CANDLES_PER_REQUEST} candles,
 * newest first.
 *
 * <p>History splits {@code [from, to]} into windows of {@value #CANDLES_PER_REQUEST} candle open
 * times, aligned to the granularity as Coinbase's candles are, and fetches them oldest window first:
 * products concurrently, the windows of one product in sequence, so a long range does not fire
 * dozens of requests at once at an API allowing 10 a second. Candles come back oldest first, a
 * candle repeated at a window border kept once; once any product fails, no further windows are
 * requested, except when the failure is Coinbase not knowing the product ({@code NotFound},
 * {@link ProviderException.Kind#UNKNOWN_SYMBOL}): that one is the product's own, and
 * {@link #historyBySymbol} answers the other products' candles beside it. Latest: one concurrent request per product over the last {@value #LATEST_INTERVALS}
 * intervals up to now (by the provider's clock), of which the newest valid candle is the latest bar;
 * a product that fails (an unknown one is HTTP 404) becomes an entry in
 * {@link LatestBars#failures()} without disturbing the others.
 *
 * <p>Every failure is classified by {@link ProviderHttp}. Thread-safe.
 */
public final class CoinbaseProvider implements MarketDataProvider {

    /** Coinbase's maximum number of candles per request. */
    static final int CANDLES_PER_REQUEST = 300;
    /** Intervals a latest request covers, the forming one included. */
    static final int LATEST_INTERVALS = 3;

    private final ProviderHttp http;
    private final HttpUrl baseUrl;
    /** For latest bars, whose answer tells each product's dropped record apart by itself. */
    private final RecordValidator latestValidator;

    /** @param baseUrl {@code https://api.exchange.coinbase.com} or a proxy */
    public CoinbaseProvider(ProviderHttp http, HttpUrl baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.latestValidator = new RecordValidator(http.metrics());
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.COINBASE;
    }

    @Override
    public CompletableFuture<Map<Symbol, BarColumns>> history(List<Symbol> symbols, Timeframe timeframe, Instant from, Instant to) {
        return historyBySymbol(symbols, timeframe, from, to).thenApply(PerSymbolRequests::wholeOrFail);
    }

    @Override
    public CompletableFuture<HistoryBars> historyBySymbol(List<Symbol> symbols, Timeframe timeframe, Instant from, Instant to) {
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli();
        long step = stepMillis(timeframe);
        long firstOpen = -Math.floorDiv(-fromMillis, step) * step;
        if (firstOpen > toMillis) {
            return CompletableFuture.completedFuture(new HistoryBars(Map.of()));
        }
        DroppedRecords dropped = new DroppedRecords(symbols);
        RecordValidator validator = new RecordValidator(http.metrics(), dropped);
        return PerSymbolRequests.history(symbols, dropped, (symbol, abandoned) -> historyWindows(
                new HistoryRun(symbol, timeframe, fromMillis, toMillis, new BarColumns(256), abandoned, validator), firstOpen));
    }

    /** One product's history request, carried from window to window; {@code collected} grows oldest first. */
    private record HistoryRun(Symbol product, Timeframe timeframe, long fromMillis, long toMillis, BarColumns collected,
            BooleanSupplier abandoned, RecordValidator validator) {
    }

    /** Fetches the window whose first candle opens at {@code windowStart}, then the next, until {@code toMillis}. */
    private CompletableFuture<BarColumns> historyWindows(HistoryRun run, long windowStart) {
        long step = stepMillis(run.timeframe());
        long windowEnd = Math.min(windowStart + (CANDLES_PER_REQUEST - 1) * step, run.toMillis());
        // A candle stamped after its window would be appended ahead of the next windows' candles, which
        // would then all look like repeats and be skipped unseen: it is outside what this request asked.
        CoinbaseCandlesParser parser = new CoinbaseCandlesParser(run.validator(), run.product(), run.fromMillis(), windowEnd);
        return http.get(candlesUrl(run.product(), run.timeframe(), windowStart, windowEnd), Headers.EMPTY, json -> {
            BarColumns window = new BarColumns(CANDLES_PER_REQUEST);
            parser.parse(json, window);
            appendOldestFirst(window, run);
            return run.collected();
        }, run.product(), CoinbaseProvider::unknownProduct).thenCompose(bars -> {
            long nextStart = windowStart + CANDLES_PER_REQUEST * step;
            return nextStart > run.toMillis() || run.abandoned().getAsBoolean()
                    ? CompletableFuture.completedFuture(bars)
                    : historyWindows(run, nextStart);
        });
    }

    /**
     * Appends a window's candles to the run's oldest first, whatever order they came in (newest
     * first, as documented). One not newer than the last already there is skipped: kept once when
     * the run holds a candle of its time (a window repeating the one before), and otherwise dropped
     * and counted as outside the range its request asked for (it is older than the window), so the
     * product's range is fetched again rather than taken as read without it.
     */
    private static void appendOldestFirst(BarColumns window, HistoryRun run) {
        BarColumns into = run.collected();
        int[] oldestFirst = IntStream.range(0, window.size()).boxed()
                .sorted(Comparator.comparingLong(window::time))
                .mapToInt(Integer::intValue)
                .toArray();
        for (int i : oldestFirst) {
            if (into.isEmpty() || window.time(i) > into.time(into.size() - 1)) {
                into.add(window.time(i), window.open(i), window.high(i), window.low(i), window.close(i), window.volume(i));
            } else if (!holdsTime(into, window.time(i))) {
                run.validator().reject(RecordValidator.OUTSIDE_REQUESTED_RANGE, run.product(), window.bar(i));
            }
        }
    }

    /** Whether {@code bars}, oldest first, hold a bar opening at {@code time}; searched from the newest, where repeats are. */
    private static boolean holdsTime(BarColumns bars, long time) {
        for (int i = bars.size() - 1; i >= 0 && bars.time(i) >= time; i--) {
            if (bars.time(i) == time) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CompletableFuture<LatestBars> latest(List<Symbol> symbols, Timeframe timeframe) {
        long now = http.clock().millis();
        long step = stepMillis(timeframe);
        long start = Math.floorDiv(now, step) * step - (LATEST_INTERVALS - 1) * step;
        long latestAllowed = now + RecordValidator.LATEST_CLOCK_TOLERANCE.toMillis();
        return PerSymbolRequests.latest(symbols, symbol -> {
            CoinbaseCandlesParser parser = new CoinbaseCandlesParser(latestValidator, symbol, start, latestAllowed);
            return http.get(candlesUrl(symbol, timeframe, start, now), Headers.EMPTY, json -> {
                BarColumns candles = new BarColumns(LATEST_INTERVALS);
                int rows = parser.parse(json, candles);
                return new PerSymbolRequests.Answer(candles, rows);
            }, symbol, CoinbaseProvider::unknownProduct);
        });
    }

    /**
     * Coinbase's answer for a product it does not list: {@code {"message":"NotFound"}}, with 404 (or
     * 400 on some routes). A bare 404 is not enough: a wrong base URL or a proxy says that for every product.
     */
    private static boolean unknownProduct(int status, JsonNode body) {
        return (status == 404 || status == 400) && "NotFound".equalsIgnoreCase(body.path("message").asText());
    }

    private HttpUrl candlesUrl(Symbol product, Timeframe timeframe, long startMillis, long endMillis) {
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment("products").addPathSegment(product.value()).addPathSegment("candles");
        return url.addQueryParameter("granularity", Integer.toString(granularitySeconds(timeframe)))
                .addQueryParameter("start", isoSeconds(startMillis))
                .addQueryParameter("end", isoSeconds(endMillis))
                .build();
    }

    /** Candle times are whole seconds, so the range is sent to the second ({@code 2022-02-01T14:30:00Z}). */
    private static String isoSeconds(long epochMillis) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMillis, 1000L)).toString();
    }

    /** One candle's span: candles open at multiples of it since the epoch. */
    private static long stepMillis(Timeframe timeframe) {
        return granularitySeconds(timeframe) * 1000L;
    }

    /** Coinbase's granularity, in seconds, for each timeframe. */
    private static int granularitySeconds(Timeframe timeframe) {
        return switch (timeframe) {
            case ONE_MINUTE -> 60;
            case FIVE_MINUTES -> 300;
            case FIFTEEN_MINUTES -> 900;
            case ONE_HOUR -> 3600;
            case ONE_DAY -> 86400;
        };
    }
}
