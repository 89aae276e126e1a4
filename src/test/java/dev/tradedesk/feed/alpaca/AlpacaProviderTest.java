package dev.tradedesk.feed.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Secret;
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
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Alpaca provider against MockWebServer replaying Alpaca's documented wire formats. */
class AlpacaProviderTest {

    private static final String KEY_ID = "PKTESTKEYID0042";
    private static final String SECRET = "s3cr3t-alpaca-value-9931";
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");
    private static final Instant FROM = Instant.parse("2022-02-01T14:30:00Z");
    private static final Instant TO = Instant.parse("2022-02-01T14:40:00Z");

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2022-02-01T15:00:00Z"));
    private final FeedMetrics metrics = new FeedMetrics(ProviderKind.ALPACA);
    private final PipelineMetrics pipeline = new PipelineMetrics();
    private ExecutorService dispatcher;
    private OkHttpClient client;
    private AlpacaProvider provider;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        server.start(0);
        dispatcher = Executors.newCachedThreadPool();
        client = HttpClients.create(dispatcher, Duration.ofMillis(700));
        provider = new AlpacaProvider(new ProviderHttp(client, "Alpaca", ProviderHttp.Access.KEYED, metrics, pipeline, clock), server.url("/"),
                Secret.of(KEY_ID), Secret.of(SECRET), "iex");
        logs = new LogCapture();
    }

    @AfterEach
    void stop() {
        assertThat(logs.text()).as("credentials never reach the logs").doesNotContain(KEY_ID, SECRET);
        logs.close();
        HttpClients.close(client);
        dispatcher.shutdownNow();
        server.close();
    }

    private void respond(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).body(body).build());
    }

    private static String bar(String time, double close) {
        return "{\"t\":\"" + time + "\",\"o\":" + close + ",\"h\":" + (close + 1) + ",\"l\":" + (close - 1) + ",\"c\":" + close
                + ",\"v\":1000,\"n\":12,\"vw\":" + close + "}";
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
    void aNextPageAskedForAfterTheSessionsHttpThreadsShutDownIsGivenUpNotAFailure() throws Exception {
        // The page is still on its way when the session closes (MarketSession.close shuts its HTTP
        // threads down first): its answer asks for the next page, which the threads refuse.
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(400, TimeUnit.MILLISECONDS)
                .body("{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:30:00Z", 174) + "]},\"next_page_token\":\"UEFHRTI\"}")
                .build());
        CompletableFuture<Map<Symbol, BarColumns>> history = provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO);
        assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();

        dispatcher.shutdown();

        assertThatThrownBy(() -> await(history)).hasCauseInstanceOf(CancellationException.class);
        assertThat(metrics.failures()).as("no failure of the provider's").isZero();
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN") || line.startsWith("ERROR")).isEmpty();
        assertThat(server.getRequestCount()).as("the next page never left").isEqualTo(1);
    }

    @Test
    void historyFollowsPageTokensAndMergesASymbolSplitAcrossPages() throws Exception {
        respond(200, "{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:30:00Z", 174) + "," + bar("2022-02-01T14:31:00Z", 175)
                + "],\"MSFT\":[" + bar("2022-02-01T14:30:00Z", 300) + "]},\"next_page_token\":\"TVNGVHwxNDMx\"}");
        respond(200, "{\"bars\":{\"MSFT\":[" + bar("2022-02-01T14:31:00.123456789Z", 301) + "," + bar("2022-02-01T14:32:00Z", 302)
                + "]},\"next_page_token\":null}");

        Map<Symbol, BarColumns> bars = await(provider.history(List.of(MSFT, AAPL), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(bars.get(AAPL).size()).isEqualTo(2);
        assertThat(bars.get(MSFT).size()).isEqualTo(3);
        assertThat(bars.get(MSFT).close(2)).isEqualTo(302);
        assertThat(bars.get(MSFT).time(1)).isEqualTo(Instant.parse("2022-02-01T14:31:00.123Z").toEpochMilli());
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v2/stocks/bars");
        assertThat(first.getUrl().queryParameter("symbols")).isEqualTo("AAPL,MSFT");
        assertThat(first.getUrl().queryParameter("timeframe")).isEqualTo("1Min");
        assertThat(first.getUrl().queryParameter("start")).isEqualTo("2022-02-01T14:30:00Z");
        assertThat(first.getUrl().queryParameter("end")).isEqualTo("2022-02-01T14:40:00Z");
        assertThat(first.getUrl().queryParameter("page_token")).isNull();
        assertThat(first.getHeaders().get("APCA-API-KEY-ID")).isEqualTo(KEY_ID);
        assertThat(first.getHeaders().get("APCA-API-SECRET-KEY")).isEqualTo(SECRET);
        assertThat(server.takeRequest().getUrl().queryParameter("page_token")).isEqualTo("TVNGVHwxNDMx");
        assertThat(pipeline.total(PipelineStage.FETCH).getTotalCount()).isEqualTo(2);
        assertThat(pipeline.total(PipelineStage.PARSE).getTotalCount()).isEqualTo(2);
    }

    @Test
    void aPageTokenThatRepeatsFailsInsteadOfPagingForever() {
        respond(200, "{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:30:00Z", 174) + "]},\"next_page_token\":\"QUJD\"}");
        respond(200, "{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:31:00Z", 175) + "]},\"next_page_token\":\"QUJD\"}");
        ProviderException failure = failureOf(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(failure.getMessage()).contains("next_page_token repeats");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void pageTokensThatNeverRepeatButBringNothingNewFailInsteadOfPagingForever() {
        String sameBarAgain = "{\"AAPL\":[" + bar("2022-02-01T14:30:00Z", 174) + "]}";
        for (String bars : List.of(sameBarAgain, "{}", "{\"AAPL\":[]}")) {
            AtomicInteger pages = new AtomicInteger();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    // A fresh token every time: no set of the tokens seen catches it.
                    return new MockResponse.Builder().code(200)
                            .body("{\"bars\":" + bars + ",\"next_page_token\":\"VE9LRU4" + pages.incrementAndGet() + "\"}").build();
                }
            });

            ProviderException failure = failureOf(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO));

            assertThat(failure.kind()).as(bars).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
            assertThat(failure.getMessage()).as(bars).isEqualTo("Alpaca sent a body that is not the documented JSON"
                    + " (next_page_token asks for another page, but this one brought no bar further than the pages before)");
            assertThat(pages.get()).as("the first page that got nowhere is the last asked for").isEqualTo(bars == sameBarAgain ? 2 : 1);
        }
    }

    @Test
    void aPageTokenOfTheWrongTypeFailsInsteadOfEndingTheHistoryEarly() {
        respond(200, "{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:30:00Z", 174) + "]},\"next_page_token\":12345}");
        ProviderException failure = failureOf(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(failure.getMessage()).contains("next_page_token");
    }

    @Test
    void aBodyWithoutBarsIsMalformedRatherThanNoData() {
        respond(200, "{\"next_page_token\":null}");
        assertThat(failureOf(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO)).getMessage())
                .isEqualTo("Alpaca sent a body that is not the documented JSON (no \"bars\" in the answer)");
        respond(200, "{\"message\":\"upstream timeout\"}");
        assertThat(failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE)).kind())
                .as("every symbol would read as without data").isEqualTo(ProviderException.Kind.MALFORMED_BODY);
    }

    @Test
    void singleSymbolBarsWithoutTheirSymbolLeaveTheRangeIncomplete() {
        respond(200, "{\"bars\":[" + bar("2022-02-01T14:35:00Z", 10) + "],\"next_page_token\":null}");
        HistoryBars answer = await(provider.historyBySymbol(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(answer.bars()).isEmpty();
        assertThat(answer.whole(AAPL)).as("its bar was not stored: the minute must be fetched again").isFalse();
        assertThat(metrics.droppedByReason()).containsEntry(RecordValidator.MISSING_FIELD, 1L);
    }

    @Test
    void aPageTokenIsSentAsOneQueryValueWhateverItHolds() throws Exception {
        String hostile = "../x?symbols=EVIL&feed=sip#%2F%zz \u00e9\u202e";
        respond(200, "{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:30:00Z", 174) + "]},\"next_page_token\":\""
                + hostile.replace("\u00e9", "\\u00e9").replace("\u202e", "\\u202e") + "\"}");
        respond(200, "{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:31:00Z", 175) + "]},\"next_page_token\":null}");

        assertThat(await(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO)).get(AAPL).size()).isEqualTo(2);

        server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(second.getUrl().encodedPath()).isEqualTo("/v2/stocks/bars");
        assertThat(second.getUrl().queryParameter("page_token")).isEqualTo(hostile);
        assertThat(second.getUrl().queryParameterValues("symbols")).containsExactly("AAPL");
        assertThat(second.getUrl().queryParameterValues("feed")).containsExactly("iex");
        assertThat(second.getUrl().fragment()).isNull();
    }

    @Test
    void emptyResultsAndNullBarsMeanNoData() {
        respond(200, "{\"bars\":{},\"next_page_token\":null}");
        assertThat(await(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO))).isEmpty();
        respond(200, "{\"bars\":{\"AAPL\":null},\"next_page_token\":null}");
        assertThat(await(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO))).isEmpty();
        respond(200, "{\"bars\":null,\"symbol\":\"AAPL\",\"next_page_token\":null}");
        assertThat(await(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO))).isEmpty();
        assertThat(metrics.failures()).isZero();
    }

    @Test
    void theSingleSymbolShapeIsUnderstoodToo() {
        respond(200, "{\"bars\":[" + bar("2022-02-01T14:35:00Z", 10) + "],\"symbol\":\"AAPL\",\"next_page_token\":null}");
        assertThat(await(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO)).get(AAPL).close(0)).isEqualTo(10);
    }

    @Test
    void invalidRecordsAreDroppedAndCountedWhileTheRestIsKept() {
        respond(200, "{\"bars\":{\"AAPL\":["
                + bar("2022-02-01T14:30:00Z", 174) + ","
                + "{\"t\":\"2022-02-01T14:31:00Z\",\"o\":-5,\"h\":1,\"l\":-6,\"c\":1,\"v\":1},"
                + "{\"t\":\"2022-02-01T14:32:00Z\",\"o\":10,\"h\":9,\"l\":11,\"c\":10,\"v\":1},"
                + "{\"t\":\"2022-02-01T14:33:00Z\",\"o\":12,\"h\":11,\"l\":9,\"c\":10,\"v\":1},"
                + "{\"t\":\"2022-02-01T14:34:00Z\",\"o\":\"abc\",\"h\":11,\"l\":9,\"c\":10,\"v\":1},"
                + "{\"t\":\"2022-02-01T14:35:00Z\",\"h\":11,\"l\":9,\"c\":10,\"v\":1},"
                + "{\"t\":\"yesterday\",\"o\":10,\"h\":11,\"l\":9,\"c\":10,\"v\":1},"
                + "{\"t\":\"2022-02-01T18:00:00Z\",\"o\":10,\"h\":11,\"l\":9,\"c\":10,\"v\":1},"
                + "{\"t\":\"2022-02-01T14:36:00Z\",\"o\":10,\"h\":11,\"l\":9,\"c\":10,\"v\":-1},"
                + "{\"t\":\"2022-02-01T14:37:00Z\",\"o\":1e400,\"h\":1e400,\"l\":9,\"c\":10,\"v\":1},"
                + "{\"t\":\"2022-02-01T14:38:00Z\",\"o\":10,\"h\":2e12,\"l\":9,\"c\":10,\"v\":1},"
                + "{\"t\":\"2022-02-01T14:38:30Z\",\"o\":10,\"h\":11,\"l\":9,\"c\":10,\"v\":1e300},"
                + "42,"
                + bar("2022-02-01T14:39:00Z", 176)
                + "],\"ZZZZ\":[" + bar("2022-02-01T14:39:00Z", 50) + "]},\"next_page_token\":null}");

        BarColumns bars = await(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO)).get(AAPL);

        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.close(1)).isEqualTo(176);
        assertThat(metrics.droppedByReason()).containsEntry(Bar.Defect.PRICE.description(), 2L)
                .containsEntry(Bar.Defect.HIGH_BELOW_LOW.description(), 1L)
                .containsEntry(Bar.Defect.OUTSIDE_RANGE.description(), 1L)
                .containsEntry(Bar.Defect.VOLUME.description(), 1L)
                .containsEntry(Bar.BeyondAnyMarket.PRICE.description(), 1L)
                .containsEntry(Bar.BeyondAnyMarket.VOLUME.description(), 1L)
                .containsEntry(RecordValidator.WRONG_TYPE, 2L)
                .containsEntry(RecordValidator.MISSING_FIELD, 1L)
                .containsEntry(RecordValidator.BAD_TIMESTAMP, 1L)
                .containsEntry(RecordValidator.OUTSIDE_REQUESTED_RANGE, 1L)
                .containsEntry(RecordValidator.UNREQUESTED_SYMBOL, 1L);
        assertThat(logs.lines()).filteredOn(line -> line.contains("high below low")).hasSize(1);
    }

    @Test
    void nanAndInfinityWrittenAsBareWordsCostOnlyTheirOwnRecords() {
        // Not JSON, but what Python's json module writes for float('nan') and float('inf').
        respond(200, "{\"bars\":{\"AAPL\":["
                + bar("2022-02-01T14:30:00Z", 174) + ","
                + "{\"t\":\"2022-02-01T14:31:00Z\",\"o\":NaN,\"h\":11,\"l\":9,\"c\":10,\"v\":1},"
                + "{\"t\":\"2022-02-01T14:32:00Z\",\"o\":10,\"h\":Infinity,\"l\":9,\"c\":10,\"v\":1},"
                + "{\"t\":\"2022-02-01T14:33:00Z\",\"o\":10,\"h\":11,\"l\":-Infinity,\"c\":10,\"v\":1},"
                + "{\"t\":\"2022-02-01T14:34:00Z\",\"o\":10,\"h\":11,\"l\":9,\"c\":10,\"v\":NaN}"
                + "],\"MSFT\":[" + bar("2022-02-01T14:30:00Z", 300) + "]},\"next_page_token\":null}");

        HistoryBars answer = await(provider.historyBySymbol(List.of(AAPL, MSFT), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(answer.bars().get(AAPL).size()).isEqualTo(1);
        assertThat(answer.bars().get(MSFT).size()).isEqualTo(1);
        assertThat(answer.incomplete()).containsExactly(AAPL);
        assertThat(metrics.droppedByReason()).containsExactly(Map.entry(Bar.Defect.PRICE.description(), 3L),
                Map.entry(Bar.Defect.VOLUME.description(), 1L));
        assertThat(metrics.failures()).isZero();
        assertThat(logs.lines()).filteredOn(line -> line.contains("dropped")).containsExactly(
                "WARN alpaca: dropped a record of AAPL: price not finite and positive; sample: time=2022-02-01T14:31:00Z"
                        + " (1643725860000) open=NaN high=11.0 low=9.0 close=10.0 volume=1.0; further such records are only counted",
                "WARN alpaca: dropped a record of AAPL: volume not finite or negative; sample: time=2022-02-01T14:34:00Z"
                        + " (1643726040000) open=10.0 high=11.0 low=9.0 close=10.0 volume=NaN; further such records are only counted");
    }

    @Test
    void aDroppedRecordLeavesOnlyItsOwnSymbolIncomplete() {
        respond(200, "{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:30:00Z", 174) + "],\"MSFT\":["
                + "{\"t\":\"2022-02-01T14:30:00Z\",\"o\":10,\"h\":9,\"l\":11,\"c\":10,\"v\":1},"
                + bar("2022-02-01T14:31:00Z", 300) + "]},\"next_page_token\":null}");
        HistoryBars answer = await(provider.historyBySymbol(List.of(AAPL, MSFT), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(answer.incomplete()).containsExactly(MSFT);
        assertThat(answer.whole(AAPL)).isTrue();
        assertThat(answer.bars().get(MSFT).size()).isEqualTo(1);

        respond(200, "{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:30:00Z", 174) + "],\"ZZZZ\":["
                + bar("2022-02-01T14:30:00Z", 50) + "]},\"next_page_token\":null}");
        assertThat(await(provider.historyBySymbol(List.of(AAPL, MSFT), Timeframe.ONE_MINUTE, FROM, TO)).incomplete())
                .as("bars under a symbol not asked for might have been any asked symbol's").containsExactlyInAnyOrder(AAPL, MSFT);
    }

    @Test
    void aDroppedRecordsLogSampleNamesItsSymbolAndShowsWhatWasReceived() {
        respond(200, "{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:30:00Z", 174) + "],\"MSFT\":["
                + "{\"t\":\"2022-02-01T14:34:00Z\",\"o\":\"12.5\",\"h\":11,\"l\":9,\"c\":10,\"v\":1},"
                + "{\"t\":\"yesterday\",\"o\":10,\"h\":11,\"l\":9,\"c\":10,\"v\":1},"
                + "{\"t\":\"2022-02-01T14:35:00Z\",\"h\":11,\"l\":9,\"c\":10,\"v\":1}"
                + "],\"ZZZZ\\nWARN forged\":[]},\"next_page_token\":null}");

        await(provider.historyBySymbol(List.of(AAPL, MSFT), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(logs.lines()).filteredOn(line -> line.contains("dropped")).containsExactly(
                "WARN alpaca: dropped a record of MSFT: field of the wrong type; sample: time=2022-02-01T14:34:00Z"
                        + " (1643726040000) open=\"12.5\" high=11.0 low=9.0 close=10.0 volume=1.0; further such records are"
                        + " only counted",
                "WARN alpaca: dropped a record of MSFT: unreadable timestamp; sample: time=\"yesterday\" open=10.0 high=11.0"
                        + " low=9.0 close=10.0 volume=1.0; further such records are only counted",
                "WARN alpaca: dropped a record of MSFT: missing field; sample: time=2022-02-01T14:35:00Z (1643726100000)"
                        + " open=(missing) high=11.0 low=9.0 close=10.0 volume=1.0; further such records are only counted",
                "WARN alpaca: dropped a record: symbol not requested; sample: bars for \"ZZZZ\\u000aWARN forged\"; further"
                        + " such records are only counted");
    }

    @Test
    void oneSymbolsBrokenLatestRecordCostsTheOthersNothing() {
        respond(200, "{\"bars\":{\"AAPL\":" + bar("2022-02-01T14:59:00Z", 174) + ",\"MSFT\":42,\"NOPE\":[1]}}");
        LatestBars latest = await(provider.latest(List.of(AAPL, MSFT, Symbol.of("NOPE")), Timeframe.ONE_MINUTE));
        assertThat(latest.bars()).containsOnlyKeys(AAPL);
        assertThat(latest.invalid()).as("sent, but dropped: not unknown").containsExactlyInAnyOrder(MSFT, Symbol.of("NOPE"));
        assertThat(metrics.droppedByReason()).containsEntry(RecordValidator.WRONG_TYPE, 2L);
        assertThat(metrics.failures()).isZero();
    }

    @Test
    void aLatestBarThatFailsValidationIsToldApartFromASymbolWithoutData() {
        // High below low: a well-formed record that validation drops.
        respond(200, "{\"bars\":{\"AAPL\":" + bar("2022-02-01T14:59:00Z", 174)
                + ",\"MSFT\":{\"t\":\"2022-02-01T14:59:00Z\",\"o\":300,\"h\":299,\"l\":301,\"c\":300,\"v\":10}}}");
        LatestBars latest = await(provider.latest(List.of(AAPL, MSFT, Symbol.of("NOPE")), Timeframe.ONE_MINUTE));
        assertThat(latest.bars()).containsOnlyKeys(AAPL);
        assertThat(latest.invalid()).containsExactly(MSFT);
    }

    @Test
    void latestBarsForManySymbolsInOneCall() throws Exception {
        respond(200, "{\"bars\":{\"AAPL\":" + bar("2022-02-01T14:59:00Z", 174) + ",\"MSFT\":" + bar("2022-02-01T14:59:00Z", 300) + "}}");
        LatestBars latest = await(provider.latest(List.of(AAPL, MSFT, Symbol.of("NOPE")), Timeframe.ONE_MINUTE));
        assertThat(latest.bars()).containsOnlyKeys(AAPL, MSFT);
        assertThat(latest.bars().get(MSFT).close()).isEqualTo(300);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/stocks/bars/latest");
        assertThat(request.getUrl().queryParameter("symbols")).isEqualTo("AAPL,MSFT,NOPE");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void rateLimitCarriesRetryAfterInSecondsOrAsAnHttpDate() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .body("{\"code\":42910000,\"message\":\"too many requests\"}").build());
        ProviderException seconds = failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE));
        assertThat(seconds.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(seconds.getMessage()).isEqualTo("Alpaca is rate limiting requests (HTTP 429: too many requests)");

        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "Tue, 01 Feb 2022 15:01:30 GMT").build());
        assertThat(failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE)).retryAfter()).contains(Duration.ofSeconds(90));

        respond(429, "");
        assertThat(failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE)).retryAfter()).isEmpty();
    }

    @Test
    void aRetryAfterAskingForNoWaitIsTakenForNoneSoTheLaneStillBacksOff() {
        // The clock reads 15:00:00; a server whose clock is behind ours dates its Retry-After in our past.
        for (String now : List.of("0", "Tue, 01 Feb 2022 15:00:00 GMT", "Tue, 01 Feb 2022 14:58:30 GMT")) {
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", now).build());
            ProviderException failure = failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE));
            assertThat(failure.kind()).as(now).isEqualTo(ProviderException.Kind.RATE_LIMITED);
            assertThat(failure.retryAfter()).as(now).isEmpty();
            assertThat(failure.getMessage()).as(now).isEqualTo("Alpaca is rate limiting requests (HTTP 429)");
        }
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
        assertThat(failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE)).retryAfter()).contains(Duration.ofSeconds(1));
    }

    @Test
    void aBodyTricklingInPastTheCallTimeoutFailsAsATimeout() {
        OkHttpClient impatient = client.newBuilder().callTimeout(Duration.ofMillis(800)).build();
        AlpacaProvider slow = new AlpacaProvider(new ProviderHttp(impatient, "Alpaca", ProviderHttp.Access.KEYED, metrics,
                pipeline, clock), server.url("/"), Secret.of(KEY_ID), Secret.of(SECRET), "iex");
        // A byte every 50 ms: never long enough apart for the read timeout, too slow for the call's.
        server.enqueue(new MockResponse.Builder().code(200).body("{\"bars\":{\"AAPL\":" + bar("2022-02-01T14:30:00Z", 174)
                + "}}" + " ".repeat(400)).throttleBody(1, 50, TimeUnit.MILLISECONDS).build());
        ProviderException failure = failureOf(slow.latest(List.of(AAPL), Timeframe.ONE_MINUTE));
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
        assertThat(failure.getMessage()).isEqualTo("Alpaca sent its answer too slowly to read it in time");
    }

    @Test
    void anAbsurdRetryAfterIsTakenForAnHourAndSaidSo() {
        for (String absurd : List.of("86401", "99999999999", "9223372036854775807", "99999999999999999999999",
                "Fri, 31 Dec 9999 23:59:59 GMT")) {
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", absurd).build());
            ProviderException failure = failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE));
            assertThat(failure.retryAfter()).as(absurd).contains(Duration.ofHours(1));
            assertThat(failure.getMessage()).as(absurd).isEqualTo("Alpaca is rate limiting requests (HTTP 429); it asks to wait"
                    + " longer than an hour (Retry-After: " + absurd + "), so TradeDesk waits an hour");
        }
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
        ProviderException hour = failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE));
        assertThat(hour.retryAfter()).contains(Duration.ofHours(1));
        assertThat(hour.getMessage()).isEqualTo("Alpaca is rate limiting requests (HTTP 429)");
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "-5").build());
        assertThat(failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE)).retryAfter()).isEmpty();
    }

    @Test
    void rejectedKeysStopWithAClearMessage() {
        respond(401, "{\"message\":\"forbidden\"}");
        ProviderException failure = failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE));
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.AUTH_REJECTED);
        assertThat(failure.kind().retryable()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("Alpaca rejected the API key (HTTP 401: forbidden)");
    }

    @Test
    void aKeyNoHttpHeaderCanCarryIsRefusedNamingTheCharacterNotTheKey() {
        ProviderHttp http = new ProviderHttp(client, "Alpaca", ProviderHttp.Access.KEYED, metrics, pipeline, clock);
        // A zero-width space pasted inside the key id, a typo inside the secret: OkHttp quoted both whole.
        assertThatThrownBy(() -> new AlpacaProvider(http, server.url("/"), Secret.of("PKTEST\u200BKEYID0042"),
                Secret.of(SECRET), "iex"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Alpaca API key id holds a character no HTTP header can carry (U+200B, character 7):"
                        + " type or paste it again")
                .satisfies(refused -> assertThat(refused.toString()).doesNotContain("PKTEST", "KEYID0042"));
        assertThatThrownBy(() -> new AlpacaProvider(http, server.url("/"), Secret.of(KEY_ID),
                Secret.of("s3cr3t-alpaca-valué-9931"), "iex"))
                .hasMessageStartingWith("The Alpaca API secret key holds a character no HTTP header can carry (U+00E9,"
                        + " character 19)")
                .satisfies(refused -> assertThat(refused.toString()).doesNotContain("s3cr3t", "9931"));
    }

    /** Alpaca as it answers a request naming a symbol it cannot read: the whole request refused. */
    private void refuseRequestsNaming(String unreadable, String answer) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String symbols = request.getUrl().queryParameter("symbols");
                if (List.of(symbols.split(",")).contains(unreadable)) {
                    return new MockResponse.Builder().code(400)
                            .body("{\"code\":40010001,\"message\":\"invalid symbol: " + unreadable + "\"}").build();
                }
                return new MockResponse.Builder().code(200).body(answer).build();
            }
        });
    }

    @Test
    void aSymbolAlpacaCannotReadIsRefusedAloneAndTheOthersLatestBarsStillCome() throws Exception {
        Symbol pair = Symbol.of("BTC/USD");
        refuseRequestsNaming("BTC/USD",
                "{\"bars\":{\"AAPL\":" + bar("2022-02-01T14:59:00Z", 174) + ",\"MSFT\":" + bar("2022-02-01T14:59:00Z", 300) + "}}");

        LatestBars latest = await(provider.latest(List.of(AAPL, pair, MSFT), Timeframe.ONE_MINUTE));

        assertThat(latest.bars()).containsOnlyKeys(AAPL, MSFT);
        assertThat(latest.failures()).containsOnlyKeys(pair);
        assertThat(latest.failures().get(pair).kind()).isEqualTo(ProviderException.Kind.UNKNOWN_SYMBOL);
        assertThat(latest.failures().get(pair).getMessage())
                .isEqualTo("Alpaca does not know the symbol BTC/USD (HTTP 400: invalid symbol: BTC/USD)");
        assertThat(server.takeRequest().getUrl().queryParameter("symbols")).isEqualTo("AAPL,BTC/USD,MSFT");
        assertThat(server.takeRequest().getUrl().queryParameter("symbols")).as("asked again at once without it")
                .isEqualTo("AAPL,MSFT");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aSymbolAlpacaCannotReadIsRefusedAloneInAHistoryRequestToo() {
        Symbol pair = Symbol.of("BTC/USD");
        refuseRequestsNaming("BTC/USD", "{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:30:00Z", 174) + "]},\"next_page_token\":null}");

        HistoryBars history = await(provider.historyBySymbol(List.of(pair, AAPL), Timeframe.ONE_MINUTE, FROM, TO));

        assertThat(history.bars()).containsOnlyKeys(AAPL);
        assertThat(history.unknown()).containsOnlyKeys(pair);
        assertThat(history.unknown().get(pair).kind()).isEqualTo(ProviderException.Kind.UNKNOWN_SYMBOL);

        HistoryBars alone = await(provider.historyBySymbol(List.of(pair), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(alone.bars()).isEmpty();
        assertThat(alone.unknown()).containsOnlyKeys(pair);
    }

    @Test
    void aBadRequestNamingNoSymbolOfTheRequestFailsItAsBefore() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(400).body("{\"message\":\"invalid symbol: ZZZZ\"}").build();
            }
        });

        ProviderException failure = failureOf(provider.latest(List.of(AAPL, MSFT), Timeframe.ONE_MINUTE));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.BAD_REQUEST);
        assertThat(failure.getMessage()).isEqualTo("Alpaca refused the request (HTTP 400: invalid symbol: ZZZZ)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsAndBadRequestsAreClassified() {
        respond(503, "<html>Service Unavailable</html>");
        assertThat(failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE)).kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        respond(422, "{\"code\":42210000,\"message\":\"invalid timeframe\"}");
        ProviderException badRequest = failureOf(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(badRequest.kind()).isEqualTo(ProviderException.Kind.BAD_REQUEST);
        assertThat(badRequest.getMessage()).contains("HTTP 422: invalid timeframe");
    }

    @Test
    void controlAndFormatCharactersInAProvidersWordsReachNeitherTheLogNorTheStatusBarAsThemselves() {
        // An escape sequence that clears a terminal and turns its text red, a bell, a right-to-left override, a line separator.
        respond(400, "{\"message\":\"bad \\u001b[2J\\u001b[31mred\\u0007 \\u202e txt\\u2028next\"}");
        ProviderException refused = failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE));
        assertThat(refused.getMessage()).isEqualTo("Alpaca refused the request (HTTP 400: bad \\u001b[2J\\u001b[31mred\\u0007"
                + " \\u202e txt\\u2028next)");
        respond(502, "<html>\u001b]0;owned\u0007 Bad Gateway</html>");
        ProviderException badGateway = failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE));

        assertThat(badGateway.bodySample()).as("what the outage's log line quotes")
                .isEqualTo("<html>\\u001b]0;owned\\u0007 Bad Gateway</html>");
        assertThat(logs.text()).doesNotContain("\u001b", "\u0007", "\u202e", "\u2028");
    }

    @Test
    void aBodyCutMidJsonAnErrorPageAndAnEmptyBodyAreMalformed() {
        respond(200, "{\"bars\":{\"AAPL\":[" + bar("2022-02-01T14:30:00Z", 174) + ",{\"t\":\"2022-02-01T14:31");
        ProviderException cut = failureOf(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(cut.kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(cut.getMessage()).as("a request for a batch of symbols names none").isEqualTo("Alpaca sent a body cut short"
                + " (its JSON ends unfinished)");
        respond(200, "<html><body>Gateway says hello</body></html>");
        ProviderException page = failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE));
        assertThat(page.kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(page.bodySample()).as("for the outage's log line").isEqualTo("<html><body>Gateway says hello</body></html>");
        respond(200, "");
        ProviderException empty = failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE));
        assertThat(empty.getMessage()).isEqualTo("Alpaca sent an empty body");
        assertThat(empty.bodySample()).isEmpty();
        respond(200, "[1,2,3]");
        assertThat(failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE)).kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(metrics.failures(ProviderException.Kind.MALFORMED_BODY)).isEqualTo(4);
        assertThat(logs.lines()).as("counted; the scheduler logs the outage they make").isEmpty();
    }

    @Test
    void aStalledResponseTimesOut() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"bars\":{}}").bodyDelay(3, TimeUnit.SECONDS).build());
        assertThat(failureOf(provider.latest(List.of(AAPL), Timeframe.ONE_MINUTE)).kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
    }

    @Test
    void aCallCancelledWhileItsBodyArrivesIsNoFailure() throws Exception {
        String big = "{\"bars\":{\"AAPL\":[" + String.join(",", java.util.Collections.nCopies(2000, bar("2022-02-01T14:30:00Z", 174)))
                + "]},\"next_page_token\":null}";
        server.enqueue(new MockResponse.Builder().code(200).body(big).throttleBody(1024, 50, TimeUnit.MILLISECONDS).build());
        CompletableFuture<Map<Symbol, BarColumns>> history = provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO);
        server.takeRequest(5, TimeUnit.SECONDS);
        Thread.sleep(300); // the headers are in and the body is trickling (about 8 s of it)

        HttpClients.close(client); // what a session's close does

        assertThatThrownBy(() -> history.orTimeout(10, TimeUnit.SECONDS).join()).satisfies(thrown -> assertThat(
                thrown instanceof CompletionException ? thrown.getCause() : thrown).isInstanceOf(java.util.concurrent.CancellationException.class));
        assertThat(metrics.failures()).as("our own cancel is not the provider's failure").isZero();
        assertThat(logs.text()).doesNotContain("WARN");
    }

    @Test
    void aConnectionResetMidBodyIsANetworkFailure() {
        String big = "{\"bars\":{\"AAPL\":[" + String.join(",", java.util.Collections.nCopies(2000, bar("2022-02-01T14:30:00Z", 174)))
                + "]},\"next_page_token\":null}";
        server.enqueue(new MockResponse.Builder().code(200).body(big).throttleBody(1024, 10, TimeUnit.MILLISECONDS)
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        ProviderException failure = failureOf(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(failure.kind()).isIn(ProviderException.Kind.NETWORK, ProviderException.Kind.MALFORMED_BODY);
        assertThat(failure.kind().retryable()).isTrue();
    }
}
