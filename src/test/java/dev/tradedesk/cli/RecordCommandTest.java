package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tradedesk.app.BuildInfo;
import dev.tradedesk.app.HostEnvironment;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.FeedMetrics;
import dev.tradedesk.feed.ProviderException;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.store.BarSnapshot;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: simulated exchange → Alpaca provider → scheduler → engine → store, through the real
 * command. The simulated market is deterministic, so the database must equal its ground truth.
 */
class RecordCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return runWith(Map.of(), args);
    }

    private int runWith(Map<String, String> environment, String... args) {
        return TradeDeskCommand.commandLine(new HostEnvironment("Linux", dir, environment), new BuildInfo("1.0.0"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    @Test
    void recordsFromTheSimulatedExchangeExactlyWhatItServed() {
        long started = Clock.systemUTC().millis();
        int exit = run("--data-dir", dir.toString(), "record", "--provider", "sim", "--symbols", "AAPL,MSFT",
                "--speed", "120", "--seed", "7", "--duration", "6s");
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("record.provider: sim", "errors.total: 0", "store.failures: 0", "latency.fetch.p99_ms:");

        // The truth runs 400x from the start of the test, so it is well past the recorder's 120x
        // (it has run at least the 6 s the recording lasted) whenever it is asked.
        java.time.Instant start = java.time.Instant.ofEpochMilli(started);
        SimulatedMarket truth = SimulatedMarket.anchoredOnGrid(7, new SimClock(Clock.systemUTC(), start, start, 400),
                Duration.ofDays(3), Set.of(), true);
        long storedTotal = 0;
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir.resolve("simulated")))) {
            for (String name : List.of("AAPL", "MSFT")) {
                SeriesKey key = new SeriesKey(Symbol.of(name), Timeframe.ONE_MINUTE);
                long first = store.firstTime(key).orElseThrow();
                long last = store.lastTime(key).orElseThrow();
                assertThat(last - first).as("two days of backfill plus live bars").isGreaterThan(Duration.ofDays(2).toMillis());
                BarSnapshot stored = store.range(key, first, last);
                BarColumns expected = new BarColumns(0);
                truth.closedMinuteBars(Symbol.of(name), first, last, expected);
                assertThat(stored.toBars()).hasSize(expected.size());
                assertThat(stored).isEqualTo(BarSnapshot.copyOf(expected));
                storedTotal += stored.size();
                assertThat(store.tradingDayZone(key)).as("the simulated market's days").hasValue(ZoneId.of("America/New_York"));
            }
        }
        assertThat(summary).contains("stored.total: " + storedTotal + "\n", "written.AAPL: ", "written.MSFT: ");

        // Kept apart from the real providers' history; the reading commands reach it with --simulated.
        out.reset();
        assertThat(run("--data-dir", dir.toString(), "export", "--symbol", "AAPL", "--timeframe", "1Min",
                "--out", dir.resolve("real.csv").toString())).as("nothing in the real providers' history").isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing exported: no stored bars of AAPL/1Min");
        out.reset();
        assertThat(run("--data-dir", dir.toString(), "export", "--simulated", "--symbol", "AAPL", "--timeframe", "1Min",
                "--out", dir.resolve("simulated.csv").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("exported: 0").contains("exported: ");
        assertThat(run("--data-dir", dir.toString(), "snapshot", "--demo", "--simulated", "--symbol", "AAPL",
                "--out", dir.resolve("chart.png").toString())).as("--demo and --simulated exclude each other").isEqualTo(2);
    }

    @Test
    void withoutSymbolsItRecordsTheWatchlistInTheSettingsAndSaysWhichSymbols() throws Exception {
        Path settings = Files.writeString(dir.resolve("settings.json"), "{\"watchlists\": {\"stocks\": [\"MSFT\", \"KO\"]}}");
        int exit = run("--data-dir", dir.toString(), "--config", settings.toString(), "record", "--provider", "sim",
                "--duration", "2s");
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary.lines().findFirst()).hasValue("recording 2 symbols from sim for PT2S: MSFT, KO (the stocks watchlist in "
                + settings + ")");
        assertThat(summary).contains("written.MSFT: ", "written.KO: ").doesNotContain("written.AAPL");
    }

    @Test
    void aBrokenSettingsFileIsNotNamedAsWhereTheSymbolsCameFrom() throws Exception {
        Path settings = Files.writeString(dir.resolve("settings.json"), "{\"watchlists\": {\"stocks\": [\"MSFT\", ");
        int exit = run("--data-dir", dir.toString(), "--config", settings.toString(), "record", "--provider", "sim",
                "--duration", "1s");
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .endsWith("(the stocks watchlist of the default settings, as " + settings + " has a problem)");
    }

    @Test
    void oneSymbolIsCalledASymbol() {
        int exit = run("--data-dir", dir.toString(), "record", "--provider", "sim", "--symbols", "AAPL", "--duration", "1s");
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().findFirst()).hasValue("recording 1 symbol from sim for PT1S");
    }

    @Test
    void aNoBreakSpacePastedAfterTheLastSymbolIsNoSymbol() {
        int exit = run("--data-dir", dir.toString(), "record", "--provider", "sim", "--symbols", "AAPL,\u00A0",
                "--duration", "1s");
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().findFirst()).hasValue("recording 1 symbol from sim for PT1S");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("--data-dir", dir.toString(), "record", "--provider", "kraken", "--symbols", "AAPL")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown provider 'kraken'");
        assertThat(run("--data-dir", dir.toString(), "record", "--provider", "binance", "--symbols", "BTCUSDT", "--speed", "5"))
                .isEqualTo(2);
        assertThat(run("--data-dir", dir.toString(), "record", "--provider", "sim", "--symbols", "../etc")).isEqualTo(2);
        assertThat(run("--data-dir", dir.toString(), "record", "--provider", "binance", "--symbols", "BTCUSDT",
                "--base-url", "notaurl")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--base-url: not an http(s) URL: notaurl");
        err.reset();
        assertThat(run("--data-dir", dir.toString(), "record", "--provider", "binance", "--symbols", "BTCUSDT",
                "--base-url", "http://127.0.0.1:0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--base-url: A port is a number from 1 to 65535");
        err.reset();
        assertThat(run("--data-dir", dir.toString(), "record", "--provider", "binance", "--symbols", "BTCUSDT",
                "--base-url", "http://user:pw@127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--base-url: Leave the user name and password out of the URL")
                .doesNotContain("pw@");
    }

    @Test
    void aRunInWhichNoRequestSucceededFails() throws IOException {
        int exit = run("--data-dir", dir.toString(), "record", "--provider", "binance", "--symbols", "BTCUSDT",
                "--base-url", "http://127.0.0.1:1", "--duration", "2s");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stored.total: 0", "errors.network: ");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tradedesk: not one of ", " requests to binance succeeded");
        assertThat(Files.readString(dir.resolve("logs/tradedesk.log"))).as("the figures the failure points to, in the log")
                .contains("record summary: record.provider: binance, record.duration_s: ", ", stored.total: 0, ", ", errors.network: ")
                .contains("record failed: not one of ");
    }

    @Test
    void aClientThatThrowsNowAndThenDoesNotMakeTheAnsweredRequestsCountAsNoneSucceeding() {
        FeedMetrics feed = new FeedMetrics(ProviderKind.SIM);
        // Three requests sent, two of them failed; two more never sent, as the client threw instead.
        for (int sent = 0; sent < 3; sent++) {
            feed.countRequest();
        }
        feed.countFailure(new ProviderException(ProviderException.Kind.SERVER_ERROR, "sim failed to answer (HTTP 503)", null));
        feed.countFailure(new ProviderException(ProviderException.Kind.TIMEOUT, "sim did not answer in time", null));
        for (int thrown = 0; thrown < 2; thrown++) {
            feed.countFailure(new ProviderException(ProviderException.Kind.INTERNAL,
                    "the Simulated exchange client failed unexpectedly: provider bug; see the log", null));
        }

        assertThat(RecordCommand.noRequestSucceeded(feed, "sim")).as("one of the three sent was answered").isNull();

        feed.countFailure(new ProviderException(ProviderException.Kind.NETWORK, "sim connection failed", null));
        assertThat(RecordCommand.noRequestSucceeded(feed, "sim"))
                .isEqualTo("not one of 3 requests to sim succeeded; see errors.* above and the log");
    }

    @Test
    void aRunThatStoredNothingBecauseItsClientFailedIsAFailureAndOneThatStoredSomethingIsNot() {
        FeedMetrics feed = new FeedMetrics(ProviderKind.SIM);
        assertThat(RecordCommand.nothingStoredForClientBugs(feed, 0, "sim")).as("a closed market: nothing new, no failure")
                .isNull();
        // Every call threw: not one request was sent, so none failed, and nothing was stored.
        for (int thrown = 0; thrown < 3; thrown++) {
            feed.countFailure(new ProviderException(ProviderException.Kind.INTERNAL,
                    "the Simulated exchange client failed unexpectedly: provider bug; see the log", null));
        }

        assertThat(RecordCommand.noRequestSucceeded(feed, "sim")).as("no request was sent").isNull();
        assertThat(RecordCommand.nothingStoredForClientBugs(feed, 0, "sim")).isEqualTo(
                "no new bar was stored, and the sim client failed unexpectedly 3 times; see errors.internal above and the log");
        assertThat(RecordCommand.nothingStoredForClientBugs(feed, 12, "sim")).as("it stored bars all the same").isNull();
    }

    @Test
    void aRunWhoseStoreWritesFailExitsOneAndSaysSo() throws Exception {
        Path simulated = dir.resolve("simulated");
        HistoryStore.open(StoreOptions.defaults(simulated)).close();
        // Every bar refused by the database itself, as a read-only or full disk refuses every write.
        try (Connection database = DriverManager.getConnection(
                "jdbc:h2:file:" + simulated.resolve(StoreOptions.DATABASE_NAME), "sa", "");
                Statement statement = database.createStatement()) {
            statement.execute("ALTER TABLE bars ADD CONSTRAINT test_refuses_every_bar CHECK (time_ms < 0)");
        }

        int exit = run("--data-dir", dir.toString(), "record", "--provider", "sim", "--symbols", "AAPL", "--duration", "2s");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stored.total: 0", "written.total: 0", "store.failures: ");
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .matches("tradedesk: \\d+ of \\d+ writes? to the history database .*history\\.mv\\.db failed; "
                        + "see store\\.failures above and the log"));
    }

    @Test
    void aRunThatDroppedEveryRecordAndStoredNothingFails() throws Exception {
        // A negative price: a record no market sends, dropped by validation.
        try (MockWebServer binance = binanceKlinesAt("-1.0", 0)) {

            int exit = run("--data-dir", dir.toString(), "record", "--provider", "binance", "--symbols", "BTCUSDT",
                    "--base-url", binance.url("/").toString(), "--duration", "2s");

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stored.total: 0", "errors.total: 0");
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .matches("tradedesk: no new bar was stored, and \\d+ records from binance were dropped as invalid; "
                        + "see dropped\\.\\* above and the log"));
    }

    @Test
    void aCryptoSeriesRecordedFromBinanceIsExportedOnUtcDaysWhateverProviderTheSettingsName() throws Exception {
        try (MockWebServer binance = binanceKlinesAt("100.5", 1)) {

            int exit = run("--data-dir", dir.toString(), "record", "--provider", "binance", "--symbols", "BTCUSDT",
                    "--base-url", binance.url("/").toString(), "--duration", "2s");
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            assertThat(store.tradingDayZone(new SeriesKey(Symbol.of("BTCUSDT"), Timeframe.ONE_MINUTE)))
                    .hasValue(ZoneOffset.UTC);
        }

        // The settings name no provider: the simulated exchange, whose market keeps New York's days.
        Path daily = dir.resolve("daily.csv");
        assertThat(run("--data-dir", dir.toString(), "export", "--symbol", "BTCUSDT", "--timeframe", "1Day",
                "--out", daily.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(daily).lines().skip(1).map(line -> line.substring(0, line.indexOf(','))))
                .isNotEmpty().allMatch(time -> time.endsWith("T00:00:00Z"));
        assertThat(run("--data-dir", dir.toString(), "export", "--symbol", "BTCUSDT", "--timeframe", "1Day",
                "--day-zone", "America/New_York", "--out", daily.toString())).isZero();
        assertThat(Files.readString(daily).lines().skip(1).map(line -> line.substring(0, line.indexOf(','))))
                .isNotEmpty().allMatch(time -> time.endsWith("T05:00:00Z"));
    }

    /**
     * A Binance that answers every klines request with one bar at {@code price}: opening at its
     * {@code startTime}, or without one at the minute {@code minutesBack} before the current one.
     */
    private static MockWebServer binanceKlinesAt(String price, int minutesBack) throws java.io.IOException {
        MockWebServer binance = new MockWebServer();
        binance.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String start = request.getUrl().queryParameter("startTime");
                long open = start != null ? Long.parseLong(start)
                        : (Clock.systemUTC().millis() / 60_000 - minutesBack) * 60_000;
                return new MockResponse.Builder().code(200).body("[[" + open + ",\"" + price + "\",\"" + price + "\",\""
                        + price + "\",\"" + price + "\",\"5.0\"," + (open + 59_999) + ",\"0\",1,\"0\",\"0\",\"0\"]]").build();
            }
        });
        binance.start(0);
        return binance;
    }

    @Test
    void barsWrittenAgainAreNotCountedAsStored() {
        // Bars within the look-back that the ledger does not know as covered: the repair pass fetches them again.
        SeriesKey aapl = new SeriesKey(Symbol.of("AAPL"), Timeframe.ONE_MINUTE);
        long firstHeld = Timeframe.ONE_MINUTE.gridStart(Clock.systemUTC().millis() - Duration.ofDays(1).toMillis());
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir.resolve("simulated")))) {
            BarColumns bars = new BarColumns(10);
            for (int i = 0; i < 10; i++) {
                bars.add(firstHeld + i * 60_000L, 10, 11, 9, 10.5, 100);
            }
            store.write(aapl, bars);
        }

        int exit = run("--data-dir", dir.toString(), "record", "--provider", "sim", "--symbols", "AAPL",
                "--speed", "120", "--duration", "4s");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        long added;
        int writtenAgain = 0;
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir.resolve("simulated")))) {
            BarSnapshot held = store.range(aapl, firstHeld, firstHeld + 9 * 60_000L);
            for (int i = 0; i < held.size(); i++) {
                // A minute without trades on the exchange (0.3 % of them) has no bar to write again.
                writtenAgain += held.close(i) != 10.5 ? 1 : 0;
            }
            added = store.listSeries().get(0).bars() - 10;
        }
        assertThat(writtenAgain).as("held bars written again at the exchange's price").isGreaterThanOrEqualTo(8);
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("stored.total: " + added + "\n");
        long written = Long.parseLong(summary.lines().filter(line -> line.startsWith("written.AAPL: ")).findFirst()
                .orElseThrow().substring("written.AAPL: ".length()));
        assertThat(written).as("the bars written again among those written").isGreaterThanOrEqualTo(added + writtenAgain);
    }

    @Test
    void itsHelpListsTheExitCodes() {
        assertThat(run("record", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exit codes:")
                .containsPattern("(?m)^\\s+1\\s+it failed, said in one line on stderr");
    }

    @Test
    void alpacaWithoutAKeySaysSoAndFails() {
        assertThat(run("--data-dir", dir.toString(), "record", "--provider", "alpaca", "--symbols", "AAPL", "--duration", "1s"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Alpaca needs an API key");
    }

    @Test
    void aKeyRejectedTwiceSaysSoInOneLineAndWhereToFixIt() throws Exception {
        String secret = "test-secret-3f9a";
        try (MockWebServer alpaca = revokingAlpaca()) {
            int exit = runWith(Map.of("APCA_API_KEY_ID", "AKTESTKEYID", "APCA_API_SECRET_KEY", secret),
                    "--data-dir", dir.toString(), "record", "--provider", "alpaca", "--symbols", "AAPL",
                    "--base-url", alpaca.url("/").toString(), "--duration", "5s");

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("errors.auth_rejected: ");
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("tradedesk: Alpaca rejected the API key (HTTP 401: unauthorized.) twice in a row, so recording "
                        + "stopped; ")
                .contains("APCA_API_KEY_ID", "APCA_API_SECRET_KEY", "Settings")
                .doesNotContain(secret, "AKTESTKEYID"));
    }

    @Test
    void aRunUntilCtrlCEndsByItselfOnceTheKeyIsRejected() throws Exception {
        try (MockWebServer alpaca = revokingAlpaca()) {
            // Not a speed check: without an end of its own the run would wait for a Ctrl-C that never comes.
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> runWith(
                    Map.of("APCA_API_KEY_ID", "AKTESTKEYID", "APCA_API_SECRET_KEY", "test-secret-3f9a"),
                    "--data-dir", dir.toString(), "record", "--provider", "alpaca", "--symbols", "AAPL",
                    "--base-url", alpaca.url("/").toString()));

            assertThat(exit).isEqualTo(1);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("recording 1 symbol from alpaca until Ctrl-C", "requests: ");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tradedesk: Alpaca rejected the API key");
    }

    /** Mock Alpaca whose key works for the first request and is then revoked: some requests succeeded. */
    private static MockWebServer revokingAlpaca() throws java.io.IOException {
        AtomicInteger answered = new AtomicInteger();
        MockWebServer alpaca = new MockWebServer();
        alpaca.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (answered.getAndIncrement() == 0) {
                    return new MockResponse.Builder().code(200).body(request.getUrl().encodedPath().endsWith("/latest")
                            ? "{\"bars\":{}}" : "{\"bars\":{},\"next_page_token\":null}").build();
                }
                return new MockResponse.Builder().code(401).body("{\"message\":\"unauthorized.\"}").build();
            }
        });
        alpaca.start(0);
        return alpaca;
    }
}
