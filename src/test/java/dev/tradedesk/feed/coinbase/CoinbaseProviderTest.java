package dev.tradedesk.feed.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.FeedMetrics;
import dev.tradedesk.feed.HistoryBars;
import dev.tradedesk.feed.HttpClients;
import dev.tradedesk.feed.LatestBars;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.ProviderException;
import dev.tradedesk.feed.ProviderHttp;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.RecordValidator;
import dev.tradedesk.testing.KeyedDispatcher;
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Coinbase provider against MockWebServer replaying Coinbase Exchange's documented candle and error bodies. */
class CoinbaseProviderTest {

    private static final Symbol BTC = Symbol.of("BTC-USD");
    private static final Symbol ETH = Symbol.of("ETH-USD");
    private static final Symbol NOPE = Symbol.of("NOPE-USD");
    /** Twelve hours of minutes: three windows of at most 300 candles. */
    private static final Instant FROM = Instant.parse("2022-02-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2022-02-01T11:59:00Z");
    private static final Instant ONE_WINDOW_TO = Instant.parse("2022-02-01T04:59:00Z");

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2022-02-02T12:00:20Z"));
    private final FeedMetrics metrics = new FeedMetrics(ProviderKind.COINBASE);
    private final PipelineMetrics pipeline = new PipelineMetrics();
    private ExecutorService dispatcher;
    private OkHttpClient client;
    private CoinbaseProvider provider;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        server.start(0);
        dispatcher = Executors.newCachedThreadPool();
        client = HttpClients.create(dispatcher, Duration.ofMillis(700));
        provider = new CoinbaseProvider(new ProviderHttp(client, "Coinbase", ProviderHttp.Access.PUBLIC, metrics, pipeline, clock), server.url("/"));
        logs = new LogCapture();
    }

    @AfterEach
    void stop() {
        logs.close();
        HttpClients.close(client);
        dispatcher.shutdownNow();
        server.close();
    }

    private void respond(int code, String body) {
        server.enqueue(response(code, body));
    }

    private static MockResponse response(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    private KeyedDispatcher byProduct(Duration hold) {
        KeyedDispatcher byProduct = new KeyedDispatcher(request -> request.getUrl().pathSegments().get(1), hold);
        server.setDispatcher(byProduct);
        return byProduct;
    }

    /** One candle as Coinbase writes it: {@code [time, low, high, open, close, volume]}, all numbers. */
    private static String candle(String openTime, double close) {
        return "[" + Instant.parse(openTime).getEpochSecond() + "," + (close - 1.25) + "," + (close + 1.5) + "," + (close - 0.5)
                + "," + close + ",12.81573401]";
    }

    /** A body of candles, given (as Coinbase sends them) newest first. */
    private static String candles(String... rows) {
        return "[" + String.join(",", rows) + "]";
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static ProviderException failureOf(CompletableFuture<?> future) {
        try {
            future.orTimeout(10, TimeUnit.SECONDS).join();
        } catch (CompletionException failed) {
            assertThat(failed.getCause()).isInstanceOf(ProviderException.class);
            return (ProviderException) failed.getCause();
        }
        throw new AssertionError("expected the request to fail");
    }

    private static List<Instant> times(BarColumns bars) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            times.add(Instant.ofEpochMilli(bars.time(i)));
        }
        return times;
    }

    @Test
    void historyFetchesWindowsOf300CandlesAndReturnsThemOldestFirstWithBorderRepeatsKeptOnce() throws Exception {
        respond(200, candles(candle("2022-02-01T04:59:00Z", 104), candle("2022-02-01T02:00:00Z", 102),
                candle("2022-02-01T00:00:00Z", 100)));
        respond(200, candles(candle("2022-02-01T09:59:00Z", 109), candle("2022-02-01T05:00:00Z", 105),
                candle("2022-02-01T04:59:00Z", 104)));
        respond(200, candles(candle("2022-02-01T11:59:00Z", 111), candle("2022-02-01T10:00:00Z", 110),
                candle("2022-02-01T09:59:00Z", 109)));

        BarColumns bars = await(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO)).get(BTC);

        assertThat(times(bars)).containsExactly(Instant.parse("2022-02-01T00:00:00Z"), Instant.parse("2022-02-01T02:00:00Z"),
                Instant.parse("2022-02-01T04:59:00Z"), Instant.parse("2022-02-01T05:00:00Z"), Instant.parse("2022-02-01T09:59:00Z"),
                Instant.parse("2022-02-01T10:00:00Z"), Instant.parse("2022-02-01T11:59:00Z"));
        assertThat(bars.bar(0)).isEqualTo(new Bar(FROM.toEpochMilli(), 99.5, 101.5, 98.75, 100, 12.81573401));
        assertThat(metrics.droppedRecords()).isZero();
        String[][] windows = {
            {"2022-02-01T00:00:00Z", "2022-02-01T04:59:00Z"},
            {"2022-02-01T05:00:00Z", "2022-02-01T09:59:00Z"},
            {"2022-02-01T10:00:00Z", "2022-02-01T11:59:00Z"}};
        for (String[] window : windows) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/products/BTC-USD/candles");
            assertThat(request.getUrl().queryParameterNames()).containsExactly("granularity", "start", "end");
            assertThat(request.getUrl().queryParameter("granularity")).isEqualTo("60");
            assertThat(request.getUrl().queryParameter("start")).isEqualTo(window[0]);
            assertThat(request.getUrl().queryParameter("end")).isEqualTo(window[1]);
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aCandleOutsideItsWindowIsDroppedAndCostsTheOtherWindowsNothing() {
        // Window 1 (00:00-04:59) sends a candle of window 3's hour; window 2 (05:00-09:59) one of window 1's.
        respond(200, candles(candle("2022-02-01T11:00:00Z", 666), candle("2022-02-01T02:00:00Z", 102),
                candle("2022-02-01T00:00:00Z", 100)));
        respond(200, candles(candle("2022-02-01T09:59:00Z", 109), candle("2022-02-01T05:00:00Z", 105),
                candle("2022-02-01T01:00:00Z", 101)));
        respond(200, candles(candle("2022-02-01T11:59:00Z", 111), candle("2022-02-01T11:00:00Z", 110),
                candle("2022-02-01T10:00:00Z", 110)));

        HistoryBars answer = await(provider.historyBySymbol(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO));

        BarColumns bars = answer.bars().get(BTC);
        assertThat(times(bars)).containsExactly(Instant.parse("2022-02-01T00:00:00Z"), Instant.parse("2022-02-01T02:00:00Z"),
                Instant.parse("2022-02-01T05:00:00Z"), Instant.parse("2022-02-01T09:59:00Z"), Instant.parse("2022-02-01T10:00:00Z"),
                Instant.parse("2022-02-01T11:00:00Z"), Instant.parse("2022-02-01T11:59:00Z"));
        assertThat(bars.close(5)).as("11:00 is window 3's candle").isEqualTo(110);
        assertThat(metrics.droppedByReason()).containsExactly(Map.entry(RecordValidator.OUTSIDE_REQUESTED_RANGE, 2L));
        assertThat(answer.whole(BTC)).as("01:00 was not kept: the range is fetched again").isFalse();
    }

    @Test
    void windowsStartAtTheFirstCandleOpenTimeAfterFrom() throws Exception {
        for (int i = 0; i < 3; i++) {
            respond(200, "[]");
        }

        assertThat(await(provider.history(List.of(BTC), Timeframe.ONE_HOUR, Instant.parse("2022-02-01T00:10:00Z"),
                Instant.parse("2022-03-01T00:00:00Z")))).isEmpty();

        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getUrl().queryParameter("granularity")).isEqualTo("3600");
            ranges.add(request.getUrl().queryParameter("start") + " " + request.getUrl().queryParameter("end"));
        }
        assertThat(ranges).containsExactly("2022-02-01T01:00:00Z 2022-02-13T12:00:00Z", "2022-02-13T13:00:00Z 2022-02-26T00:00:00Z",
                "2022-02-26T01:00:00Z 2022-03-01T00:00:00Z");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void everyTimeframeIsSentAsItsGranularityAndLatestAsksForTheLastThreeIntervals() throws Exception {
        for (Timeframe timeframe : Timeframe.values()) {
            respond(200, "[]");
            await(provider.latest(List.of(BTC), timeframe));
        }
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < Timeframe.values().length; i++) {
            RecordedRequest request = server.takeRequest();
            requests.add(request.getUrl().queryParameter("granularity") + " " + request.getUrl().queryParameter("start") + " "
                    + request.getUrl().queryParameter("end"));
        }
        assertThat(requests).containsExactly(
                "60 2022-02-02T11:58:00Z 2022-02-02T12:00:20Z",
                "300 2022-02-02T11:50:00Z 2022-02-02T12:00:20Z",
                "900 2022-02-02T11:30:00Z 2022-02-02T12:00:20Z",
                "3600 2022-02-02T10:00:00Z 2022-02-02T12:00:20Z",
                "86400 2022-01-31T00:00:00Z 2022-02-02T12:00:20Z");
    }

    @Test
    void emptyResultsMeanNoData() {
        respond(200, "[]");
        assertThat(await(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, ONE_WINDOW_TO))).isEmpty();
        respond(200, "[]");
        LatestBars latest = await(provider.latest(List.of(BTC), Timeframe.ONE_MINUTE));
        assertThat(latest.bars()).isEmpty();
        assertThat(latest.failures()).isEmpty();
        assertThat(latest.invalid()).as("no record at all: no data, not invalid").isEmpty();
        assertThat(metrics.failures()).isZero();
        assertThat(await(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, TO, FROM))).as("an empty range asks nothing").isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
        respond(200, "[[\"not a time\",9,11,10,10,5]]");
        assertThat(await(provider.latest(List.of(BTC), Timeframe.ONE_MINUTE)).invalid()).as("sent, but dropped")
                .containsExactly(BTC);
    }

    @Test
    void invalidRecordsAreDroppedAndCountedWhileTheRestIsKept() {
        long t = FROM.getEpochSecond();
        respond(200, "[" + candle("2022-02-01T00:20:00Z", 110) + ","
                + "[" + (t + 60) + ",-6,1,-5,1,1],"
                + "[" + (t + 120) + ",11,9,10,10,1],"
                + "[" + (t + 180) + ",9,11,12,10,1],"
                + "[" + (t + 240) + ",9,11,\"abc\",10,1],"
                + "[" + (t + 300) + ",9,11,10,10],"
                + "[\"" + (t + 360) + "\",9,11,10,10,1],"
                + "[1643673600.5,9,11,10,10,1],"
                + "[" + TO.plusSeconds(3600).getEpochSecond() + ",9,11,10,10,1],"
                + "[" + (t + 420) + ",9,11,10,10,-1],"
                + "[" + (t + 480) + ",9,11,10,10,1e400],"
                + "{\"time\":" + (t + 540) + "},"
                + candle("2022-02-01T00:00:00Z", 100) + "]");

        BarColumns bars = await(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, ONE_WINDOW_TO)).get(BTC);

        assertThat(times(bars)).containsExactly(FROM, Instant.parse("2022-02-01T00:20:00Z"));
        assertThat(metrics.droppedByReason()).containsEntry(Bar.Defect.PRICE.description(), 1L)
                .containsEntry(Bar.Defect.HIGH_BELOW_LOW.description(), 1L)
                .containsEntry(Bar.Defect.OUTSIDE_RANGE.description(), 1L)
                .containsEntry(Bar.Defect.VOLUME.description(), 2L)
                .containsEntry(RecordValidator.WRONG_TYPE, 3L)
                .containsEntry(RecordValidator.MISSING_FIELD, 1L)
                .containsEntry(RecordValidator.BAD_TIMESTAMP, 1L)
                .containsEntry(RecordValidator.OUTSIDE_REQUESTED_RANGE, 1L);
        assertThat(metrics.droppedRecords()).isEqualTo(11);
        assertThat(logs.lines()).filteredOn(line -> line.contains("high below low")).hasSize(1);
    }

    @Test
    void nanAndInfinityWrittenAsBareWordsCostOnlyTheirOwnCandles() {
        // Not JSON, but what Python's json module writes for float('nan') and float('inf').
        long t = FROM.getEpochSecond();
        respond(200, "[" + candle("2022-02-01T00:04:00Z", 104) + ","
                + "[" + (t + 180) + ",9,11,10,10,NaN],"
                + "[" + (t + 120) + ",-Infinity,11,10,10,1],"
                + "[" + (t + 60) + ",9,Infinity,NaN,10,1],"
                + candle("2022-02-01T00:00:00Z", 100) + "]");

        HistoryBars answer = await(provider.historyBySymbol(List.of(BTC), Timeframe.ONE_MINUTE, FROM, ONE_WINDOW_TO));

        assertThat(times(answer.bars().get(BTC))).containsExactly(FROM, Instant.parse("2022-02-01T00:04:00Z"));
        assertThat(answer.incomplete()).containsExactly(BTC);
        assertThat(metrics.droppedByReason()).containsExactly(Map.entry(Bar.Defect.PRICE.description(), 2L),
                Map.entry(Bar.Defect.VOLUME.description(), 1L));
        assertThat(metrics.failures()).isZero();
        assertThat(logs.lines()).filteredOn(line -> line.contains("price not finite")).hasSize(1);
    }

    @Test
    void pricesAndVolumesWrittenAsPlainDecimalStringsAreReadAsTheNumbersTheySpell() {
        long t = FROM.getEpochSecond();
        respond(200, "[[" + (t + 240) + ",\"9.5\",\"11.25\",\"10\",\"10.5\",\"12.81573401\"],"
                + "[" + (t + 180) + ",9,\"11\",10,\"10\",1],"
                + "[" + (t + 120) + ",\" 9 \",11,10,10,1],"
                + "[" + (t + 60) + ",\"9\",\"0x1p4\",10,10,1],"
                + "[\"" + t + "\",\"9\",\"11\",\"10\",\"10\",\"1\"]]");

        HistoryBars answer = await(provider.historyBySymbol(List.of(BTC), Timeframe.ONE_MINUTE, FROM, ONE_WINDOW_TO));

        BarColumns bars = answer.bars().get(BTC);
        assertThat(times(bars)).containsExactly(Instant.parse("2022-02-01T00:03:00Z"), Instant.parse("2022-02-01T00:04:00Z"));
        assertThat(bars.bar(1)).isEqualTo(new Bar(Instant.parse("2022-02-01T00:04:00Z").toEpochMilli(), 10, 11.25, 9.5, 10.5,
                12.81573401));
        assertThat(metrics.droppedByReason()).as("padded, hexadecimal, and a time as text")
                .containsExactly(Map.entry(RecordValidator.WRONG_TYPE, 3L));
        assertThat(answer.incomplete()).containsExactly(BTC);
    }

    @Test
    void latestIsTheNewestValidCandlePerProductAndAFailingProductDoesNotFailTheOthers() throws Exception {
        byProduct(Duration.ZERO)
                .enqueue("BTC-USD", response(200, candles(candle("2022-02-02T12:00:00Z", 38_010),
                        candle("2022-02-02T11:59:00Z", 38_000), candle("2022-02-02T11:58:00Z", 37_990))))
                .enqueue("NOPE-USD", response(404, "{\"message\":\"NotFound\"}"))
                .enqueue("ETH-USD", response(500, "{\"message\":\"Internal server error\"}"));

        LatestBars latest = await(provider.latest(List.of(BTC, NOPE, ETH), Timeframe.ONE_MINUTE));

        assertThat(latest.bars()).containsOnlyKeys(BTC);
        assertThat(latest.bars().get(BTC).time()).isEqualTo(Instant.parse("2022-02-02T12:00:00Z").toEpochMilli());
        assertThat(latest.bars().get(BTC).close()).isEqualTo(38_010);
        assertThat(latest.failures()).containsOnlyKeys(NOPE, ETH);
        assertThat(latest.failures().get(NOPE).kind()).isEqualTo(ProviderException.Kind.UNKNOWN_SYMBOL);
        assertThat(latest.failures().get(NOPE).getMessage()).isEqualTo("Coinbase does not know the symbol NOPE-USD (HTTP 404: NotFound)");
        assertThat(latest.failures().get(ETH).kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aLatestCandleStampedBeyondTheClockToleranceIsDroppedForTheNewestValidOne() {
        respond(200, candles(candle("2022-02-02T13:00:00Z", 39_000), candle("2022-02-02T11:59:00Z", 38_000)));

        Bar latest = await(provider.latest(List.of(BTC), Timeframe.ONE_MINUTE)).bars().get(BTC);

        assertThat(latest.time()).isEqualTo(Instant.parse("2022-02-02T11:59:00Z").toEpochMilli());
        assertThat(metrics.droppedByReason()).containsExactly(Map.entry(RecordValidator.OUTSIDE_REQUESTED_RANGE, 1L));
    }

    @Test
    void theWindowsOfOneProductAreFetchedOneAfterAnother() {
        KeyedDispatcher byProduct = byProduct(Duration.ofMillis(50));
        for (String product : List.of("BTC-USD", "ETH-USD")) {
            byProduct.enqueue(product, response(200, candles(candle("2022-02-01T00:00:00Z", 100))))
                    .enqueue(product, response(200, candles(candle("2022-02-01T05:00:00Z", 105))))
                    .enqueue(product, response(200, candles(candle("2022-02-01T10:00:00Z", 110))));
        }

        Map<Symbol, BarColumns> bars = await(provider.history(List.of(BTC, ETH), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(bars.get(BTC).size()).isEqualTo(3);
        assertThat(bars.get(ETH).size()).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(6);
        assertThat(byProduct.mostAtOnce("BTC-USD")).isEqualTo(1);
        assertThat(byProduct.mostAtOnce("ETH-USD")).isEqualTo(1);
    }

    @Test
    void aProductCoinbaseDoesNotListFailsAloneAndTheOthersHistoryIsAnsweredWhole() {
        KeyedDispatcher byProduct = byProduct(Duration.ZERO);
        for (String product : List.of("BTC-USD", "ETH-USD")) {
            byProduct.enqueue(product, response(200, candles(candle("2022-02-01T00:00:00Z", 100))))
                    .enqueue(product, response(200, candles(candle("2022-02-01T05:00:00Z", 105))))
                    .enqueue(product, response(200, candles(candle("2022-02-01T10:00:00Z", 110))));
        }
        byProduct.enqueue("NOPE-USD", response(404, "{\"message\":\"NotFound\"}"));

        HistoryBars answer = await(provider.historyBySymbol(List.of(BTC, NOPE, ETH), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(answer.bars()).containsOnlyKeys(BTC, ETH);
        assertThat(answer.bars().get(BTC).size()).as("every window of BTC-USD was still asked for").isEqualTo(3);
        assertThat(answer.bars().get(ETH).size()).isEqualTo(3);
        assertThat(answer.unknown()).containsOnlyKeys(NOPE);
        assertThat(answer.unknown().get(NOPE).getMessage()).isEqualTo("Coinbase does not know the symbol NOPE-USD (HTTP 404: NotFound)");
        assertThat(server.getRequestCount()).isEqualTo(7);
    }

    @Test
    void aDroppedRecordLeavesOnlyItsOwnProductIncomplete() {
        byProduct(Duration.ZERO).enqueue("BTC-USD", response(200, candles(candle("2022-02-01T00:01:00Z", 38_000))))
                .enqueue("ETH-USD", response(200, candles(candle("2022-02-01T00:01:00Z", 2_800), "[1643673600,1,1,1,1,true]")));

        HistoryBars answer = await(provider.historyBySymbol(List.of(BTC, ETH), Timeframe.ONE_MINUTE, FROM, ONE_WINDOW_TO));

        assertThat(answer.incomplete()).containsExactly(ETH);
        assertThat(answer.whole(BTC)).isTrue();
        assertThat(answer.bars().get(ETH).size()).isEqualTo(1);
    }

    @Test
    void aBare404IsNotTakenForAnUnknownProduct() {
        respond(404, "<html>Not Found</html>");
        assertThat(failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, ONE_WINDOW_TO)).kind())
                .as("a wrong base URL says this for every product").isEqualTo(ProviderException.Kind.BAD_REQUEST);
    }

    @Test
    void aFailedWindowFailsTheHistoryAndNoLaterWindowIsRequested() {
        respond(200, candles(candle("2022-02-01T00:00:00Z", 100)));
        respond(503, "{\"message\":\"service unavailable\"}");

        ProviderException failure = failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(failure.getMessage()).isEqualTo("Coinbase failed to answer (HTTP 503: service unavailable)");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void rateLimitingCarriesRetryAfterWhenCoinbaseSendsIt() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2")
                .body("{\"message\":\"Public rate limit exceeded\"}").build());
        ProviderException limited = failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(limited.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(limited.getMessage()).isEqualTo("Coinbase is rate limiting requests (HTTP 429: Public rate limit exceeded)");

        respond(429, "{\"message\":\"Public rate limit exceeded\"}");
        ProviderException withoutHeader = await(provider.latest(List.of(BTC), Timeframe.ONE_MINUTE)).failures().get(BTC);
        assertThat(withoutHeader.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(withoutHeader.retryAfter()).isEmpty();
    }

    @Test
    void anHtmlErrorPageIsClassifiedByItsStatus() {
        respond(502, "<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>");
        ProviderException failure = failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(failure.getMessage()).isEqualTo("Coinbase failed to answer (HTTP 502)");
    }

    @Test
    void aBodyCutMidJsonAnHtmlPageAnEmptyBodyAndAnObjectAreMalformed() {
        respond(200, "[" + candle("2022-02-01T00:01:00Z", 100) + ",[1643673600,99.5,10");
        ProviderException cut = failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, ONE_WINDOW_TO));
        assertThat(cut.kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(cut.getMessage()).isEqualTo("Coinbase sent a body cut short for BTC-USD (its JSON ends unfinished)");
        respond(200, "<!DOCTYPE html><html><body>Just a moment...</body></html>");
        assertThat(failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, ONE_WINDOW_TO)).kind())
                .isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        respond(200, "");
        assertThat(failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, ONE_WINDOW_TO)).getMessage())
                .isEqualTo("Coinbase sent an empty body for BTC-USD");
        respond(200, "{\"message\":\"NotFound\"}");
        ProviderException object = await(provider.latest(List.of(BTC), Timeframe.ONE_MINUTE)).failures().get(BTC);
        assertThat(object.kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(object.getMessage()).isEqualTo("Coinbase sent a body that is not the documented JSON for BTC-USD"
                + " (expected a list of candles but found START_OBJECT)");
        assertThat(metrics.failures(ProviderException.Kind.MALFORMED_BODY)).isEqualTo(4);
        assertThat(cut.bodySample()).as("what the outage's log line quotes")
                .isEqualTo("[[1643673660,98.75,101.5,99.5,100.0,12.81573401],[1643673600,99.5,10");
    }

    @Test
    void aStalledResponseTimesOut() {
        server.enqueue(new MockResponse.Builder().code(200).body("[]").bodyDelay(3, TimeUnit.SECONDS).build());
        ProviderException failure = failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, ONE_WINDOW_TO));
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
        assertThat(failure.kind().retryable()).isTrue();
    }
}
