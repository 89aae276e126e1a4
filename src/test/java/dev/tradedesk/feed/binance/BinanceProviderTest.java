package dev.tradedesk.feed.binance;

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
import dev.tradedesk.feed.PipelineStage;
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
import java.util.Locale;
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

/** The Binance provider against MockWebServer replaying Binance's documented kline and error bodies. */
class BinanceProviderTest {

    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final Symbol NOPE = Symbol.of("NOPEUSDT");
    private static final Instant FROM = Instant.parse("2022-02-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2022-02-02T00:00:00Z");
    private static final long MINUTE = 60_000;
    private static final String INVALID_SYMBOL = "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2022-02-02T12:00:20Z"));
    private final FeedMetrics metrics = new FeedMetrics(ProviderKind.BINANCE);
    private final PipelineMetrics pipeline = new PipelineMetrics();
    private ExecutorService dispatcher;
    private OkHttpClient client;
    private BinanceProvider provider;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        server.start(0);
        dispatcher = Executors.newCachedThreadPool();
        client = HttpClients.create(dispatcher, Duration.ofMillis(700));
        provider = new BinanceProvider(new ProviderHttp(client, "Binance", ProviderHttp.Access.PUBLIC, metrics, pipeline, clock), server.url("/"));
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
        server.enqueue(new MockResponse.Builder().code(code).body(body).build());
    }

    private static MockResponse response(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    private KeyedDispatcher bySymbol() {
        KeyedDispatcher bySymbol = new KeyedDispatcher(request -> request.getUrl().queryParameter("symbol"));
        server.setDispatcher(bySymbol);
        return bySymbol;
    }

    /** One kline row exactly as Binance writes it: prices and volumes as decimal strings. */
    private static String kline(long openTime, double close) {
        return "[" + openTime + ",\"" + decimal(close) + "\",\"" + decimal(close + 1) + "\",\"" + decimal(close - 1) + "\",\""
                + decimal(close) + "\",\"148976.11427815\"," + (openTime + MINUTE - 1)
                + ",\"2434.19055334\",308,\"1756.87402397\",\"28.46694368\",\"0\"]";
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.8f", value);
    }

    /** {@code count} one-minute klines from {@code firstOpen}, each closing at 100 plus its index. */
    private static String klines(Instant firstOpen, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(kline(firstOpen.toEpochMilli() + i * MINUTE, 100 + i));
        }
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

    @Test
    void historyPagesForwardByStartTimeUntilAPageComesBackShort() throws Exception {
        respond(200, klines(FROM, 1000));
        respond(200, klines(FROM.plusSeconds(1000 * 60), 5));

        BarColumns bars = await(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO)).get(BTC);

        assertThat(bars.size()).isEqualTo(1005);
        for (int i = 0; i < bars.size(); i++) {
            assertThat(bars.time(i)).isEqualTo(FROM.toEpochMilli() + i * MINUTE);
        }
        assertThat(bars.close(999)).isEqualTo(1099);
        assertThat(bars.close(1000)).isEqualTo(100);
        assertThat(bars.volume(0)).isEqualTo(148976.11427815);
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v3/klines");
        assertThat(first.getUrl().queryParameter("symbol")).isEqualTo("BTCUSDT");
        assertThat(first.getUrl().queryParameter("interval")).isEqualTo("1m");
        assertThat(first.getUrl().queryParameter("startTime")).isEqualTo("1643673600000");
        assertThat(first.getUrl().queryParameter("endTime")).isEqualTo("1643760000000");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("1000");
        RecordedRequest second = server.takeRequest();
        assertThat(second.getUrl().queryParameter("startTime")).isEqualTo(Long.toString(FROM.toEpochMilli() + 1000 * MINUTE));
        assertThat(second.getUrl().queryParameter("endTime")).isEqualTo("1643760000000");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(pipeline.total(PipelineStage.PARSE).getTotalCount()).isEqualTo(2);
        assertThat(metrics.droppedRecords()).isZero();
    }

    @Test
    void historyStopsWhenTheNextPageWouldStartAfterTheEnd() {
        respond(200, klines(FROM, 1000));

        Instant lastOpen = FROM.plusSeconds(999 * 60);
        assertThat(await(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, lastOpen)).get(BTC).size()).isEqualTo(1000);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPageRepeatingRowsFromBeforeItsStartTimeDoesNotDuplicateThem() {
        respond(200, klines(FROM, 1000));
        respond(200, klines(FROM.plusSeconds(999 * 60), 3));

        BarColumns bars = await(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO)).get(BTC);

        assertThat(bars.size()).isEqualTo(1002);
        assertThat(bars.time(1000)).isEqualTo(bars.time(999) + MINUTE);
        assertThat(metrics.droppedByReason()).containsExactly(Map.entry(RecordValidator.OUTSIDE_REQUESTED_RANGE, 1L));
    }

    @Test
    void aFullPageThatDoesNotMovePastItsStartTimeFailsInsteadOfLoopingForever() {
        respond(200, klines(FROM.minusSeconds(2000 * 60), 1000));

        ProviderException failure = failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(failure.getMessage()).contains("does not move past its startTime");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aFullPageOfRepeatedRowsFailsInsteadOfCrawlingThroughTheRange() {
        // 500 minutes, each row twice: a full page that moves on by 500 intervals, not 1000.
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(kline(FROM.toEpochMilli() + i * MINUTE, 100 + i));
            rows.add(kline(FROM.toEpochMilli() + i * MINUTE, 100 + i));
        }
        respond(200, "[" + String.join(",", rows) + "]");

        ProviderException failure = failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(failure.getMessage()).isEqualTo("Binance sent a body that is not the documented JSON for BTCUSDT (a full page of klines"
                + " that does not move past its startTime 1643673600000 by 1000 intervals: its rows repeat or start before it)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void everyTimeframeIsSentAsTheBinanceInterval() throws Exception {
        for (Timeframe timeframe : Timeframe.values()) {
            respond(200, "[]");
            await(provider.latest(List.of(BTC), timeframe));
        }
        List<String> intervals = new ArrayList<>();
        for (int i = 0; i < Timeframe.values().length; i++) {
            intervals.add(server.takeRequest().getUrl().queryParameter("interval"));
        }
        assertThat(intervals).containsExactly("1m", "5m", "15m", "1h", "1d");
    }

    @Test
    void emptyResultsMeanNoData() {
        respond(200, "[]");
        assertThat(await(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO))).isEmpty();
        respond(200, "[]");
        LatestBars latest = await(provider.latest(List.of(BTC), Timeframe.ONE_MINUTE));
        assertThat(latest.bars()).isEmpty();
        assertThat(latest.failures()).isEmpty();
        assertThat(latest.invalid()).as("no record at all: no data, not invalid").isEmpty();
        assertThat(metrics.failures()).isZero();
        assertThat(await(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, TO, FROM))).as("an empty range asks nothing").isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
        respond(200, "[[1643727540000,\"10\",\"9\",\"11\",\"10\",\"5\"]]"); // high below low
        assertThat(await(provider.latest(List.of(BTC), Timeframe.ONE_MINUTE)).invalid()).as("sent, but dropped")
                .containsExactly(BTC);
    }

    @Test
    void decimalStringsMustBePlainDecimalsNotWhateverJavaParses() {
        long t = FROM.toEpochMilli();
        StringBuilder body = new StringBuilder("[");
        String[] lenient = {" 10 ", "10f", "10d", "0x1.4p3", "１０", "10_0", ""};
        for (int i = 0; i < lenient.length; i++) {
            body.append("[").append(t + i * MINUTE).append(",\"").append(lenient[i]).append("\",\"11\",\"9\",\"10\",\"1\"],");
        }
        body.append("[").append(t + 20 * MINUTE).append(",\"1.0E1\",\"11\",\"9\",\"10\",\"1\"]]");
        respond(200, body.toString());

        BarColumns bars = await(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO)).get(BTC);

        assertThat(bars.size()).as("only the exponent form is a decimal").isEqualTo(1);
        assertThat(bars.open(0)).isEqualTo(10);
        assertThat(metrics.droppedByReason()).containsEntry(RecordValidator.WRONG_TYPE, (long) lenient.length);
    }

    @Test
    void invalidRecordsAreDroppedAndCountedWhileTheRestIsKept() {
        long t = FROM.toEpochMilli();
        respond(200, "[" + kline(t, 100) + ","
                + "[" + (t + MINUTE) + ",\"-5\",\"1\",\"-6\",\"1\",\"1\"],"
                + "[" + (t + 2 * MINUTE) + ",\"10\",\"9\",\"11\",\"10\",\"1\"],"
                + "[" + (t + 3 * MINUTE) + ",\"12\",\"11\",\"9\",\"10\",\"1\"],"
                + "[" + (t + 4 * MINUTE) + ",\"abc\",\"11\",\"9\",\"10\",\"1\"],"
                + "[" + (t + 5 * MINUTE) + ",\"10\",\"11\",\"9\",\"10\"],"
                + "[\"" + (t + 6 * MINUTE) + "\",\"10\",\"11\",\"9\",\"10\",\"1\"],"
                + "[1.6436736E12,\"10\",\"11\",\"9\",\"10\",\"1\"],"
                + "[" + TO.plusSeconds(3600).toEpochMilli() + ",\"10\",\"11\",\"9\",\"10\",\"1\"],"
                + "[" + (t + 7 * MINUTE) + ",\"10\",\"11\",\"9\",\"10\",\"-1\"],"
                + "[" + (t + 8 * MINUTE) + ",\"NaN\",\"11\",\"9\",\"10\",\"1\"],"
                + "{\"openTime\":" + (t + 9 * MINUTE) + "},"
                + kline(t + 10 * MINUTE, 110) + "]");

        BarColumns bars = await(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO)).get(BTC);

        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.close(1)).isEqualTo(110);
        assertThat(metrics.droppedByReason()).containsEntry(Bar.Defect.PRICE.description(), 2L)
                .containsEntry(Bar.Defect.HIGH_BELOW_LOW.description(), 1L)
                .containsEntry(Bar.Defect.OUTSIDE_RANGE.description(), 1L)
                .containsEntry(Bar.Defect.VOLUME.description(), 1L)
                .containsEntry(RecordValidator.WRONG_TYPE, 3L)
                .containsEntry(RecordValidator.MISSING_FIELD, 1L)
                .containsEntry(RecordValidator.BAD_TIMESTAMP, 1L)
                .containsEntry(RecordValidator.OUTSIDE_REQUESTED_RANGE, 1L);
        assertThat(metrics.droppedRecords()).isEqualTo(11);
        assertThat(logs.lines()).filteredOn(line -> line.contains("high below low")).hasSize(1);
    }

    @Test
    void nanAndInfinityWrittenAsBareWordsCostOnlyTheirOwnRows() {
        // Not JSON, but what Python's json module writes for float('nan') and float('inf').
        long t = FROM.toEpochMilli();
        respond(200, "[" + kline(t, 100) + ","
                + "[" + (t + MINUTE) + ",NaN,\"11\",\"9\",\"10\",\"1\"],"
                + "[" + (t + 2 * MINUTE) + ",\"10\",Infinity,\"9\",\"10\",\"1\"],"
                + "[" + (t + 3 * MINUTE) + ",\"10\",\"11\",\"9\",\"10\",-Infinity],"
                + kline(t + 4 * MINUTE, 104) + "]");

        HistoryBars answer = await(provider.historyBySymbol(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(answer.bars().get(BTC).size()).isEqualTo(2);
        assertThat(answer.bars().get(BTC).close(1)).isEqualTo(104);
        assertThat(answer.incomplete()).containsExactly(BTC);
        assertThat(metrics.droppedByReason()).containsExactly(Map.entry(Bar.Defect.PRICE.description(), 2L),
                Map.entry(Bar.Defect.VOLUME.description(), 1L));
        assertThat(metrics.failures()).isZero();
        assertThat(logs.lines()).filteredOn(line -> line.contains("price not finite")).hasSize(1);
    }

    @Test
    void latestFetchesEachSymbolConcurrentlyAndAFailingSymbolDoesNotFailTheOthers() throws Exception {
        bySymbol().enqueue("BTCUSDT", response(200, "[" + kline(Instant.parse("2022-02-02T12:00:00Z").toEpochMilli(), 38_000) + "]"))
                .enqueue("NOPEUSDT", response(400, INVALID_SYMBOL))
                .enqueue("ETHUSDT", response(500, "{\"code\":-1000,\"msg\":\"An unknown error occurred while processing the request.\"}"));

        LatestBars latest = await(provider.latest(List.of(BTC, NOPE, ETH), Timeframe.ONE_MINUTE));

        assertThat(latest.bars()).containsOnlyKeys(BTC);
        assertThat(latest.bars().get(BTC).close()).isEqualTo(38_000);
        assertThat(latest.failures()).containsOnlyKeys(NOPE, ETH);
        assertThat(latest.failures().get(NOPE).kind()).isEqualTo(ProviderException.Kind.UNKNOWN_SYMBOL);
        assertThat(latest.failures().get(NOPE).getMessage()).isEqualTo("Binance does not know the symbol NOPEUSDT (HTTP 400: Invalid symbol.)");
        assertThat(latest.failures().get(ETH).kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(server.getRequestCount()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v3/klines");
            assertThat(request.getUrl().queryParameterNames()).containsExactlyInAnyOrder("symbol", "interval", "limit");
            assertThat(request.getUrl().queryParameter("limit")).isEqualTo("1");
        }
    }

    @Test
    void aSymbolBinanceDoesNotListFailsAloneAndTheOthersHistoryIsAnsweredWhole() {
        KeyedDispatcher bySymbol = bySymbol().enqueue("BTCUSDT", response(200, klines(FROM, 1000)))
                .enqueue("BTCUSDT", response(200, klines(FROM.plusSeconds(1000 * 60), 5)))
                .enqueue("NOPEUSDT", response(400, INVALID_SYMBOL))
                .enqueue("ETHUSDT", new MockResponse.Builder().code(200).body(klines(FROM, 3))
                        .headersDelay(200, TimeUnit.MILLISECONDS).build());

        HistoryBars answer = await(provider.historyBySymbol(List.of(BTC, NOPE, ETH), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(answer.bars()).containsOnlyKeys(BTC, ETH);
        assertThat(answer.bars().get(BTC).size()).as("BTCUSDT's second page was still asked for").isEqualTo(1005);
        assertThat(answer.bars().get(ETH).size()).isEqualTo(3);
        assertThat(answer.unknown()).containsOnlyKeys(NOPE);
        assertThat(answer.unknown().get(NOPE).kind()).isEqualTo(ProviderException.Kind.UNKNOWN_SYMBOL);
        assertThat(answer.unknown().get(NOPE).getMessage())
                .isEqualTo("Binance does not know the symbol NOPEUSDT (HTTP 400: Invalid symbol.)");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(bySymbol.mostAtOnce("NOPEUSDT")).isEqualTo(1);

        bySymbol.enqueue("BTCUSDT", response(200, klines(FROM, 3))).enqueue("NOPEUSDT", response(400, INVALID_SYMBOL));
        assertThat(failureOf(provider.history(List.of(BTC, NOPE), Timeframe.ONE_MINUTE, FROM, TO)).getMessage())
                .as("history() still takes the request as a whole").contains("NOPEUSDT");
    }

    @Test
    void aDroppedRecordLeavesOnlyItsOwnSymbolIncomplete() {
        long t = FROM.toEpochMilli();
        bySymbol().enqueue("BTCUSDT", response(200, klines(FROM, 3)))
                .enqueue("ETHUSDT", response(200, "[" + kline(t, 100) + ",[" + (t + MINUTE) + ",\"10\",\"9\",\"11\",\"10\",\"1\"]]"));

        HistoryBars answer = await(provider.historyBySymbol(List.of(BTC, ETH), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(answer.incomplete()).containsExactly(ETH);
        assertThat(answer.whole(BTC)).isTrue();
        assertThat(answer.bars().get(ETH).size()).isEqualTo(1);
    }

    @Test
    void aDroppedRecordsLogSampleNamesItsSymbolAndShowsTheMistypedFieldAsReceived() {
        long t = FROM.toEpochMilli();
        bySymbol().enqueue("BTCUSDT", response(200, klines(FROM, 3)))
                .enqueue("ETHUSDT", response(200, "[[" + t + ",\"10\",\"11\",\"9\",\"12,5\",\"1\"]]"));

        await(provider.historyBySymbol(List.of(BTC, ETH), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(logs.lines()).filteredOn(line -> line.contains("dropped")).containsExactly(
                "WARN binance: dropped a record of ETHUSDT: field of the wrong type; sample: time=2022-02-01T00:00:00Z"
                        + " (1643673600000) open=10.0 high=11.0 low=9.0 close=\"12,5\" volume=1.0; further such records are"
                        + " only counted");
    }

    @Test
    void aLatestBarStampedBeyondTheClockToleranceIsDropped() {
        long future = clock.instant().plus(RecordValidator.LATEST_CLOCK_TOLERANCE).plusSeconds(60).toEpochMilli();
        respond(200, "[" + kline(future, 38_000) + "]");

        assertThat(await(provider.latest(List.of(BTC), Timeframe.ONE_MINUTE)).bars()).isEmpty();
        assertThat(metrics.droppedByReason()).containsExactly(Map.entry(RecordValidator.OUTSIDE_REQUESTED_RANGE, 1L));
    }

    @Test
    void rateLimitAndBanCarryTheirRetryAfterSeconds() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").setHeader("X-MBX-USED-WEIGHT-1M", "6001")
                .body("{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 6000 request weight per 1 MINUTE.\"}")
                .build());
        ProviderException limited = failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(limited.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(limited.getMessage()).startsWith("Binance is rate limiting requests (HTTP 429: Too much request weight used");

        server.enqueue(new MockResponse.Builder().code(418).setHeader("Retry-After", "120")
                .body("{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 1643760120000.\"}").build());
        ProviderException banned = await(provider.latest(List.of(BTC), Timeframe.ONE_MINUTE)).failures().get(BTC);
        assertThat(banned.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(banned.status()).isEqualTo(418);
        assertThat(banned.retryAfter()).contains(Duration.ofSeconds(120));
    }

    @Test
    void aFirewallRefusalBacksOffInsteadOfBlamingAKeyWeNeverSent() {
        respond(403, "<html>403 Forbidden</html>");
        ProviderException refused = failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(refused.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(refused.kind().retryable()).isTrue();
        assertThat(refused.getMessage()).isEqualTo("Binance is refusing requests for now (HTTP 403)");
    }

    @Test
    void onceOneSymbolIsRateLimitedNoOtherSymbolRequestsAFurtherPage() throws Exception {
        bySymbol().enqueue("BTCUSDT", new MockResponse.Builder().code(200).body(klines(FROM, 1000))
                        .headersDelay(300, TimeUnit.MILLISECONDS).build())
                .enqueue("BTCUSDT", response(200, "[]"))
                .enqueue("ETHUSDT", new MockResponse.Builder().code(429).setHeader("Retry-After", "30").build());

        assertThat(failureOf(provider.history(List.of(BTC, ETH), Timeframe.ONE_MINUTE, FROM, TO)).retryAfter())
                .contains(Duration.ofSeconds(30));

        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.takeRequest(700, TimeUnit.MILLISECONDS)).as("no second BTCUSDT page").isNull();
    }

    @Test
    void serverErrorsAndErrorPagesAreClassifiedByStatus() {
        respond(503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
        ProviderException unavailable = failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(unavailable.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(unavailable.getMessage()).isEqualTo("Binance failed to answer (HTTP 503)");
        respond(400, INVALID_SYMBOL);
        ProviderException invalid = failureOf(provider.history(List.of(NOPE), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(invalid.kind()).isEqualTo(ProviderException.Kind.UNKNOWN_SYMBOL);
        assertThat(invalid.kind().retryable()).isFalse();
        respond(400, "{\"code\":-1100,\"msg\":\"Illegal characters found in parameter 'symbol'.\"}");
        ProviderException badParameter = failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(badParameter.kind()).as("another 400 is the request's fault, not the symbol's")
                .isEqualTo(ProviderException.Kind.BAD_REQUEST);
    }

    @Test
    void aBodyCutMidJsonAnHtmlPageAnEmptyBodyAndAnObjectAreMalformed() {
        respond(200, "[" + kline(FROM.toEpochMilli(), 100) + ",[1643673660000,\"100.0");
        assertThat(failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO)).kind())
                .isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        respond(200, "<html><body>Gateway says hello</body></html>");
        assertThat(failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO)).kind())
                .isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        respond(200, "");
        assertThat(failureOf(provider.history(List.of(BTC), Timeframe.ONE_MINUTE, FROM, TO)).getMessage())
                .isEqualTo("Binance sent an empty body for BTCUSDT");
        respond(200, INVALID_SYMBOL);
        ProviderException object = await(provider.latest(List.of(BTC), Timeframe.ONE_MINUTE)).failures().get(BTC);
        assertThat(object.kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(metrics.failures(ProviderException.Kind.MALFORMED_BODY)).isEqualTo(4);
        assertThat(logs.lines()).as("counted; the scheduler logs the outage they make").isEmpty();
    }

    @Test
    void aMalformedBodyIsToldForTheSymbolItAnswered() {
        bySymbol().enqueue("BTCUSDT", response(200, "{\"code\":0,\"msg\":\"ok\"}"))
                .enqueue("ETHUSDT", response(200, "[" + kline(FROM.toEpochMilli(), 100) + ",[1643673660000,\"100.0"));

        LatestBars latest = await(provider.latest(List.of(BTC, ETH), Timeframe.ONE_MINUTE));

        assertThat(latest.failures().get(BTC).getMessage())
                .isEqualTo("Binance sent a body that is not the documented JSON for BTCUSDT (expected a list of klines but found START_OBJECT)");
        assertThat(latest.failures().get(ETH).getMessage()).isEqualTo("Binance sent a body cut short for ETHUSDT (its JSON ends unfinished)");
        assertThat(latest.failures().get(ETH).kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(latest.failures().get(ETH).bodySample()).as("what the outage's log line quotes")
                .isEqualTo("[" + kline(FROM.toEpochMilli(), 100) + ",[1643673660000,\"100.0");
    }

    @Test
    void aStalledResponseTimesOutForItsSymbolOnly() {
        bySymbol().enqueue("BTCUSDT", new MockResponse.Builder().code(200).body("[]").bodyDelay(3, TimeUnit.SECONDS).build())
                .enqueue("ETHUSDT", response(200, "[" + kline(Instant.parse("2022-02-02T12:00:00Z").toEpochMilli(), 2_700) + "]"));

        LatestBars latest = await(provider.latest(List.of(BTC, ETH), Timeframe.ONE_MINUTE));

        assertThat(latest.failures().get(BTC).kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
        assertThat(latest.bars()).containsOnlyKeys(ETH);
    }
}
