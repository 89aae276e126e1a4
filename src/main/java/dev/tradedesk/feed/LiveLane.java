package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.PriceScheduler.Lane;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The {@link PriceScheduler}'s live lane: every cycle asks for the latest bar of every symbol at
 * once and hands the forming bars over as soon as the answer is in, each symbol whose closed bars
 * are all handed over already (the others' are held for the {@link ClosingLane}, or left to the
 * {@link HistoryLane}'s backfill); then waits {@code max(minGap, interval - time taken)} and starts
 * over. Each cycle also starts the closing and history lanes' work, each on its own guard.
 *
 * <p>A new symbol takes part once the store has said where its stored history ends and recorded
 * where its tracking starts; while the store cannot (a full disk refuses the write), that symbol
 * alone waits, named with the store's reason in every live batch ({@link CycleBatch#waitingForStore})
 * and once more by the first live batch after the store answered ({@link CycleBatch#storeAnswered};
 * a live request failing meanwhile names it so with its failure), and the lanes go on with the
 * others. A symbol named with a provider's problem (its own failure, no data, an outage) is named
 * once more, by the first latest answer with its bar ({@link CycleBatch#answeredAgain}), when that
 * answer hands over no forming bar of it (its backfill is still to come): its problem is over
 * before its first price. A symbol the provider does not know is not asked again until the
 * watchlist changes ({@link UnknownSymbols}), and reported without data every cycle.
 *
 * <p>Thread-safety: {@link #setSymbols} and {@link #symbols} may be called from any thread, and
 * {@link #nextCycleIn} by {@link PriceScheduler#start} before the first cycle; all other state is
 * confined to the scheduler thread.
 */
final class LiveLane {

    private final MarketDataProvider provider;
    private final PriceScheduler.Config config;
    private final SchedulerThread schedulerThread;
    private final ProviderConnection connection;
    /** The listener, remembering which symbols' rows show a provider's problem. */
    private final ProblemsTold problemsTold;
    private final OutageReport outageReport;
    private final UnknownSymbols unknown;
    private final HandoverLedger ledger;
    private final ClosingLane closingLane;
    private final HistoryLane historyLane;
    private final PipelineMetrics pipeline;
    /** Bars opening before this time are final by the market clock. */
    private final LongSupplier settledBoundary;

    private volatile List<Symbol> symbols;
    // Scheduler thread only from here on.
    private long cycle;

    LiveLane(MarketDataProvider provider, PriceScheduler.Config config, List<Symbol> symbols, SchedulerThread schedulerThread,
            ProviderConnection connection, ProblemsTold problemsTold, OutageReport outageReport, UnknownSymbols unknown,
            HandoverLedger ledger, ClosingLane closingLane, HistoryLane historyLane, PipelineMetrics pipeline,
            LongSupplier settledBoundary) {
        this.provider = provider;
        this.config = config;
        this.symbols = List.copyOf(symbols);
        this.schedulerThread = schedulerThread;
        this.connection = connection;
        this.problemsTold = problemsTold;
        this.outageReport = outageReport;
        this.unknown = unknown;
        this.ledger = ledger;
        this.closingLane = closingLane;
        this.historyLane = historyLane;
        this.pipeline = pipeline;
        this.settledBoundary = settledBoundary;
    }

    /** Replaces the watchlist; takes effect at the next cycle. Any thread. */
    void setSymbols(List<Symbol> newSymbols) {
        symbols = List.copyOf(newSymbols);
    }

    /** The watchlist the next cycle works on. Any thread. */
    List<Symbol> symbols() {
        return symbols;
    }

    /** The number of the last cycle started, stamped on every batch handed over. */
    long cycle() {
        return cycle;
    }

    /** Starts the next cycle after {@code wait}: the live lane's pace, and its back-off. */
    void nextCycleIn(Duration wait) {
        schedulerThread.schedule(Lane.LIVE, this::runCycle, wait);
    }

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
        CompletableFuture<LatestBars> latest = schedulerThread.send(() -> provider.latest(watched, config.timeframe()));
        // A new symbol waits alone while the store cannot tell where its history starts, or record it (a full disk).
        List<Symbol> known = ledger.known(watched);
        // Each lane on its own guard: a store that refuses the ledger's reads (it cannot reopen its file) backs off
        // these lanes, and the latest answer still reaches the listener.
        schedulerThread.guarded(Lane.CLOSING, () -> closingLane.fetchSettled(known, settledBoundary.getAsLong()));
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
            connection.liveDown(failures, failures.values().iterator().next());
            return;
        }
        Map<Symbol, Bar> ready = new HashMap<>();
        // Symbols the provider does not know are reported as such every cycle, though no longer asked for.
        Set<Symbol> withoutData = new HashSet<>(unknown.among(listed).keySet());
        Map<Symbol, long[]> stillMissing = new LinkedHashMap<>();
        for (Symbol symbol : watched) {
            Bar forming = latest.bars().get(symbol);
            if (forming != null) {
                handOverOrHold(symbol, forming, responseNanos, ready, stillMissing);
            } else if (latest.invalid().contains(symbol)) {
                failures.put(symbol, new ProviderException(ProviderException.Kind.MALFORMED_BODY, "The provider's latest bar for "
                        + symbol.value() + " was invalid and was skipped (details in the log)", null));
            } else if (!failures.containsKey(symbol)) {
                withoutData.add(symbol);
            }
        }
        // The new symbols this cycle's ledger left out are named each cycle, so the watchlist says why they show nothing,
        // and those the store answered for since the last batch once, so it stops saying so before their first price;
        // so are those the provider answers for again after a problem, whose price their backfill may put off.
        problemsTold.onBatch(new CycleBatch(cycleNumber, config.timeframe(), Map.of(), ready, withoutData, failures,
                responseNanos, Map.of(), Set.of(), ledger.waiting(), ledger.storeAnswered(),
                problemsTold.answeredAgain(latest.bars(), ready)));
        ledger.storeAnsweredTold(); // this batch also ends the problem of any outage told with them
        closingLane.fetch(stillMissing);
        pipeline.record(PipelineStage.CYCLE, System.nanoTime() - started);
        connection.answered(Lane.LIVE);
        connection.live();
        scheduleNext(started);
    }

    /**
     * Puts {@code forming} in {@code ready} when its symbol's closed bars are all handed over; else
     * holds it for them, adding to {@code stillMissing} those no request is fetching yet, or leaves
     * a symbol far behind to the backfill.
     */
    private void handOverOrHold(Symbol symbol, Bar forming, long responseNanos, Map<Symbol, Bar> ready,
            Map<Symbol, long[]> stillMissing) {
        if (historyLane.backfilling(symbol) || !ledger.knows(symbol)) {
            return; // goes live once its closed bars are handed over
        }
        long from = ledger.coverage(symbol);
        if (from >= forming.time()) {
            ready.put(symbol, forming);
            ledger.release(symbol);
        } else if (closingLane.farBehind(symbol, from, forming.time())) {
            historyLane.backfillLater(symbol);
            ledger.release(symbol);
        } else {
            ledger.hold(symbol, forming, responseNanos);
            if (!closingLane.fetching(symbol)) {
                stillMissing.put(symbol, new long[] {from, forming.time() - 1});
            }
        }
    }

    private void scheduleNext(long startedNanos) {
        long elapsed = System.nanoTime() - startedNanos;
        long wait = Math.max(config.minGap().toNanos(), config.interval().toNanos() - elapsed);
        nextCycleIn(Duration.ofNanos(wait));
    }
}
