package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.alpaca.AlpacaProvider;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimulatedExchange;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler end to end against the simulated exchange on loopback, through the real Alpaca
 * provider: backfill, live cycles, outages. The simulated market is its own ground truth.
 */
class PriceSchedulerTest {

    private static final Instant START = Instant.parse("2026-03-02T15:00:30Z");
    private static final List<Symbol> WATCHLIST = List.of(Symbol.of("AAPL"), Symbol.of("MSFT"), Symbol.of("ZZTOP"));

    private final MutableClock simWall = new MutableClock(START);
    private final MutableClock wall = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final FeedMetrics metrics = new FeedMetrics(ProviderKind.SIM);
    private final RecordingListener listener = new RecordingListener();
    private SimulatedMarket market;
    private SimulatedExchange exchange;
    private ExecutorService serverThreads;
    private ExecutorService httpThreads;
    private ScheduledExecutorService schedulerThread;
    private OkHttpClient client;
    private FlakyProvider provider;
    private PriceScheduler scheduler;

    @BeforeEach
    void start() throws Exception {
        SimClock simClock = new SimClock(simWall, START, 1);
        market = SimulatedMarket.withHistory(3, simClock, Duration.ofHours(6), Set.of(Symbol.of("ZZTOP")), true);
        serverThreads = Executors.newFixedThreadPool(2);
        exchange = SimulatedExchange.start(market, 0, serverThreads);
        httpThreads = Executors.newCachedThreadPool();
        client = HttpClients.create(httpThreads, Duration.ofSeconds(5));
        ProviderHttp http = new ProviderHttp(client, "Simulated exchange", ProviderHttp.Access.KEYED, metrics, new PipelineMetrics(), simClock.asClock());
        provider = new FlakyProvider(new AlpacaProvider(http, HttpUrl.get(exchange.baseUrl().toString()), Secret.empty(),
                Secret.empty(), "iex"));
        schedulerThread = Executors.newSingleThreadScheduledExecutor();
    }

    /** Starts the scheduler on a store refusing calls about {@code symbol} until the returned flag is cleared. */
    private AtomicBoolean startSchedulerWithAStoreRefusing(Symbol symbol) {
        AtomicBoolean refusing = new AtomicBoolean(true);
        startScheduler(series -> {
            if (refusing.get() && series.symbol().equals(symbol)) {
                throw new IllegalStateException("the history database is closed: No space left on device");
            }
            return OptionalLong.empty();
        });
        return refusing;
    }

    private void startScheduler(BarHistory history) {
        startScheduler(history, CompletableFuture.completedFuture(null));
    }

    private void startScheduler(BarHistory history, CompletableFuture<?> historyGate) {
        PriceScheduler.Config config = new PriceScheduler.Config(Timeframe.ONE_MINUTE, Duration.ofMillis(20),
                Duration.ofMillis(5), Duration.ofHours(3), 60);
        scheduler = new PriceScheduler(provider, schedulerThread, history, listener, market.clock().asClock(), wall,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5), new PipelineMetrics(), metrics,
                config, WATCHLIST);
        scheduler.holdHistoryUntil(historyGate);
        scheduler.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.close();
        }
        schedulerThread.shutdownNow();
        assertThat(schedulerThread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        HttpClients.close(client);
        httpThreads.shutdownNow();
        exchange.close();
        serverThreads.shutdownNow();
    }

    @Test
    void firstCycleBackfillsTheLookbackInWindowsThenStreamsTheFormingBar() {
        startScheduler(BarHistory.EMPTY);
        awaitTheLookbackThenTheFormingBar();
        assertThat(listener.progress).extracting(BackfillProgress::total).containsOnly(3);
        assertThat(listener.progress.get(listener.progress.size() - 1).finished()).isTrue();
        // The first two windows' bars are history with more to come; the third's reach the live edge.
        List<CycleBatch> windows = listener.batches.stream().filter(batch -> !batch.closed().isEmpty()).toList();
        assertThat(windows).hasSize(3);
        assertThat(windows.get(0).behind()).containsExactlyInAnyOrderElementsOf(WATCHLIST);
        assertThat(windows.get(1).behind()).containsExactlyInAnyOrderElementsOf(WATCHLIST);
        assertThat(windows.get(2).behind()).isEmpty();
        // Connecting is announced before the first quotes, so a listener knows their source.
        assertThat(listener.states).extracting(ConnectionState::status).startsWith(ConnectionState.Status.CONNECTING,
                ConnectionState.Status.LIVE);
    }

    @Test
    void aBackfillStoppedByAFailedRequestTakesItsProgressAway() {
        provider.stallHistoryOf(Symbol.of("MSFT"));
        startScheduler(BarHistory.EMPTY);
        await(() -> !listener.progress.isEmpty());
        assertThat(listener.progress.get(0).finished()).as("the first of three windows is on its way").isFalse();

        provider.failWith(new ProviderException(ProviderException.Kind.SERVER_ERROR, 503, "Simulated exchange failed", null, null));
        provider.releaseStalledHistory(); // the first window lands; the second request fails

        await(() -> listener.progress.get(listener.progress.size() - 1).finished());
        assertThat(listener.progress.get(listener.progress.size() - 1)).isEqualTo(BackfillProgress.NONE);
        provider.recover();
    }

    @Test
    void closedBarsArriveOnceWithTheirFinalValuesAsTheMarketMoves() {
        startScheduler(BarHistory.EMPTY);
        long formingTime = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        awaitForming(formingTime);
        for (int step = 1; step <= 4; step++) {
            simWall.advance(Duration.ofSeconds(50 + step));
            long expected = market.nowMillis() / 60_000 * 60_000;
            awaitForming(expected);
        }
        long from = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
        long lastClosed = market.nowMillis() / 60_000 * 60_000 - 1;
        for (Symbol symbol : WATCHLIST) {
            assertThat(listener.closedBars(symbol)).isEqualTo(groundTruth(symbol, from, lastClosed));
        }
    }

    @Test
    void aSeriesResumesAfterTheLastStoredBar() {
        long lastStored = Instant.parse("2026-03-02T14:50:00Z").toEpochMilli();
        startScheduler(series -> series.symbol().value().equals("AAPL") ? OptionalLong.of(lastStored) : OptionalLong.empty());
        awaitForming(Instant.parse("2026-03-02T15:00:00Z").toEpochMilli());
        assertThat(listener.closedBars(Symbol.of("AAPL"))).isEqualTo(
                groundTruth(Symbol.of("AAPL"), lastStored + 1, Instant.parse("2026-03-02T14:59:59Z").toEpochMilli()));
    }

    @Test
    void aSeriesStoredLongBeforeTheLookbackIsBackfilledFromTheLookbackStartAlongsideTheOthers() {
        // One bar imported at 1970-01-02 once made this series backfill from 1970, a window at a
        // time, while the series fetched with it waited and nothing current was kept.
        long ancient = Instant.parse("1970-01-02T00:00:00Z").toEpochMilli();
        startScheduler(series -> series.symbol().value().equals("AAPL") ? OptionalLong.of(ancient) : OptionalLong.empty());
        long formingTime = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        awaitForming(formingTime);

        long lookbackStart = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
        for (Symbol symbol : WATCHLIST) {
            assertThat(listener.closedBars(symbol)).isEqualTo(groundTruth(symbol, lookbackStart, formingTime - 1));
        }
        assertThat(listener.progress).extracting(BackfillProgress::total).containsOnly(3);
    }

    @Test
    void anUpToDateSymbolGoesLiveBeforeTheLongBackfillOfTheOthers() {
        long lastStored = Instant.parse("2026-03-02T14:58:00Z").toEpochMilli();
        provider.stallHistoryOf(Symbol.of("MSFT")); // the backfill cannot finish first, however the threads run
        startScheduler(series -> series.symbol().value().equals("AAPL") ? OptionalLong.of(lastStored) : OptionalLong.empty());
        long forming = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        await(() -> liveTicksOf(Symbol.of("AAPL"), forming) > 0);
        CycleBatch aaplGoesLive = listener.batches.get(indexOfFirst(batch -> batch.forming().containsKey(Symbol.of("AAPL"))));
        assertThat(aaplGoesLive.forming()).containsOnlyKeys(Symbol.of("AAPL"));
        assertThat(aaplGoesLive.responseNanos()).as("a live tick").isNotEqualTo(Long.MAX_VALUE);

        provider.releaseStalledHistory();
        awaitForming(forming);
        int msftGoesLive = indexOfFirst(batch -> batch.forming().containsKey(Symbol.of("MSFT")));
        int lastMsftWindow = lastIndexOf(batch -> batch.closed().containsKey(Symbol.of("MSFT")));
        assertThat(msftGoesLive).as("a backfilled series goes live after its backfill").isGreaterThan(lastMsftWindow);
    }

    @Test
    void aNewSymbolTheStoreCannotTakeYetIsNamedWithTheStoresReasonInEveryLiveBatchUntilItAnswers() {
        Symbol msft = Symbol.of("MSFT");
        AtomicBoolean refusing = startSchedulerWithAStoreRefusing(msft);
        long forming = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        await(() -> liveTicksOf(Symbol.of("AAPL"), forming) >= 3);

        List<CycleBatch> naming = listener.batches.stream().filter(batch -> !batch.waitingForStore().isEmpty()).toList();
        assertThat(naming).as("each cycle's live batch names it, with the store's words").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(batch -> assertThat(batch.waitingForStore()).containsExactly(
                        Map.entry(msft, "the history database is closed: No space left on device")));
        assertThat(listener.batches).as("it has a latest bar: not a symbol without data")
                .noneMatch(batch -> batch.withoutData().contains(msft));
        assertThat(listener.closedBars(msft)).isEmpty();

        refusing.set(false);
        awaitForming(forming);
        int answered = indexOfFirst(batch -> batch.closed().containsKey(msft));
        assertThat(batchesFrom(answered)).noneMatch(batch -> batch.waitingForStore().containsKey(msft));
    }

    @Test
    void theLiveBatchOfTheCycleInWhichTheStoreAnswersSaysOnceThatTheNewSymbolWaitsNoMore() {
        Symbol msft = Symbol.of("MSFT");
        AtomicBoolean refusing = startSchedulerWithAStoreRefusing(msft);
        await(() -> listener.batches.stream().filter(batch -> batch.waitingForStore().containsKey(msft)).count() >= 2);
        assertThat(listener.batches).as("nothing ended while it waits").allMatch(batch -> batch.storeAnswered().isEmpty());

        refusing.set(false);
        awaitForming(Instant.parse("2026-03-02T15:00:00Z").toEpochMilli());
        CycleBatch lastWaiting = listener.batches.get(lastIndexOf(batch -> batch.waitingForStore().containsKey(msft)));
        List<CycleBatch> answering = listener.batches.stream().filter(batch -> !batch.storeAnswered().isEmpty()).toList();
        assertThat(answering).as("said once, by the live batch of the cycle after the last that named it waiting")
                .singleElement().satisfies(batch -> {
                    assertThat(batch.storeAnswered()).containsExactly(msft);
                    assertThat(batch.cycle()).isEqualTo(lastWaiting.cycle() + 1);
                    assertThat(batch.waitingForStore()).isEmpty();
                });
    }

    @Test
    void aNewSymbolTheStoreAnswersForWhileTheProviderIsDownIsNamedWithTheProvidersProblemUntilItAnswersAgain() {
        ProviderException down = new ProviderException(ProviderException.Kind.NETWORK,
                "Simulated exchange request failed: java.net.ConnectException: Connection refused", null);
        assertTheStoreWaitEndsWithTheOutagesProblem(() -> provider.failWith(down), down);
    }

    @Test
    void aNewSymbolTheStoreAnswersForWhileEverySymbolFailsIsNamedWithItsOwnFailure() {
        ProviderException unreachable = new ProviderException(ProviderException.Kind.NETWORK,
                "Binance request failed: java.net.UnknownHostException: api.binance.com", null);
        assertTheStoreWaitEndsWithTheOutagesProblem(() -> provider.failEverySymbolWith(unreachable), unreachable);
    }

    @Test
    void aSymbolsOwnFailureIsOverOnceTheProviderAnswersForItAgainThoughItsBackfillIsStillToCome() {
        Symbol msft = Symbol.of("MSFT");
        ProviderException timeout = new ProviderException(ProviderException.Kind.TIMEOUT,
                "Simulated exchange did not answer for MSFT in time", null);
        provider.stallHistoryOf(msft);
        provider.failLatestOf(msft, timeout);
        startScheduler(BarHistory.EMPTY);
        await(() -> listener.batches.stream().anyMatch(batch -> batch.failures().containsKey(msft)));
        assertThat(listener.batches).as("no problem is over while it stays").allMatch(batch -> batch.answeredAgain().isEmpty());

        provider.failLatestOf(null, null);
        await(() -> listener.batches.stream().anyMatch(batch -> batch.answeredAgain().contains(msft)));
        int over = indexOfFirst(batch -> batch.answeredAgain().contains(msft));
        assertThat(listener.batches.get(over)).satisfies(batch -> {
            assertThat(batch.responseNanos()).as("a latest answer").isNotEqualTo(Long.MAX_VALUE);
            assertThat(batch.answeredAgain()).containsExactly(msft);
            assertThat(batch.failures()).isEmpty();
            assertThat(batch.forming()).as("its backfill is still to come").doesNotContainKey(msft);
        });
        assertThat(listener.closedBars(msft)).isEmpty();
        int liveBatches = listener.liveBatches();
        await(() -> listener.liveBatches() >= liveBatches + 3);
        assertThat(listener.batches).as("said once").filteredOn(batch -> batch.answeredAgain().contains(msft)).hasSize(1);
    }

    @Test
    void aSymbolAddedWhileTheProviderIsDownIsNamedWithTheProvidersProblemOnceUntilItAnswersAgain() {
        Symbol nvda = Symbol.of("NVDA");
        startScheduler(BarHistory.EMPTY);
        long forming = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        awaitForming(forming);
        ProviderException down = new ProviderException(ProviderException.Kind.NETWORK,
                "Simulated exchange request failed: java.net.ConnectException: Connection refused", null);
        provider.failWith(down);
        await(() -> listener.lastState().status() == ConnectionState.Status.BACKING_OFF);
        assertThat(listener.batches).as("rows with a price keep it; the status says the provider is down")
                .allMatch(batch -> batch.failures().isEmpty());

        List<Symbol> withNvda = new ArrayList<>(WATCHLIST);
        withNvda.add(nvda);
        scheduler.setSymbols(withNvda);
        await(() -> listener.batches.stream().anyMatch(batch -> batch.failures().containsKey(nvda)));
        CycleBatch told = listener.batches.get(indexOfFirst(batch -> batch.failures().containsKey(nvda)));
        assertThat(told.failures()).as("the symbol without a price alone").containsOnlyKeys(nvda);
        assertThat(told.failures().get(nvda)).hasMessage(down.getMessage());
        assertThat(told.responseNanos()).isEqualTo(Long.MAX_VALUE);
        int failed = provider.failedLatest.get();
        await(() -> provider.failedLatest.get() >= failed + 4);
        assertThat(listener.batches).as("said once while nothing changes for its row")
                .filteredOn(batch -> !batch.failures().isEmpty()).hasSize(1);

        provider.recover();
        await(() -> listener.batches.stream().anyMatch(batch -> batch.forming().containsKey(nvda)));
        int over = indexOfFirst(batch -> batch.answeredAgain().contains(nvda) || batch.forming().containsKey(nvda));
        assertThat(listener.batches.get(over).responseNanos()).as("ended by the provider's next latest answer")
                .isNotEqualTo(Long.MAX_VALUE);
        assertThat(batchesFrom(over)).noneMatch(batch -> batch.failures().containsKey(nvda));
    }

    @Test
    void aNewSymbolTheStoreAnswersForInTheCycleWhoseRejectedKeyStopsTheSchedulerIsNamedWithTheRejection() {
        Symbol msft = Symbol.of("MSFT");
        // The store answers for MSFT in the cycle of the second rejected latest request: the scheduler stops in it.
        startScheduler(series -> {
            if (series.symbol().equals(msft) && provider.failedLatest.get() < 2) {
                throw new IllegalStateException("the history database is closed: No space left on device");
            }
            return OptionalLong.empty();
        });
        long forming = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        await(() -> liveTicksOf(Symbol.of("AAPL"), forming) > 0 && liveTicksOf(Symbol.of("ZZTOP"), forming) > 0);
        ProviderException rejected = new ProviderException(ProviderException.Kind.AUTH_REJECTED, 401,
                "Alpaca rejected the API key (HTTP 401: forbidden)", null, null);
        provider.failWith(rejected);
        await(() -> listener.lastState().status() == ConnectionState.Status.STOPPED);

        assertThat(listener.batches).as("the last batch: nothing follows a stop").last().satisfies(told -> {
            assertThat(told.storeAnswered()).containsExactly(msft);
            assertThat(told.failures()).containsOnlyKeys(msft);
            assertThat(told.failures().get(msft)).hasMessage(rejected.getMessage());
            assertThat(told.waitingForStore()).isEmpty();
        });
    }

    /**
     * MSFT waits for the store; the provider goes down ({@code outage}); the store answers: a batch
     * names MSFT answered with {@code problem}, so its row leaves the wait for the provider's words,
     * and once the provider answers again a latest answer names it answered without a problem.
     */
    private void assertTheStoreWaitEndsWithTheOutagesProblem(Runnable outage, ProviderException problem) {
        Symbol msft = Symbol.of("MSFT");
        AtomicBoolean refusing = startSchedulerWithAStoreRefusing(msft);
        long forming = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        // The others have prices, which their rows keep through the outage.
        await(() -> liveTicksOf(Symbol.of("AAPL"), forming) > 0 && liveTicksOf(Symbol.of("ZZTOP"), forming) > 0);
        assertThat(listener.batches).anyMatch(batch -> batch.waitingForStore().containsKey(msft));
        outage.run();
        await(() -> listener.lastState().status() == ConnectionState.Status.BACKING_OFF);

        refusing.set(false);
        await(() -> listener.batches.stream().anyMatch(batch -> batch.storeAnswered().contains(msft)));
        CycleBatch told = listener.batches.get(indexOfFirst(batch -> batch.storeAnswered().contains(msft)));
        assertThat(told.storeAnswered()).containsExactly(msft);
        assertThat(told.failures()).as("the provider's problem, for the symbol whose wait ended alone")
                .containsOnlyKeys(msft);
        assertThat(told.failures().get(msft)).hasMessage(problem.getMessage());
        assertThat(told.waitingForStore()).isEmpty();
        assertThat(listener.lastState().status()).as("still down").isEqualTo(ConnectionState.Status.BACKING_OFF);
        int failed = provider.failedLatest.get();
        await(() -> provider.failedLatest.get() >= failed + 4);
        assertThat(listener.batches).as("said once while nothing changes for its row")
                .filteredOn(batch -> batch.failures().containsKey(msft)).hasSize(1);

        provider.recover();
        provider.failEverySymbolWith(null);
        awaitForming(forming);
        CycleBatch lastNaming = listener.batches.get(lastIndexOf(batch -> batch.storeAnswered().contains(msft)));
        assertThat(lastNaming.responseNanos()).as("the last to name it is a latest answer").isNotEqualTo(Long.MAX_VALUE);
        assertThat(lastNaming.failures()).as("which ends the outage's problem").doesNotContainKey(msft);
        assertThat(batchesFrom(listener.batches.indexOf(lastNaming) + 1))
                .noneMatch(batch -> batch.failures().containsKey(msft) || batch.waitingForStore().containsKey(msft));
    }

    @Test
    void liveTicksKeepFlowingWhileABackfillRequestIsStalled() {
        long lastStored = Instant.parse("2026-03-02T14:59:00Z").toEpochMilli();
        provider.stallHistoryOf(Symbol.of("MSFT"));
        startScheduler(series -> series.symbol().value().equals("AAPL") ? OptionalLong.of(lastStored) : OptionalLong.empty());
        long forming = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        await(() -> liveTicksOf(Symbol.of("AAPL"), forming) >= 5);
        assertThat(listener.closedBars(Symbol.of("MSFT"))).as("its backfill is still stalled").isEmpty();
        assertThat(listener.batches).noneMatch(batch -> batch.forming().containsKey(Symbol.of("MSFT")));

        provider.releaseStalledHistory();
        awaitForming(forming);
        long from = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
        assertThat(listener.closedBars(Symbol.of("MSFT"))).isEqualTo(groundTruth(Symbol.of("MSFT"), from, forming - 1));
        assertThat(listener.closedBars(Symbol.of("AAPL"))).isEmpty();
    }

    @Test
    void backfillWaitsForItsGateWhileLiveTicksFlow() {
        long lastStored = Instant.parse("2026-03-02T14:59:00Z").toEpochMilli();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        startScheduler(series -> series.symbol().value().equals("AAPL") ? OptionalLong.of(lastStored) : OptionalLong.empty(), gate);
        long forming = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        await(() -> liveTicksOf(Symbol.of("AAPL"), forming) >= 5);
        assertThat(listener.closedBars(Symbol.of("MSFT"))).as("no backfill before the gate opens").isEmpty();
        assertThat(listener.progress).isEmpty();

        gate.complete(null);
        awaitForming(forming);
        long from = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
        assertThat(listener.closedBars(Symbol.of("MSFT"))).isEqualTo(groundTruth(Symbol.of("MSFT"), from, forming - 1));
    }

    @Test
    void cyclesGoOnWhileAClosedBarIsStalledAndItLandsOnceWithTheFormingBarThatWaitedForIt() {
        long lastStored = Instant.parse("2026-03-02T14:59:00Z").toEpochMilli();
        startScheduler(series -> OptionalLong.of(lastStored));
        long first = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        awaitForming(first);
        provider.stallHistoryOf(Symbol.of("MSFT"));
        simWall.advance(Duration.ofSeconds(45)); // 15:01:15: the 15:00 bar has closed
        long next = first + 60_000;
        await(() -> provider.stalled.get() > 0);
        int cyclesBefore = listener.liveBatches();
        await(() -> listener.liveBatches() >= cyclesBefore + 5);
        assertThat(listener.batches).as("held while the bar before it is not final")
                .noneMatch(batch -> batch.forming().containsKey(Symbol.of("MSFT")) && batch.forming().get(Symbol.of("MSFT")).time() == next);

        provider.releaseStalledHistory();
        awaitForming(next);
        for (Symbol symbol : WATCHLIST) {
            assertThat(listener.closedBars(symbol)).as(symbol + ": the closed bar exactly once")
                    .isEqualTo(groundTruth(symbol, first, next - 1));
        }
        CycleBatch released = listener.batches.stream()
                .filter(batch -> batch.forming().containsKey(Symbol.of("MSFT")) && batch.forming().get(Symbol.of("MSFT")).time() == next)
                .findFirst().orElseThrow();
        assertThat(released.closed()).as("handed over with the bar it waited for").containsKey(Symbol.of("MSFT"));
        assertThat(released.responseNanos()).as("still a live tick, timed from its response").isNotEqualTo(Long.MAX_VALUE);
    }

    private long liveTicksOf(Symbol symbol, long formingTime) {
        return listener.batches.stream().filter(batch -> batch.responseNanos() != Long.MAX_VALUE
                && batch.forming().containsKey(symbol) && batch.forming().get(symbol).time() == formingTime).count();
    }

    private int indexOfFirst(java.util.function.Predicate<CycleBatch> test) {
        for (int i = 0; i < listener.batches.size(); i++) {
            if (test.test(listener.batches.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The batches handed over from {@code index} on, as they are now: the scheduler is still running
     * and appending, and a view of the live list fails once it grows (ConcurrentModificationException).
     */
    private List<CycleBatch> batchesFrom(int index) {
        List<CycleBatch> now = List.copyOf(listener.batches);
        return now.subList(index, now.size());
    }

    private int lastIndexOf(java.util.function.Predicate<CycleBatch> test) {
        for (int i = listener.batches.size() - 1; i >= 0; i--) {
            if (test.test(listener.batches.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aProviderWhoseEverySymbolFailsIsBackingOffNotLive() {
        startScheduler(BarHistory.EMPTY);
        awaitForming(Instant.parse("2026-03-02T15:00:00Z").toEpochMilli());
        provider.failEverySymbolWith(new ProviderException(ProviderException.Kind.NETWORK,
                "Binance connection failed before a response arrived (no address for api.binance.com)", null));
        simWall.advance(Duration.ofMinutes(1));

        await(() -> listener.lastState().status() == ConnectionState.Status.BACKING_OFF);
        assertThat(listener.lastState().reason()).contains("no address for api.binance.com");
        provider.failEverySymbolWith(null);
        await(() -> listener.lastState().status() == ConnectionState.Status.LIVE);
    }

    @Test
    void anOutageBacksOffAndEveryMissedBarIsBackfilledExactlyOnce() {
        startScheduler(BarHistory.EMPTY);
        awaitForming(Instant.parse("2026-03-02T15:00:00Z").toEpochMilli());
        provider.failWith(new ProviderException(ProviderException.Kind.SERVER_ERROR, 503, "Simulated exchange failed", null, null));
        simWall.advance(Duration.ofMinutes(12));
        await(() -> listener.lastState().status() == ConnectionState.Status.BACKING_OFF);
        assertThat(listener.lastState().reason()).isEqualTo("Simulated exchange failed");
        provider.recover();
        long now = market.nowMillis() / 60_000 * 60_000;
        awaitForming(now);
        for (Symbol symbol : WATCHLIST) {
            assertThat(listener.closedBars(symbol))
                    .isEqualTo(groundTruth(symbol, Instant.parse("2026-03-02T12:00:00Z").toEpochMilli(), now - 1));
        }
        assertThat(metrics.retries()).isPositive();
    }

    @Test
    void anOutageIsLoggedWhenItStartsAndWhenItEndsNotAtEachFailedRequest() {
        startScheduler(BarHistory.EMPTY);
        awaitForming(Instant.parse("2026-03-02T15:00:00Z").toEpochMilli());
        try (LogCapture log = new LogCapture(ProviderConnection.class, Level.INFO)) {
            provider.failWith(new ProviderException(ProviderException.Kind.SERVER_ERROR, 503, "Simulated exchange failed", null, null));
            long retriesBefore = metrics.retries();
            await(() -> metrics.retries() >= retriesBefore + 4);
            provider.recover();
            await(() -> log.text().contains("answered again"));

            assertThat(log.lines()).filteredOn(line -> line.contains("live prices")).hasSize(2);
            assertThat(log.lines()).filteredOn(line -> line.contains("live prices")).first().asString()
                    .startsWith("WARN sim: live prices failing: Simulated exchange failed; retrying at ");
            assertThat(log.lines()).filteredOn(line -> line.contains("live prices")).last().asString()
                    .matches("INFO sim: live prices answered again after \\d+ s \\((\\d+) failed in a row\\)")
                    .doesNotContain("(1 failed", "(2 failed", "(3 failed");
        }
    }

    @Test
    void barsRepeatedOrOutOfOrderAreHandedOverOnceInTimeOrder() {
        provider.scramble(true);
        startScheduler(BarHistory.EMPTY);
        long formingTime = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        awaitForming(formingTime);
        long from = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
        for (Symbol symbol : WATCHLIST) {
            assertThat(listener.closedBars(symbol)).isEqualTo(groundTruth(symbol, from, formingTime - 1));
        }
    }

    @Test
    void retryAfterIsHonouredToTheSecond() {
        provider.failWith(new ProviderException(ProviderException.Kind.RATE_LIMITED, 429, "slow down", Duration.ofSeconds(30), null));
        startScheduler(BarHistory.EMPTY);
        await(() -> listener.lastState() != null && listener.lastState().status() == ConnectionState.Status.BACKING_OFF);
        assertThat(listener.lastState().until()).isEqualTo(wall.instant().plusSeconds(30));
        int calls = provider.calls.get();
        sleep(200);
        assertThat(provider.calls.get()).as("no request before Retry-After has passed").isEqualTo(calls);
    }

    @Test
    void aRejectedKeyStopsTheSchedulerWithTheReason() {
        provider.failWith(new ProviderException(ProviderException.Kind.AUTH_REJECTED, 401,
                "Alpaca rejected the API key (HTTP 401: forbidden)", null, null));
        startScheduler(BarHistory.EMPTY);
        await(() -> listener.lastState() != null && listener.lastState().status() == ConnectionState.Status.STOPPED);
        assertThat(listener.lastState().reason()).isEqualTo("Alpaca rejected the API key (HTTP 401: forbidden)");
        int calls = provider.calls.get();
        sleep(200);
        assertThat(provider.calls.get()).isEqualTo(calls);
    }

    @Test
    void aSingleKeyRejectionIsRetriedOnceAndTheFeedGoesOn() {
        provider.failOnce(new ProviderException(ProviderException.Kind.AUTH_REJECTED, 401,
                "Alpaca rejected the API key (HTTP 401: unauthorized.)", null, null));
        startScheduler(BarHistory.EMPTY);
        awaitForming(Instant.parse("2026-03-02T15:00:00Z").toEpochMilli());
        assertThat(listener.states).extracting(ConnectionState::status).doesNotContain(ConnectionState.Status.STOPPED);
    }

    @Test
    void onlyWindowsThatCameBackWholeAreHandedOverAsCovered() {
        provider.dropFirstBarOnce();
        startScheduler(BarHistory.EMPTY);
        long formingTime = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        awaitForming(formingTime);
        List<CycleBatch> withBars = listener.batches.stream().filter(batch -> !batch.closed().isEmpty()).toList();
        CycleBatch firstWindow = withBars.get(0);
        assertThat(firstWindow.covered().keySet()).as("the window that lost a bar claims nothing of its symbol, all of the others")
                .doesNotContain(provider.droppedFrom)
                .containsAll(firstWindow.closed().keySet().stream()
                        .filter(symbol -> !symbol.equals(provider.droppedFrom)).toList());
        assertThat(withBars.subList(1, withBars.size())).allSatisfy(batch ->
                assertThat(batch.covered().keySet()).containsAll(batch.closed().keySet()));
        long start = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
        TimeRange secondWindow = withBars.get(1).covered().get(Symbol.of("AAPL"));
        assertThat(secondWindow.from()).isEqualTo(start + 60 * 60_000L);
    }

    @Test
    void aListenerThatThrowsDoesNotKillTheSchedulerNorLoseBars() {
        listener.throwOnce.set(true);
        startScheduler(BarHistory.EMPTY);
        awaitTheLookbackThenTheFormingBar();
    }

    @Test
    void aListenerThatThrowsOnTheFirstBackfillProgressDoesNotStallTheBackfill() {
        listener.throwOnFirstProgress.set(true);
        startScheduler(BarHistory.EMPTY);
        awaitTheLookbackThenTheFormingBar();
    }

    @Test
    void aListenerThatThrowsWheneverAStoppedBackfillsProgressIsTakenAwayDoesNotStallTheBackfill() {
        listener.throwOnStoppedProgress.set(true);
        provider.failOnceOnHistoryOf(asked -> true,
                new ProviderException(ProviderException.Kind.SERVER_ERROR, 503, "Simulated exchange failed", null, null));
        try (LogCapture log = new LogCapture()) {
            startScheduler(BarHistory.EMPTY);
            awaitTheLookbackThenTheFormingBar();
            assertThat(listener.backedOffWith("Simulated exchange failed")).as("the failed request backed off").isTrue();
            assertThat(log.text()).contains("listener bug on a stopped backfill");
        }
    }

    @Test
    void aProviderThatThrowsOnARepairInsteadOfFailingItStillGetsTheGapRepairedAndIsLoggedOnce() {
        Symbol aapl = Symbol.of("AAPL");
        TimeRange gap = new TimeRange(Instant.parse("2026-03-02T12:00:00Z").toEpochMilli(),
                Instant.parse("2026-03-02T12:05:00Z").toEpochMilli());
        provider.throwOnHistoryOf(Set.of(aapl)::equals, 3, new IllegalStateException("provider bug: a repair"));
        try (LogCapture log = new LogCapture()) {
            startScheduler(storeMissing(aapl, gap));
            await(() -> listener.repairedWhole(aapl, gap));
            assertThat(listener.repairedBars(aapl)).isEqualTo(groundTruth(aapl, gap.from(), gap.until() - 1));
            assertThat(listener.backedOffWith("provider bug: a repair")).as("backed off as after a failed request").isTrue();
            assertThat(log.lines()).filteredOn(line -> line.contains("provider bug: a repair")).hasSize(1);
        }
    }

    @Test
    void aProviderThatThrowsOnALatestRequestInsteadOfFailingItBacksOffAsAfterAFailedRequest() {
        provider.throwOnceOnLatest(new IllegalStateException("provider bug: latest"));
        startScheduler(BarHistory.EMPTY);
        await(() -> listener.backedOffWith("provider bug: latest"));
        awaitTheLookbackThenTheFormingBar();
    }

    @Test
    void aProviderThatThrowsIsToldAsItsClientFailingUnexpectedlyAndCountedAsAnInternalFailure() {
        provider.throwOnceOnLatest(new IllegalStateException("provider bug: latest"));
        startScheduler(BarHistory.EMPTY);
        await(() -> listener.backedOffWith("provider bug: latest"));
        assertThat(listener.backingOffReasons())
                .containsExactly("the Simulated exchange client failed unexpectedly: provider bug: latest; see the log");
        assertThat(metrics.failures(ProviderException.Kind.INTERNAL)).isEqualTo(1);
    }

    @Test
    void aRequestFailedWithAnExceptionOtherThanAProviderFailureIsToldCountedAndLoggedAsAThrowIs() {
        provider.failOnce(new IOException("stream closed"));
        try (LogCapture log = new LogCapture()) {
            startScheduler(BarHistory.EMPTY);
            await(() -> listener.backedOffWith("stream closed"));
            assertThat(listener.backingOffReasons())
                    .containsExactly("the Simulated exchange client failed unexpectedly: stream closed; see the log");
            assertThat(metrics.failures(ProviderException.Kind.INTERNAL)).isEqualTo(1);
            assertThat(log.lines()).as("the log the status text points at").filteredOn(line -> line.contains("stream closed"))
                    .singleElement().asString().contains("a request failed unexpectedly", "java.io.IOException");
        }
        awaitTheLookbackThenTheFormingBar();
    }

    @Test
    void aRequestCancelledUnderTheLaneIsAFailedRequestNotTheClientsBug() {
        provider.failOnce(new CancellationException());
        try (LogCapture log = new LogCapture()) {
            startScheduler(BarHistory.EMPTY);
            await(() -> listener.backedOffWith("cancelled"));
            assertThat(listener.backingOffReasons())
                    .containsExactly("Simulated exchange request was cancelled before its answer came");
            assertThat(metrics.failures(ProviderException.Kind.INTERNAL)).as("no bug of the client's").isZero();
            assertThat(log.lines()).as("not logged as a bug").noneMatch(line -> line.contains("failed unexpectedly"));
        }
        awaitTheLookbackThenTheFormingBar();
    }

    @Test
    void aProviderThatThrowsOnAClosingRequestInsteadOfFailingItBacksOffAndTheClosedBarsStillLand() {
        startScheduler(BarHistory.EMPTY);
        long first = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        awaitForming(first);
        // Nothing is behind now (no repair is due on an empty store): the next history request is the closing lane's.
        provider.throwOnHistoryOf(asked -> true, 1, new IllegalStateException("provider bug: closed bars"));
        simWall.advance(Duration.ofMinutes(1)); // 15:01:30: the 15:00 bar has closed
        long next = first + 60_000;
        awaitForming(next);
        assertThat(listener.backedOffWith("provider bug: closed bars")).isTrue();
        for (Symbol symbol : WATCHLIST) {
            assertThat(listener.closedBars(symbol)).isEqualTo(groundTruth(symbol,
                    Instant.parse("2026-03-02T12:00:00Z").toEpochMilli(), next - 1));
        }
    }

    @Test
    void aProviderThatThrowsOnABackfillWindowInsteadOfFailingItBacksOffAndTakesTheProgressAway() {
        provider.throwOnHistoryOf(asked -> true, 1, new IllegalStateException("provider bug: a window"));
        startScheduler(BarHistory.EMPTY);
        awaitTheLookbackThenTheFormingBar();
        assertThat(listener.backedOffWith("provider bug: a window")).isTrue();
        assertThat(listener.progress).as("the stopped backfill's progress was taken away").contains(BackfillProgress.NONE);
    }

    /** A store whose completeness ledger misses {@code gap} of {@code symbol} until it is handed over repaired whole. */
    private BarHistory storeMissing(Symbol symbol, TimeRange gap) {
        return new BarHistory() {
            @Override
            public OptionalLong lastBarTime(SeriesKey series) {
                return OptionalLong.empty();
            }

            @Override
            public List<TimeRange> missing(SeriesKey series, long from, long until) {
                if (!series.symbol().equals(symbol) || gap.from() >= until || listener.repairedWhole(symbol, gap)) {
                    return List.of();
                }
                return List.of(new TimeRange(Math.max(from, gap.from()), Math.min(until, gap.until())));
            }
        };
    }

    @Test
    void aSymbolWhoseLatestBarWasInvalidIsReportedAsSuchNotAsUnknown() {
        provider.invalidLatestOf(Symbol.of("MSFT"));
        startScheduler(BarHistory.EMPTY);
        await(() -> listener.batches.stream().anyMatch(batch -> batch.failures().containsKey(Symbol.of("MSFT"))));
        CycleBatch batch = listener.batches.stream().filter(each -> each.failures().containsKey(Symbol.of("MSFT")))
                .findFirst().orElseThrow();
        assertThat(batch.failures().get(Symbol.of("MSFT")).getMessage()).contains("latest bar for MSFT was invalid");
        assertThat(batch.withoutData()).doesNotContain(Symbol.of("MSFT"));
    }

    @Test
    void symbolsWithoutDataAreReported() {
        scheduler = null;
        startScheduler(BarHistory.EMPTY);
        scheduler.setSymbols(List.of(Symbol.of("AAPL"), Symbol.of("NOSUCH")));
        await(() -> listener.batches.stream().anyMatch(batch -> batch.withoutData().contains(Symbol.of("NOSUCH"))));
    }

    private List<Bar> groundTruth(Symbol symbol, long from, long to) {
        List<Bar> bars = new ArrayList<>();
        BarColumns columns = new BarColumns(0);
        market.closedMinuteBars(symbol, from, to, columns);
        for (int i = 0; i < columns.size(); i++) {
            bars.add(columns.bar(i));
        }
        return bars;
    }

    /**
     * Until every watched symbol has been handed the forming bar of the start's minute, then checks
     * that it was handed each of its closed bars of the three hours' look-back, once and in time order.
     */
    private void awaitTheLookbackThenTheFormingBar() {
        long formingTime = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        awaitForming(formingTime);
        long from = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
        for (Symbol symbol : WATCHLIST) {
            assertThat(listener.closedBars(symbol)).isEqualTo(groundTruth(symbol, from, formingTime - 1));
        }
    }

    /** Until every watched symbol has been handed a forming bar of {@code time}. */
    private void awaitForming(long time) {
        await(() -> WATCHLIST.stream().allMatch(symbol -> listener.batches.stream()
                .anyMatch(batch -> batch.forming().containsKey(symbol) && batch.forming().get(symbol).time() == time)));
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(5)).until(condition::getAsBoolean);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects what the scheduler hands over, as the app's pipeline would receive it. */
    static final class RecordingListener implements MarketDataListener {
        final List<CycleBatch> batches = new CopyOnWriteArrayList<>();
        final List<ConnectionState> states = new CopyOnWriteArrayList<>();
        final List<BackfillProgress> progress = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicBoolean throwOnce = new java.util.concurrent.atomic.AtomicBoolean();
        final AtomicBoolean throwOnFirstProgress = new AtomicBoolean();
        /** While set, taking a stopped backfill's progress away ({@link BackfillProgress#NONE}) throws, every time. */
        final AtomicBoolean throwOnStoppedProgress = new AtomicBoolean();
        final List<Map<Symbol, TimeRange>> repairedWhole = new CopyOnWriteArrayList<>();
        final List<Map<Symbol, BarColumns>> repairedBars = new CopyOnWriteArrayList<>();

        @Override
        public void onBatch(CycleBatch batch) {
            if (!batch.closed().isEmpty() && throwOnce.compareAndSet(true, false)) {
                throw new IllegalStateException("listener bug");
            }
            batches.add(batch);
        }

        @Override
        public void onConnectionState(ConnectionState state) {
            states.add(state);
        }

        @Override
        public void onBackfillProgress(BackfillProgress update) {
            if (throwOnFirstProgress.compareAndSet(true, false)) {
                throw new IllegalStateException("listener bug");
            }
            if (throwOnStoppedProgress.get() && update.equals(BackfillProgress.NONE)) {
                throw new IllegalStateException("listener bug on a stopped backfill");
            }
            progress.add(update);
        }

        @Override
        public void onRepair(Timeframe timeframe, Map<Symbol, BarColumns> bars, Map<Symbol, TimeRange> covered) {
            repairedBars.add(bars);
            repairedWhole.add(covered);
        }

        boolean repairedWhole(Symbol symbol, TimeRange range) {
            return repairedWhole.stream().anyMatch(covered -> range.equals(covered.get(symbol)));
        }

        List<Bar> repairedBars(Symbol symbol) {
            List<Bar> bars = new ArrayList<>();
            for (Map<Symbol, BarColumns> repair : repairedBars) {
                BarColumns columns = repair.get(symbol);
                for (int i = 0; columns != null && i < columns.size(); i++) {
                    bars.add(columns.bar(i));
                }
            }
            return bars;
        }

        /** The reasons the connection was reported backing off with, in order. */
        List<String> backingOffReasons() {
            return states.stream().filter(state -> state.status() == ConnectionState.Status.BACKING_OFF)
                    .map(ConnectionState::reason).toList();
        }

        /** Whether the connection was ever reported backing off with a reason containing {@code reason}. */
        boolean backedOffWith(String reason) {
            return states.stream().anyMatch(state -> state.status() == ConnectionState.Status.BACKING_OFF
                    && state.reason() != null && state.reason().contains(reason));
        }

        /** Batches answering a latest-bars request at once: one per cycle. */
        int liveBatches() {
            return (int) batches.stream().filter(batch -> batch.cycle() > 0 && batch.closed().isEmpty()
                    && batch.responseNanos() != Long.MAX_VALUE).count();
        }

        ConnectionState lastState() {
            return states.isEmpty() ? null : states.get(states.size() - 1);
        }

        List<Bar> closedBars(Symbol symbol) {
            List<Bar> bars = new ArrayList<>();
            for (CycleBatch batch : batches) {
                BarColumns columns = batch.closed().get(symbol);
                for (int i = 0; columns != null && i < columns.size(); i++) {
                    bars.add(columns.bar(i));
                }
            }
            return bars;
        }
    }

    /** The real provider, made to fail on demand: an outage without sleeping through one. */
    static final class FlakyProvider implements MarketDataProvider {
        private final MarketDataProvider real;
        private final AtomicReference<ProviderException> failure = new AtomicReference<>();
        private final AtomicReference<Throwable> failureOnce = new AtomicReference<>();
        private final AtomicReference<ProviderException> everySymbolFails = new AtomicReference<>();
        private volatile boolean dropFirstBar;
        /** The symbol whose bar {@link #dropFirstBarOnce} dropped. */
        volatile Symbol droppedFrom;
        private volatile boolean scramble;
        private volatile Symbol stallHistoryOf;
        private volatile Symbol invalidLatest;
        private final AtomicReference<Map.Entry<Symbol, ProviderException>> failingLatest = new AtomicReference<>();
        private final CompletableFuture<Void> release = new CompletableFuture<>();
        private final AtomicReference<HistoryTrap> historyTrap = new AtomicReference<>();
        private final AtomicReference<RuntimeException> latestThrowsOnce = new AtomicReference<>();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger stalled = new AtomicInteger();
        /**
         * Latest requests failed by {@link #failWith} or {@link #failEverySymbolWith}, counted before the scheduler
         * sees the failure.
         */
        final AtomicInteger failedLatest = new AtomicInteger();

        /** Latest answers carry {@code problem} for {@code symbol} instead of its bar, as a per-symbol provider's do; null for none. */
        void failLatestOf(Symbol symbol, ProviderException problem) {
            failingLatest.set(symbol == null ? null : Map.entry(symbol, problem));
        }

        /** Latest answers carry a record for {@code symbol} that validation dropped. */
        void invalidLatestOf(Symbol symbol) {
            invalidLatest = symbol;
        }

        /** History requests for {@code symbol} get no answer until {@link #releaseStalledHistory}. */
        void stallHistoryOf(Symbol symbol) {
            stallHistoryOf = symbol;
        }

        void releaseStalledHistory() {
            stallHistoryOf = null;
            release.complete(null);
        }

        /** History answers come back reversed, with every bar twice. */
        void scramble(boolean on) {
            scramble = on;
        }

        FlakyProvider(MarketDataProvider real) {
            this.real = real;
        }

        /**
         * The next {@code times} history requests whose symbols {@code asked} matches throw {@code bug}
         * instead of returning a future, as a provider with a bug of its own does.
         */
        void throwOnHistoryOf(Predicate<Set<Symbol>> asked, int times, RuntimeException bug) {
            historyTrap.set(new HistoryTrap(asked, bug, true, new AtomicInteger(times)));
        }

        /** The next history request whose symbols {@code asked} matches fails with {@code problem}, as a request does. */
        void failOnceOnHistoryOf(Predicate<Set<Symbol>> asked, ProviderException problem) {
            historyTrap.set(new HistoryTrap(asked, problem, false, new AtomicInteger(1)));
        }

        /** The next latest request throws {@code bug} instead of returning a future. */
        void throwOnceOnLatest(RuntimeException bug) {
            latestThrowsOnce.set(bug);
        }

        /** History requests that throw {@code problem} (or fail with it) {@code left} more times. */
        private record HistoryTrap(Predicate<Set<Symbol>> asked, RuntimeException problem, boolean thrown,
                AtomicInteger left) {

            /** The failed answer to a request for {@code symbols}, thrown if the trap throws; null if it lets it through. */
            CompletableFuture<HistoryBars> spring(List<Symbol> symbols) {
                if (!asked.test(Set.copyOf(symbols)) || left.getAndDecrement() <= 0) {
                    return null;
                }
                if (thrown) {
                    throw problem;
                }
                return CompletableFuture.failedFuture(problem);
            }
        }

        void failWith(ProviderException problem) {
            failure.set(problem);
        }

        /** Latest answers arrive, but with every symbol's request failed (a per-symbol provider out of reach). */
        void failEverySymbolWith(ProviderException problem) {
            everySymbolFails.set(problem);
        }

        void recover() {
            failure.set(null);
        }

        /** The next latest request fails with {@code problem}: a provider's failure, or any other as a client's bug. */
        void failOnce(Throwable problem) {
            failureOnce.set(problem);
        }

        /** The next history answer loses its first symbol's first bar to validation, as a parser drops it. */
        void dropFirstBarOnce() {
            dropFirstBar = true;
        }

        @Override
        public ProviderKind kind() {
            return ProviderKind.SIM;
        }

        @Override
        public CompletableFuture<Map<Symbol, BarColumns>> history(List<Symbol> symbols, Timeframe timeframe, Instant from, Instant to) {
            return historyBySymbol(symbols, timeframe, from, to).thenApply(HistoryBars::bars);
        }

        @Override
        public CompletableFuture<HistoryBars> historyBySymbol(List<Symbol> symbols, Timeframe timeframe, Instant from,
                Instant to) {
            calls.incrementAndGet();
            ProviderException problem = failure.get();
            if (problem != null) {
                return CompletableFuture.failedFuture(problem);
            }
            HistoryTrap trap = historyTrap.get();
            CompletableFuture<HistoryBars> trapped = trap == null ? null : trap.spring(symbols);
            if (trapped != null) {
                return trapped;
            }
            boolean dropFirst = dropFirstBar;
            dropFirstBar = false;
            CompletableFuture<HistoryBars> answer = real.historyBySymbol(symbols, timeframe, from, to);
            Symbol stalledSymbol = stallHistoryOf;
            if (stalledSymbol != null && symbols.contains(stalledSymbol)) { // a one-symbol List.of throws on contains(null)
                stalled.incrementAndGet();
                answer = answer.thenCombine(release, (bars, released) -> bars);
            }
            return answer.thenApply(bars -> {
                if (dropFirst) {
                    Symbol victim = symbols.stream().filter(bars.bars()::containsKey).findFirst().orElseThrow();
                    droppedFrom = victim;
                    Map<Symbol, BarColumns> copy = new java.util.HashMap<>(bars.bars());
                    BarColumns first = copy.get(victim);
                    BarColumns rest = new BarColumns(first.size());
                    for (int i = 1; i < first.size(); i++) {
                        rest.add(first.bar(i));
                    }
                    copy.put(victim, rest);
                    return new HistoryBars(copy, bars.unknown(), Set.of(victim));
                }
                return scramble ? new HistoryBars(scrambled(bars.bars()), bars.unknown(), bars.incomplete()) : bars;
            });
        }

        private static Map<Symbol, BarColumns> scrambled(Map<Symbol, BarColumns> bars) {
            Map<Symbol, BarColumns> scrambled = new java.util.HashMap<>();
            bars.forEach((symbol, columns) -> {
                BarColumns reversed = new BarColumns(columns.size() * 2);
                for (int i = columns.size() - 1; i >= 0; i--) {
                    reversed.add(columns.bar(i));
                    reversed.add(columns.bar(i));
                }
                scrambled.put(symbol, reversed);
            });
            return scrambled;
        }

        @Override
        public CompletableFuture<LatestBars> latest(List<Symbol> symbols, Timeframe timeframe) {
            calls.incrementAndGet();
            RuntimeException bug = latestThrowsOnce.getAndSet(null);
            if (bug != null) {
                throw bug;
            }
            ProviderException problem = failure.get();
            Throwable once = failureOnce.getAndSet(null);
            if (once != null) {
                return CompletableFuture.failedFuture(once);
            }
            if (problem != null) {
                failedLatest.incrementAndGet();
                return CompletableFuture.failedFuture(problem);
            }
            ProviderException perSymbol = everySymbolFails.get();
            if (perSymbol != null) {
                failedLatest.incrementAndGet();
                Map<Symbol, ProviderException> failures = new HashMap<>();
                symbols.forEach(symbol -> failures.put(symbol, perSymbol));
                return CompletableFuture.completedFuture(new LatestBars(Map.of(), failures));
            }
            Symbol invalid = invalidLatest;
            Map.Entry<Symbol, ProviderException> failing = failingLatest.get();
            if (failing != null) {
                return real.latest(symbols, timeframe).thenApply(latest -> {
                    Map<Symbol, Bar> bars = new HashMap<>(latest.bars());
                    bars.remove(failing.getKey());
                    Map<Symbol, ProviderException> failures = new HashMap<>(latest.failures());
                    failures.put(failing.getKey(), failing.getValue());
                    return new LatestBars(bars, failures);
                });
            }
            return invalid == null ? real.latest(symbols, timeframe) : real.latest(symbols, timeframe).thenApply(latest -> {
                Map<Symbol, Bar> bars = new HashMap<>(latest.bars());
                bars.remove(invalid);
                return new LatestBars(bars, latest.failures(), Set.of(invalid));
            });
        }
    }

}
