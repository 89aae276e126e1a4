package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Pulls prices for the whole watchlist from one provider on the one thread it is given, in three
 * lanes that never wait for one another:
 * <ol>
 *   <li><b>live</b>: every cycle asks for the latest bar of every symbol at once and hands the
 *       forming bars over as soon as the answer is in, each symbol whose closed bars are all handed
 *       over already; then waits {@code max(minGap, interval - time taken)} and starts over;</li>
 *   <li><b>closing</b> ({@link ClosingLane}): the bars that closed since the last cycle, from the
 *       history endpoint (so they carry their final values). The request leaves with the
 *       latest-bars request, for the bars the market clock says are final ({@link Config#settle()}),
 *       and again after it for any the latest answer shows closed beyond those. A forming bar that
 *       follows a bar not yet handed over is held (the engine takes bars strictly in order, and a
 *       closed bar never changes) and handed over with its closed bars the moment they arrive,
 *       carrying its original response time; only that symbol waits;</li>
 *   <li><b>history</b> ({@link HistoryLane}), one request at a time: backfill of series far behind
 *       (a first start, a long outage) window by window with progress, then the repair passes over
 *       the completeness ledger's missing ranges ({@link RepairPlanner}), handed over with
 *       {@link MarketDataListener#onRepair}. A series being backfilled goes live when its backfill
 *       is done.</li>
 * </ol>
 * A new symbol takes part once the store has said where its stored history ends and recorded where
 * its tracking starts; while the store cannot (a full disk refuses the write), that symbol alone
 * waits, named with the store's reason in every live batch ({@link CycleBatch#waitingForStore}) and
 * once more by the first live batch after the store answered ({@link CycleBatch#storeAnswered}; a
 * live request failing meanwhile names it so with its failure), and the lanes go on with the others.
 * While the live request fails, the symbols without a price yet are named with the provider's
 * problem ({@link OutageReport}). A symbol named with a provider's problem (its own failure, no
 * data, an outage) is named once more, by the first latest answer with its bar
 * ({@link CycleBatch#answeredAgain}), when that answer hands over no forming bar of it (its backfill
 * is still to come): its problem is over before its first price.
 * Everything reaches the {@link MarketDataListener} in time order per symbol, never a closed bar
 * twice: a fetch's bars are handed over only if nothing before them is still missing, and only the
 * part after what was handed over already.
 *
 * <p>A range is handed over as covered ({@link CycleBatch#covered()}) only when the fetch for it
 * came back whole: no failure, and no record of that symbol dropped by validation in its answer
 * ({@link HistoryBars#incomplete()}; such a range stays missing and is repaired later, and a repair
 * that comes back so counts as an incomplete attempt). A record dropped in one request's answer
 * says nothing about the requests running beside it, nor about the other symbols of its own.
 * Failures back off the lanes ({@link LaneBackoff}); an API key rejected twice in a row stops the
 * scheduler with a clear reason ({@link ProviderConnection}, which reports the connection state).
 * Nothing is lost across an outage: the next successful cycle fetches the gap. No exception escapes
 * the scheduler thread ({@link SchedulerThread}).
 *
 * <p>Two clocks: the market clock says what time it is for bars (the simulated exchange's clock
 * runs faster than real time), the wall clock when a back-off ends.
 *
 * <p>Thread-safety: {@link #setSymbols}, {@link #setPriority} and {@link #close} may be called from
 * any thread; all other state is confined to the scheduler thread.
 */
public final class PriceScheduler implements AutoCloseable {

    /**
     * @param interval   target time between cycle starts
     * @param minGap     least pause between the end of a cycle and the start of the next
     * @param lookback   how far back an empty series is backfilled
     * @param windowBars bars per symbol per history request window, bounding memory during backfill
     * @param settle     market time after a bar's end from which the provider's history endpoint is
     *                   trusted to serve it final, so it can be requested before the latest bars
     *                   show it closed (zero for the simulated exchange, whose clock is the market
     *                   clock)
     */
    public record Config(Timeframe timeframe, Duration interval, Duration minGap, Duration lookback, int windowBars,
            Duration settle) {

        /** Real providers' clocks and bar pipelines lag ours by a moment: trust history two seconds after a bar ends. */
        public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(2);

        public Config(Timeframe timeframe, Duration interval, Duration minGap, Duration lookback, int windowBars) {
            this(timeframe, interval, minGap, lookback, windowBars, DEFAULT_SETTLE);
        }

        public static Config defaults(Timeframe timeframe) {
            return new Config(timeframe, Duration.ofSeconds(1), Duration.ofMillis(100),
                    timeframe == Timeframe.ONE_MINUTE ? Duration.ofDays(2) : Duration.ofDays(30), 2_000);
        }
    }

    /** Who issued a request, so a failure or a bug backs off that lane alone. */
    enum Lane { LIVE, CLOSING, HISTORY }

    private final MarketDataProvider provider;
    private final MarketDataListener listener;
    private final Clock marketClock;
    private final SchedulerThread schedulerThread;
    private final ProviderConnection connection;
    private final PipelineMetrics pipeline;
    private final Config config;

    private volatile List<Symbol> symbols;
    /** The lanes beside the live one; each says which of its calls any thread may make. */
    private final HistoryLane historyLane;
    private final ClosingLane closingLane;

    // Scheduler thread only from here on.
    private final RepairPlanner repairs;
    private final HandoverLedger ledger;
    private final UnknownSymbols unknown;
    /** The listener, remembering which symbols' rows show a provider's problem. */
    private final ProblemsTold problemsTold;
    private final OutageReport outageReport;
    private long cycle;

    public PriceScheduler(MarketDataProvider provider, ScheduledExecutorService thread, BarHistory history,
            MarketDataListener listener, Clock marketClock, Clock wallClock, Backoff backoff, PipelineMetrics pipeline,
            FeedMetrics metrics, Config config, List<Symbol> symbols) {
        this.provider = provider;
        this.problemsTold = new ProblemsTold(listener);
        this.listener = problemsTold;
        this.marketClock = marketClock;
        LaneBackoff laneBackoff = new LaneBackoff(backoff, this::runCycleIn);
        this.schedulerThread = new SchedulerThread(thread, provider.kind(), laneBackoff);
        this.pipeline = pipeline;
        this.config = config;
        this.symbols = List.copyOf(symbols);
        this.unknown = new UnknownSymbols(provider.kind());
        this.repairs = new RepairPlanner(history, config.timeframe(), config.windowBars(), provider.barsPerRequest());
        this.ledger = new HandoverLedger(history, config, marketClock, repairs);
        this.outageReport = new OutageReport(problemsTold, unknown, ledger, config.timeframe());
        this.connection = new ProviderConnection(provider.kind(), problemsTold, wallClock, laneBackoff, schedulerThread,
                outageReport, repairs, metrics);
        HistoryWindows windows = new HistoryWindows(this::sendHistory, ledger, this.listener, config,
                provider.barsPerRequest(), () -> cycle);
        this.historyLane = new HistoryLane(windows, this::sendHistory, ledger, repairs, this.listener, config, provider.kind(),
                this::settledBoundary, laneBackoff::historyBackingOff);
        this.closingLane = new ClosingLane(windows, ledger, historyLane, pipeline, config, laneBackoff::historyBackingOff);
    }

    /**
     * Keeps the history lane (backfill and repair) idle until {@code gate} completes, while the live
     * lane streams: the workstation's first live frame should not share two CPUs with a backfill of
     * dozens of series. Call before {@link #start}.
     */
    public void holdHistoryUntil(java.util.concurrent.CompletionStage<?> gate) {
        historyLane.holdUntil(gate);
    }

    /**
     * Starts the first cycle now. Announces the connecting state first, so that a listener learns
     * which provider it hears from before the first quotes arrive (a watchlist switching providers
     * clears the old one's figures on that, not on the first "live" after quotes it already shows).
     */
    public void start() {
        connection.announce();
        runCycleIn(Duration.ZERO);
    }

    /** Replaces the watchlist; takes effect at the next cycle. New symbols are backfilled first. */
    public void setSymbols(List<Symbol> newSymbols) {
        symbols = List.copyOf(newSymbols);
    }

    /**
     * The symbol the user is looking at: however far behind, it is fetched by the closing lane
     * rather than queued for the history lane's backfill, so it goes live first. Any thread;
     * {@code null} for none.
     */
    public void setPriority(Symbol symbol) {
        closingLane.setPriority(symbol);
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    /** The connection state last reported to the listener. Any thread. */
    public ConnectionState state() {
        return connection.state();
    }

    /** Stops after the current step; in-flight requests are cancelled. Idempotent. */
    @Override
    public void close() {
        schedulerThread.close();
    }

    // ---- live lane --------------------------------------------------------------------------

    private void runCycle() {
        long started = System.nanoTime();
        long cycleNumber = ++cycle;
        List<Symbol> listed = symbols;
        problemsTold.watchlist(listed);
        // A symbol the provider said it does not know is not asked again until the watchlist changes.
        List<Symbol> watched = unknown.toAsk(listed);
        outageReport.cycleAsks(cycleNumber, watched);
        if (watched.isEmpty()) {
            scheduleNext(started);
            return;
        }
        ledger.keepHeldOnly(watched);
        long[] parsedAt = {Long.MAX_VALUE};
        long sent = connection.send();
        CompletableFuture<LatestBars> latest = schedulerThread.track(provider.latest(watched, config.timeframe()));
        // A new symbol waits alone while the store cannot tell where its history starts, or record it (a full disk).
        List<Symbol> known = ledger.known(watched);
        // Each lane on its own guard: a store that refuses the ledger's reads (it cannot reopen its file) backs off
        // these lanes, and the latest answer still reaches the listener.
        schedulerThread.guarded(Lane.CLOSING, () -> closingLane.fetchSettled(known, settledBoundary()));
        schedulerThread.guarded(Lane.HISTORY, () -> historyLane.run(known));
        // Stamped on the HTTP thread the moment the answer is parsed; the hop to this thread
        // depends on the stamp's stage, so it sees the stamp.
        CompletableFuture<LatestBars> stamped = latest.whenComplete((bars, failure) -> parsedAt[0] = System.nanoTime());
        schedulerThread.whenComplete(stamped, Lane.LIVE, (bars, failure) -> {
            if (failure != null) {
                connection.failed(failure, Lane.LIVE, sent);
            } else {
                onLatest(cycleNumber, listed, watched, bars, parsedAt[0], started);
            }
        });
    }

    private void onLatest(long cycleNumber, List<Symbol> listed, List<Symbol> watched, LatestBars latest,
            long responseNanos, long started) {
        Map<Symbol, ProviderException> failures = new HashMap<>(latest.failures());
        Map<Symbol, ProviderException> refused = new HashMap<>(failures);
        refused.values().removeIf(failure -> failure.kind() != ProviderException.Kind.UNKNOWN_SYMBOL);
        unknown.refuse(refused);
        failures.keySet().removeAll(refused.keySet());
        if (latest.bars().isEmpty() && latest.invalid().isEmpty() && !failures.isEmpty()
                && failures.values().stream().allMatch(failure -> failure.kind().retryable())) {
            // Not one symbol came through, each for a reason of the connection's (a provider asked
            // symbol by symbol that cannot be reached at all): down, as when a batch request fails.
            ProviderException problem = failures.values().iterator().next();
            outageReport.tell(failures, problem);
            connection.retryLater(problem, Lane.LIVE);
            return;
        }
        Map<Symbol, Bar> ready = new HashMap<>();
        // Symbols the provider does not know are reported as such every cycle, though no longer asked for.
        Set<Symbol> withoutData = new HashSet<>(unknown.among(listed).keySet());
        Map<Symbol, long[]> stillMissing = new LinkedHashMap<>();
        for (Symbol symbol : watched) {
            Bar forming = latest.bars().get(symbol);
            if (forming == null) {
                if (latest.invalid().contains(symbol)) {
                    failures.put(symbol, new ProviderException(ProviderException.Kind.MALFORMED_BODY, "The provider's latest bar for "
                            + symbol.value() + " was invalid and was skipped (details in the log)", null));
                } else if (!failures.containsKey(symbol)) {
                    withoutData.add(symbol);
                }
                continue;
            }
            if (historyLane.backfilling(symbol) || !ledger.knows(symbol)) {
                continue; // goes live once its closed bars are handed over
            }
            long from = ledger.coverage(symbol);
            if (from >= forming.time()) {
                ready.put(symbol, forming);
                ledger.release(symbol);
                continue;
            }
            if (closingLane.farBehind(symbol, from, forming.time())) {
                historyLane.backfillLater(symbol);
                ledger.release(symbol);
                continue;
            }
            ledger.hold(symbol, forming, responseNanos);
            if (!closingLane.fetching(symbol)) {
                stillMissing.put(symbol, new long[] {from, forming.time() - 1});
            }
        }
        // The new symbols this cycle's ledger left out are named each cycle, so the watchlist says why they show nothing,
        // and those the store answered for since the last batch once, so it stops saying so before their first price;
        // so are those the provider answers for again after a problem, whose price their backfill may put off.
        listener.onBatch(new CycleBatch(cycleNumber, config.timeframe(), Map.of(), ready, withoutData, failures,
                responseNanos, Map.of(), Set.of(), ledger.waiting(), ledger.storeAnswered(),
                problemsTold.answeredAgain(latest.bars(), ready)));
        ledger.storeAnsweredTold(); // this batch also ends the problem of any outage told with them
        closingLane.fetch(stillMissing);
        pipeline.record(PipelineStage.CYCLE, System.nanoTime() - started);
        connection.answered();
        connection.live();
        scheduleNext(started);
    }

    // ---- shared -----------------------------------------------------------------------------

    /** Bars opening before this time are final by the market clock. */
    private long settledBoundary() {
        return config.timeframe().gridStart(marketClock.millis() - config.settle().toMillis());
    }

    /**
     * Sends a closing or history lane's request; see {@link HistoryRequests#send}. Symbols the
     * provider refused before are not asked again; a symbol it refuses now fails alone, and the
     * others' bars are handed over as usual.
     */
    private void sendHistory(Lane lane, List<Symbol> wanted, long from, long to, Runnable failed,
            Consumer<HistoryBars> answer) {
        List<Symbol> asked = unknown.without(wanted);
        if (asked.isEmpty()) {
            schedulerThread.guarded(lane, () -> answer.accept(new HistoryBars(Map.of(), unknown.among(wanted), Set.of())),
                    failed);
            return;
        }
        long sent = connection.send();
        CompletableFuture<HistoryBars> request = schedulerThread.track(provider.historyBySymbol(asked, config.timeframe(),
                Instant.ofEpochMilli(from), Instant.ofEpochMilli(to)));
        schedulerThread.whenComplete(request, lane, (bars, failure) -> {
            if (failure != null) {
                failed.run();
                connection.failed(failure, lane, sent);
                return;
            }
            connection.answered();
            unknown.refuse(bars.unknown());
            answer.accept(new HistoryBars(bars.bars(), unknown.among(wanted), bars.incomplete()));
        }, failed);
    }

    private void scheduleNext(long startedNanos) {
        long elapsed = System.nanoTime() - startedNanos;
        long wait = Math.max(config.minGap().toNanos(), config.interval().toNanos() - elapsed);
        runCycleIn(Duration.ofNanos(wait));
    }

    private void runCycleIn(Duration wait) {
        schedulerThread.schedule(Lane.LIVE, this::runCycle, wait);
    }
}
