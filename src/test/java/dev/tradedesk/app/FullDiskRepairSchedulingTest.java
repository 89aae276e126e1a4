package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.Backoff;
import dev.tradedesk.feed.BackfillProgress;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.CycleBatch;
import dev.tradedesk.feed.FeedMetrics;
import dev.tradedesk.feed.HttpClients;
import dev.tradedesk.feed.MarketDataListener;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.PriceScheduler;
import dev.tradedesk.feed.ProviderHttp;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.alpaca.AlpacaProvider;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimulatedExchange;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.store.FullDisk;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import dev.tradedesk.testing.MutableClock;
import dev.tradedesk.ui.live.MarketUpdate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under what a market session wires together: the real scheduler and Alpaca provider
 * against the simulated exchange, the live pipeline, the store writer and the store on a disk that
 * fills up on demand ({@link FullDisk}). The writer does not keep refused bars; their range stays
 * missing in the completeness ledger, and once the store takes writes again a repair pass of the
 * same scheduler fetches and stores them, with no restart. Meanwhile live ticks go on, and a symbol
 * added meanwhile waits alone: while the disk is full (the store reads, but refuses its tracking
 * start) and while the store refuses reads too (its file cannot be opened again).
 */
class FullDiskRepairSchedulingTest {

    private static final Instant START = Instant.parse("2026-03-02T15:00:30Z");
    private static final long MINUTE = 60_000;
    private static final long LOOKBACK_START = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
    private static final long FIRST_REFUSED = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
    private static final List<Symbol> WATCHLIST = List.of(Symbol.of("AAPL"), Symbol.of("MSFT"));
    /** Added to the watchlist while the store refuses calls. */
    private static final Symbol ADDED = Symbol.of("NVDA");

    @TempDir
    Path dir;

    private final MutableClock simWall = new MutableClock(START);
    private final MutableClock wall = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    /**
     * The store's clock, which paces its reopens and the writes it lets through: moved by hand, so
     * none comes before the test says.
     */
    private final MutableClock storeClock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final FeedMetrics metrics = new FeedMetrics(ProviderKind.SIM);
    private final PipelineMetrics pipeline = new PipelineMetrics();
    private final Handed handed = new Handed();
    /** What the live pipeline tells the UI. */
    private final List<MarketUpdate> published = new CopyOnWriteArrayList<>();
    private SimulatedMarket market;
    private SimulatedExchange exchange;
    private ExecutorService serverThreads;
    private ExecutorService httpThreads;
    private ExecutorService writerThread;
    private ScheduledExecutorService schedulerThread;
    private OkHttpClient client;
    private FullDisk disk;
    private HistoryStore store;
    private StoreWriter writer;
    private PriceScheduler scheduler;

    @BeforeEach
    void start() throws Exception {
        SimClock simClock = new SimClock(simWall, START, 1);
        market = SimulatedMarket.withHistory(3, simClock, Duration.ofHours(6), Set.of(), true);
        serverThreads = Executors.newFixedThreadPool(2);
        exchange = SimulatedExchange.start(market, 0, serverThreads);
        httpThreads = Executors.newCachedThreadPool();
        client = HttpClients.create(httpThreads, Duration.ofSeconds(5));
        disk = new FullDisk(dir);
        store = disk.open(StoreOptions.defaults(dir).withClock(storeClock));
        writerThread = Executors.newSingleThreadExecutor();
        schedulerThread = Executors.newSingleThreadScheduledExecutor();

        ProviderHttp http = new ProviderHttp(client, "Simulated exchange", ProviderHttp.Access.KEYED, metrics, pipeline,
                simClock.asClock());
        AlpacaProvider provider = new AlpacaProvider(http, HttpUrl.get(exchange.baseUrl().toString()), Secret.empty(),
                Secret.empty(), "iex");
        writer = new StoreWriter(store, writerThread, pipeline, simClock.asClock(), update -> { });
        handed.live = new LivePipeline(IndicatorParameters.DEFAULTS, writer, (series, count) -> new BarColumns(0),
                published::add, pipeline, BarAggregator.NEW_YORK);
        PriceScheduler.Config config = new PriceScheduler.Config(Timeframe.ONE_MINUTE, Duration.ofMillis(20),
                Duration.ofMillis(5), Duration.ofHours(3), 60);
        scheduler = new PriceScheduler(provider, schedulerThread, new StoreBarHistory(store), handed,
                market.clock().asClock(), wall, new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5),
                pipeline, metrics, config, WATCHLIST);
    }

    @AfterEach
    void stop() throws InterruptedException {
        boolean schedulerEnded;
        boolean writerEnded;
        try {
            scheduler.close();
            schedulerThread.shutdownNow();
            schedulerEnded = schedulerThread.awaitTermination(5, TimeUnit.SECONDS);
            writerThread.shutdown();
            writerEnded = writerThread.awaitTermination(5, TimeUnit.SECONDS);
        } finally {
            // Closed whatever happened above: a store left open keeps its pool's threads for the rest
            // of the test JVM, and the thread checks of later classes (GuiCommandTest, SchemaTest)
            // then failed on them after one timed-out test here.
            store.close();
            disk.close();
            HttpClients.close(client);
            httpThreads.shutdownNow();
            exchange.close();
            serverThreads.shutdownNow();
        }
        assertThat(schedulerEnded).as("the scheduler thread ended").isTrue();
        assertThat(writerEnded).as("the store writer's thread ended").isTrue();
    }

    @Test
    void barsRefusedByAFullDiskAreFetchedAgainByARepairPassAndStoredOnceWithoutARestart() {
        scheduler.start();
        await(() -> storedUpTo(FIRST_REFUSED), "the look-back stored");
        // H2 shows a commit before it writes it to the file: the look-back is stored once the writer is told.
        writtenOrRefused();
        assertThat(writer.failures()).as("look-back writes refused").isZero();

        disk.fill();
        simWall.advance(Duration.ofMinutes(3)); // 15:03:30: the bars of 15:00, 15:01 and 15:02 close
        long firstKept = FIRST_REFUSED + 3 * MINUTE;
        await(() -> WATCHLIST.stream().allMatch(symbol -> handed.closedUntil(symbol) >= firstKept),
                "the closed bars handed over");
        writtenOrRefused(); // so their write cannot come after the disk has room
        assertThat(writer.failures()).as("writes refused").isPositive();
        // The store writer keeps no refused bar: once the store has opened its file again, still
        // full, they are missing from it and from its ledger.
        await(() -> refusedAndMissing(firstKept), "the refused bars missing from the store reopened on its full disk");
        disk.free();
        storeClock.advance(Duration.ofSeconds(30)); // the longest wait before the store reopens the file
        await(() -> storedUpTo(firstKept), "the refused bars stored after all");

        for (Symbol symbol : WATCHLIST) {
            assertThat(handed.repaired(symbol)).as("%s: fetched again by a repair pass", symbol)
                    .containsAll(groundTruth(symbol, FIRST_REFUSED, firstKept - 1));
            BarColumns stored = new BarColumns(256);
            store.readRange(series(symbol), Long.MIN_VALUE, Long.MAX_VALUE, stored);
            assertThat(rows(stored)).as("%s: every bar of the look-back once, as the market made it", symbol)
                    .isEqualTo(groundTruth(symbol, LOOKBACK_START, firstKept - 1));
        }
    }

    @Test
    void liveTicksKeepFlowingWhileTheStoreRefusesEveryCall() {
        scheduler.start();
        await(() -> storedUpTo(FIRST_REFUSED), "the look-back stored");

        refuseEveryCall();
        long ticks = handed.liveTicks();
        // The repair planner's ledger read, refused, failed the live cycle: not one tick until the store reopened.
        await(() -> handed.liveTicks() >= ticks + 10, "live ticks while the store refuses calls");
    }

    @Test
    void aSymbolAddedWhileTheStoreRefusesCallsHoldsNoOtherSymbolBackAndIsBackfilledOnceItAnswers() {
        scheduler.start();
        await(() -> storedUpTo(FIRST_REFUSED), "the look-back stored");
        writtenOrRefused();

        refuseEveryCall();
        scheduler.setSymbols(List.of(WATCHLIST.get(0), WATCHLIST.get(1), ADDED));
        long ticks = Math.max(handed.liveTicks(WATCHLIST.get(0)), handed.liveTicks(WATCHLIST.get(1)));
        // The new symbol's stored history, refused, failed the live cycle: not one tick of the others either.
        await(() -> WATCHLIST.stream().allMatch(symbol -> handed.liveTicks(symbol) >= ticks + 10),
                "the other symbols' live ticks while the store cannot tell the new symbol's history");
        assertThat(handed.liveTicks(ADDED)).as("a live tick before the closed bars it follows").isZero();

        disk.free();
        disk.allowOpens();
        storeClock.advance(Duration.ofSeconds(30)); // the longest wait before the store reopens the file
        assertAddedSymbolStoredOnceAndTicking();
    }

    @Test
    void aSymbolAddedWhileTheDiskIsFullHoldsNoOtherSymbolBackAndIsBackfilledOnceTheDiskHasRoom() {
        scheduler.start();
        await(() -> storedUpTo(FIRST_REFUSED), "the look-back stored");
        writtenOrRefused();

        disk.fill();
        simWall.advance(Duration.ofMinutes(1)); // the 15:00 bar closes; its write, and the repairs', fail
        await(() -> WATCHLIST.stream().allMatch(symbol -> handed.closedUntil(symbol) >= FIRST_REFUSED + MINUTE),
                "the 15:00 bars handed over");
        writtenOrRefused();
        assertThat(writer.failures()).as("writes refused").isPositive();
        scheduler.setSymbols(List.of(WATCHLIST.get(0), WATCHLIST.get(1), ADDED));
        long ticks = Math.max(handed.liveTicks(WATCHLIST.get(0)), handed.liveTicks(WATCHLIST.get(1)));
        await(() -> WATCHLIST.stream().allMatch(symbol -> handed.liveTicks(symbol) >= ticks + 10),
                "the other symbols' live ticks while the new symbol's tracking start cannot be written");
        assertThat(handed.liveTicks(ADDED)).as("a live tick before the closed bars it follows").isZero();
        // Its watchlist row says why it shows nothing, in the store's words.
        assertThat(published).filteredOn(update -> update.problems().containsKey(ADDED)).isNotEmpty()
                .allSatisfy(update -> assertThat(update.problems().get(ADDED)).startsWith("Waiting for the history store")
                        .contains("NVDA/1Min", "No space left on device"));
        // A read in flight when a write let through fails fails with it; the next one is served.
        await(() -> store.lastTime(series(WATCHLIST.get(0))).orElse(Long.MIN_VALUE) == FIRST_REFUSED - MINUTE,
                "a read served on the full disk");

        disk.free();
        storeClock.advance(Duration.ofSeconds(30)); // the longest wait before the store lets a write through
        assertAddedSymbolStoredOnceAndTicking();
        await(() -> storedUpTo(FIRST_REFUSED + MINUTE), "the refused 15:00 bars stored after all");
        for (Symbol symbol : WATCHLIST) {
            BarColumns stored = new BarColumns(256);
            store.readRange(series(symbol), Long.MIN_VALUE, Long.MAX_VALUE, stored);
            assertThat(rows(stored)).as("%s: every bar once, as the market made it", symbol)
                    .isEqualTo(groundTruth(symbol, LOOKBACK_START, FIRST_REFUSED + MINUTE - 1));
        }
    }

    /**
     * The disk fills and the database file cannot be opened: the next closed bars' write fails, H2
     * closes the database, and the store cannot reopen it, so it refuses reads too until its clock
     * allows the next reopen (which the test alone moves).
     */
    private void refuseEveryCall() {
        disk.fill();
        disk.failOpens();
        simWall.advance(Duration.ofMinutes(1)); // the 15:00 bar closes; its write fails
        await(this::refusesCalls, "the store refusing calls until its clock allows a reopen");
    }

    /**
     * Waits until {@link #ADDED}, added at 15:01:30, is stored from its look-back to the live edge,
     * exactly as the market made it, and ticks.
     */
    private void assertAddedSymbolStoredOnceAndTicking() {
        long liveEdge = FIRST_REFUSED + MINUTE;
        long lookbackStart = LOOKBACK_START + MINUTE; // three hours before 15:01:30, when it was added
        await(() -> store.missingRanges(series(ADDED), lookbackStart, liveEdge).isEmpty()
                && store.lastTime(series(ADDED)).orElse(Long.MIN_VALUE) == liveEdge - MINUTE, "the new symbol backfilled and stored");
        await(() -> handed.liveTicks(ADDED) > 0, "the new symbol's live ticks");
        await(() -> published.stream().anyMatch(update -> update.quotes().containsKey(ADDED)), "the new symbol quoted");
        // A copy: the session goes on publishing, and a sublist of the live list fails once it grows.
        List<MarketUpdate> seen = List.copyOf(published);
        int quoted = indexOfFirst(seen, update -> update.quotes().containsKey(ADDED));
        assertThat(seen.subList(quoted, seen.size())).as("no wait said once it is quoted")
                .noneMatch(update -> update.problems().containsKey(ADDED));
        // Said once, by the live batch of the cycle in which the store answered, which came before its live ticks.
        assertThat(seen).filteredOn(update -> update.problemsOver().contains(ADDED)).as("the wait said over").hasSize(1);
        int over = indexOfFirst(seen, update -> update.problemsOver().contains(ADDED));
        assertThat(seen.subList(over, seen.size())).as("no wait said once the store answered")
                .noneMatch(update -> update.problems().containsKey(ADDED));
        BarColumns stored = new BarColumns(256);
        store.readRange(series(ADDED), Long.MIN_VALUE, Long.MAX_VALUE, stored);
        assertThat(rows(stored)).as("the new symbol's look-back once, as the market made it")
                .isEqualTo(groundTruth(ADDED, lookbackStart, liveEdge - 1));
    }

    private static <T> int indexOfFirst(List<T> items, java.util.function.Predicate<T> test) {
        for (int i = 0; i < items.size(); i++) {
            if (test.test(items.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the store refuses a read at once, as it does between two reopens that failed. */
    private boolean refusesCalls() {
        try {
            store.lastTime(series(WATCHLIST.get(0)));
            return false;
        } catch (RuntimeException refused) {
            return true;
        }
    }

    /** Waits until the store writer has run every write queued so far. */
    private void writtenOrRefused() {
        try {
            writerThread.submit(() -> { }).get(20, TimeUnit.SECONDS);
        } catch (Exception notDone) {
            throw new AssertionError("the store writer did not finish its queue", notDone);
        }
    }

    /**
     * Whether the store, allowed to reopen, says the bars from {@link #FIRST_REFUSED} to {@code until}
     * are missing, and nothing before them: the look-back, acknowledged before the disk filled, is kept.
     */
    private boolean refusedAndMissing(long until) {
        storeClock.advance(Duration.ofSeconds(30)); // the longest wait before the store opens its file again
        return WATCHLIST.stream().allMatch(symbol -> store.missingRanges(series(symbol), LOOKBACK_START, until)
                .equals(List.of(new TimeRange(FIRST_REFUSED, until))));
    }

    /** Whether every watched series is stored and known complete from the look-back until {@code until}. */
    private boolean storedUpTo(long until) {
        return WATCHLIST.stream().allMatch(symbol ->
                store.missingRanges(series(symbol), LOOKBACK_START, until).isEmpty()
                && store.lastTime(series(symbol)).orElse(Long.MIN_VALUE) == until - MINUTE);
    }

    private static SeriesKey series(Symbol symbol) {
        return new SeriesKey(symbol, Timeframe.ONE_MINUTE);
    }

    private List<String> groundTruth(Symbol symbol, long from, long to) {
        BarColumns bars = new BarColumns(0);
        market.closedMinuteBars(symbol, from, to, bars);
        return rows(bars);
    }

    private static List<String> rows(BarColumns bars) {
        List<String> rows = new ArrayList<>(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            rows.add(bars.bar(i).toString());
        }
        return rows;
    }

    private static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> safely(condition));
    }

    /** A read the store refuses while its disk is full counts as "not yet". */
    private static boolean safely(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException refused) {
            return false;
        }
    }

    /** The session's live pipeline, and what the scheduler handed it: closed bars' reach, repaired bars. */
    private static final class Handed implements MarketDataListener {
        volatile LivePipeline live;
        private final Map<Symbol, Long> closedUntil = new ConcurrentHashMap<>();
        private final Map<Symbol, List<String>> repaired = new ConcurrentHashMap<>();
        private final AtomicLong liveTicks = new AtomicLong();
        private final Map<Symbol, AtomicLong> liveTicksBySymbol = new ConcurrentHashMap<>();

        @Override
        public void onBatch(CycleBatch batch) {
            Map<Symbol, Long> reach = new java.util.HashMap<>();
            batch.closed().forEach((symbol, bars) -> {
                if (!bars.isEmpty()) {
                    reach.put(symbol, bars.time(bars.size() - 1) + MINUTE);
                }
            });
            if (!batch.forming().isEmpty() && batch.responseNanos() != Long.MAX_VALUE) {
                liveTicks.incrementAndGet();
                batch.forming().keySet().forEach(symbol ->
                        liveTicksBySymbol.computeIfAbsent(symbol, key -> new AtomicLong()).incrementAndGet());
            }
            live.onBatch(batch);
            // Only once the pipeline has queued their write, so a test waiting for them can wait for it.
            reach.forEach((symbol, until) -> closedUntil.merge(symbol, until, Math::max));
        }

        @Override
        public void onRepair(Timeframe timeframe, Map<Symbol, BarColumns> bars, Map<Symbol, TimeRange> covered) {
            bars.forEach((symbol, columns) -> repaired.computeIfAbsent(symbol, key -> new CopyOnWriteArrayList<>())
                    .addAll(rows(columns)));
            live.onRepair(timeframe, bars, covered);
        }

        @Override
        public void onConnectionState(ConnectionState state) {
            live.onConnectionState(state);
        }

        @Override
        public void onBackfillProgress(BackfillProgress progress) {
            live.onBackfillProgress(progress);
        }

        /** Batches of forming bars from a latest-bars answer. */
        long liveTicks() {
            return liveTicks.get();
        }

        /** Batches of forming bars from a latest-bars answer that carried {@code symbol}'s. */
        long liveTicks(Symbol symbol) {
            AtomicLong ticks = liveTicksBySymbol.get(symbol);
            return ticks == null ? 0 : ticks.get();
        }

        long closedUntil(Symbol symbol) {
            return closedUntil.getOrDefault(symbol, Long.MIN_VALUE);
        }

        List<String> repaired(Symbol symbol) {
            return repaired.getOrDefault(symbol, List.of());
        }
    }
}
