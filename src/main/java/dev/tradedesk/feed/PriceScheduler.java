package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls prices for the whole watchlist from one provider, cycle after cycle, on the one thread it is
 * given. Each cycle:
 * <ol>
 *   <li>asks for the latest bar of every symbol at once (one call, or concurrent calls for
 *       providers without a multi-symbol call);</li>
 *   <li>for every symbol whose forming bar moved on, fetches the bars that closed in between from
 *       the history endpoint, so closed bars carry their final values; for a symbol seen for the
 *       first time that range starts after the last stored bar (or a look-back before now), which
 *       makes start-up and recovery after an outage the same backfill, in windows, with
 *       progress;</li>
 *   <li>hands everything to the {@link MarketDataListener} in {@link CycleBatch}es, in time order
 *       per symbol, never a closed bar twice;</li>
 *   <li>every few cycles, after a failure and at start, fetches again the ranges the store's
 *       completeness ledger says are missing (a fetch that failed, dropped a record, or was lost in
 *       a crash), and hands them over with {@link MarketDataListener#onRepair};</li>
 *   <li>waits {@code max(minGap, interval - time taken)} and starts over.</li>
 * </ol>
 * A range is handed over as covered ({@link CycleBatch#covered()}) only when the fetch for it came
 * back whole: no failure and no record dropped by validation while it ran. The scheduler issues its
 * requests one at a time, so the provider's dropped-record count tells which fetch dropped one.
 * Failures back off ({@link Backoff}: {@code Retry-After}, else exponential with jitter up to 60 s);
 * an API key rejected twice in a row stops the scheduler with a clear reason. Nothing is lost across
 * an outage: the next successful cycle fetches the gap. No exception escapes the scheduler thread.
 *
 * <p>Two clocks: the market clock says what time it is for bars (the simulated exchange's clock
 * runs faster than real time), the wall clock when a back-off ends.
 *
 * <p>Thread-safety: {@link #setSymbols} and {@link #close} may be called from any thread; all other
 * state is confined to the scheduler thread.
 */
public final class PriceScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PriceScheduler.class);

    /**
     * @param interval   target time between cycle starts
     * @param minGap     least pause between the end of a cycle and the start of the next
     * @param lookback   how far back an empty series is backfilled
     * @param windowBars bars per symbol per history request window, bounding memory during backfill
     */
    public record Config(Timeframe timeframe, Duration interval, Duration minGap, Duration lookback, int windowBars) {

        public static Config defaults(Timeframe timeframe) {
            return new Config(timeframe, Duration.ofSeconds(1), Duration.ofMillis(100),
                    timeframe == Timeframe.ONE_MINUTE ? Duration.ofDays(2) : Duration.ofDays(30), 2_000);
        }
    }

    private final MarketDataProvider provider;
    private final ScheduledExecutorService thread;
    private final BarHistory history;
    private final MarketDataListener listener;
    private final Clock marketClock;
    private final Clock wallClock;
    private final Backoff backoff;
    private final PipelineMetrics pipeline;
    private final FeedMetrics metrics;
    private final Config config;
    private final long barMillis;

    private volatile List<Symbol> symbols;
    private volatile Symbol priority;
    private volatile boolean closed;
    private volatile Future<?> pending;

    /** Exclusive bound per symbol: every closed bar before it has been handed over. Scheduler thread only. */
    private final Map<Symbol, Long> coveredUntil = new HashMap<>();
    private final RepairPlanner repairs;
    private long cycle;
    private int consecutiveFailures;
    private boolean lastFailureRejectedKey;
    private volatile ConnectionState state;

    public PriceScheduler(MarketDataProvider provider, ScheduledExecutorService thread, BarHistory history,
            MarketDataListener listener, Clock marketClock, Clock wallClock, Backoff backoff, PipelineMetrics pipeline,
            FeedMetrics metrics, Config config, List<Symbol> symbols) {
        this.provider = provider;
        this.thread = thread;
        this.history = history;
        this.listener = listener;
        this.marketClock = marketClock;
        this.wallClock = wallClock;
        this.backoff = backoff;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.config = config;
        this.barMillis = config.timeframe().millis();
        this.symbols = List.copyOf(symbols);
        this.state = ConnectionState.connecting(provider.kind());
        this.repairs = new RepairPlanner(history, config.timeframe(), config.windowBars(), provider.barsPerRequest());
    }

    /** Starts the first cycle now. */
    public void start() {
        submit(this::runCycle, Duration.ZERO);
    }

    /** Replaces the watchlist; takes effect at the next cycle. New symbols are backfilled first. */
    public void setSymbols(List<Symbol> newSymbols) {
        symbols = List.copyOf(newSymbols);
    }

    /**
     * The symbol the user is looking at: when several series need backfilling, this one is fetched
     * first and goes live first. Any thread; {@code null} for none.
     */
    public void setPriority(Symbol symbol) {
        priority = symbol;
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    /** The connection state last reported to the listener. Any thread. */
    public ConnectionState state() {
        return state;
    }

    /** Stops after the current step; in-flight requests are cancelled. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Future<?> current = pending;
        if (current != null) {
            current.cancel(false);
        }
    }

    private void runCycle() {
        if (closed) {
            return;
        }
        long started = System.nanoTime();
        long cycleNumber = ++cycle;
        List<Symbol> watched = symbols;
        if (watched.isEmpty()) {
            scheduleNext(started);
            return;
        }
        CompletableFuture<LatestBars> latest = provider.latest(watched, config.timeframe());
        pending = latest;
        latest.whenCompleteAsync((bars, failure) -> guarded(() -> {
            if (failure != null) {
                onFailure(failure);
            } else {
                onLatest(cycleNumber, watched, bars, System.nanoTime(), started);
            }
        }), thread);
    }

    private void onLatest(long cycleNumber, List<Symbol> watched, LatestBars latest, long responseNanos, long started) {
        Map<Symbol, long[]> needs = new LinkedHashMap<>();
        Set<Symbol> withoutData = new HashSet<>();
        for (Symbol symbol : watched) {
            Bar forming = latest.bars().get(symbol);
            if (forming == null) {
                if (!latest.failures().containsKey(symbol)) {
                    withoutData.add(symbol);
                }
                continue;
            }
            long from = coveredUntil.computeIfAbsent(symbol, this::firstUncoveredTime);
            long to = forming.time() - 1;
            if (from <= to) {
                needs.put(symbol, new long[] {from, to});
            }
        }
        // Symbols that are nearly up to date, and the one on screen, go first and go live at once;
        // long backfills (a first start, a long outage) follow window by window.
        Map<Symbol, long[]> quick = new LinkedHashMap<>();
        Map<Symbol, long[]> slow = new LinkedHashMap<>();
        long oneWindow = config.windowBars() * barMillis;
        Symbol first = priority;
        needs.forEach((symbol, range) -> (range[1] - range[0] < oneWindow || symbol.equals(first) ? quick : slow)
                .put(symbol, range));
        Context context = new Context(cycleNumber, latest, withoutData, responseNanos, started, new HashSet<>());
        runPhase(context, quick, () -> {
            deliverForming(context, true);
            long backfillStarted = System.nanoTime();
            runPhase(context, slow, () -> {
                deliverForming(context, false);
                if (!slow.isEmpty()) {
                    log.info("{}: backfilled {} series in {} ms", provider.kind(), slow.size(),
                            (System.nanoTime() - backfillStarted) / 1_000_000);
                }
                repairThenFinish(context, watched);
            });
        });
    }

    /** All that one cycle carries from step to step. */
    private record Context(long cycle, LatestBars latest, Set<Symbol> withoutData, long responseNanos, long started,
            Set<Symbol> formingDelivered) {
    }

    /** Fetches the closed bars {@code needs} asks for, window by window, then runs {@code then}. */
    private void runPhase(Context context, Map<Symbol, long[]> needs, Runnable then) {
        if (needs.isEmpty()) {
            then.run();
        } else {
            fetchWindow(context, needs, windowStart(needs), then);
        }
    }

    private void fetchWindow(Context context, Map<Symbol, long[]> needs, long windowStart, Runnable then) {
        long lastTo = needs.values().stream().mapToLong(range -> range[1]).max().orElseThrow();
        long windowEnd = Math.min(lastTo, windowStart + windowMillis(needs) - 1);
        List<Symbol> wanted = new ArrayList<>();
        needs.forEach((symbol, range) -> {
            if (range[0] <= windowEnd && range[1] >= windowStart) {
                wanted.add(symbol);
            }
        });
        int total = windowsBetween(needs, windowStart(needs), lastTo);
        int done = windowsBetween(needs, windowStart(needs), windowStart) - 1;
        if (total > 1) {
            listener.onBackfillProgress(new BackfillProgress(describe(wanted, windowStart, windowEnd), done, total));
        }
        long droppedBefore = metrics.droppedRecords();
        CompletableFuture<Map<Symbol, BarColumns>> window =
                provider.history(wanted, config.timeframe(), Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd));
        pending = window;
        window.whenCompleteAsync((bars, failure) -> guarded(() -> {
            if (failure != null) {
                onFailure(failure);
                return;
            }
            answered();
            deliverWindow(context, needs, wanted, windowEnd, bars, metrics.droppedRecords() == droppedBefore);
            if (windowEnd < lastTo) {
                fetchWindow(context, needs, windowEnd + 1, then);
            } else {
                if (total > 1) {
                    listener.onBackfillProgress(new BackfillProgress("", total, total));
                }
                then.run();
            }
        }), thread);
    }

    private void deliverWindow(Context context, Map<Symbol, long[]> needs, List<Symbol> wanted, long windowEnd,
            Map<Symbol, BarColumns> fetched, boolean whole) {
        Map<Symbol, BarColumns> closedBars = new HashMap<>();
        Map<Symbol, Long> newCoverage = new HashMap<>();
        Map<Symbol, TimeRange> complete = new HashMap<>();
        for (Symbol symbol : wanted) {
            long from = coveredUntil.get(symbol);
            long to = Math.min(needs.get(symbol)[1], windowEnd);
            BarColumns bars = fetched.get(symbol);
            BarColumns kept = bars == null ? null : between(bars, from, to);
            if (kept != null && !kept.isEmpty()) {
                closedBars.put(symbol, kept);
            }
            if (whole && to >= from) {
                complete.put(symbol, new TimeRange(from, to + 1));
            }
            newCoverage.put(symbol, Math.max(from, to + 1));
        }
        if (!closedBars.isEmpty() || !complete.isEmpty()) {
            listener.onBatch(new CycleBatch(context.cycle(), config.timeframe(), closedBars, Map.of(), Set.of(), Map.of(),
                    Long.MAX_VALUE, complete));
        }
        // Only once the listener has them: if it throws, the next cycle fetches these bars again.
        coveredUntil.putAll(newCoverage);
    }

    /**
     * Hands over the forming bar of every symbol whose closed bars are now all handed over. After
     * a long backfill the bars are no live tick any more: they carry no response time.
     */
    private void deliverForming(Context context, boolean live) {
        Map<Symbol, Bar> forming = new HashMap<>();
        context.latest().bars().forEach((symbol, bar) -> {
            Long covered = coveredUntil.get(symbol);
            if (covered != null && covered >= bar.time() && context.formingDelivered().add(symbol)) {
                forming.put(symbol, bar);
            }
        });
        if (live) {
            listener.onBatch(new CycleBatch(context.cycle(), config.timeframe(), Map.of(), forming, context.withoutData(),
                    context.latest().failures(), context.responseNanos()));
        } else if (!forming.isEmpty()) {
            listener.onBatch(new CycleBatch(context.cycle(), config.timeframe(), Map.of(), forming, Set.of(), Map.of(),
                    Long.MAX_VALUE));
        }
    }

    /**
     * Fetches again, one request after another, the ranges the ledger says are missing (when a pass
     * is due, see {@link RepairPlanner}), then finishes the cycle.
     */
    private void repairThenFinish(Context context, List<Symbol> watched) {
        fetchRepair(context, repairs.plan(watched, coveredUntil), 0);
    }

    private void fetchRepair(Context context, List<RepairPlanner.Request> requests, int next) {
        if (next == requests.size()) {
            finishCycle(context);
            return;
        }
        TimeRange range = requests.get(next).range();
        List<Symbol> symbols = requests.get(next).symbols();
        long droppedBefore = metrics.droppedRecords();
        CompletableFuture<Map<Symbol, BarColumns>> fetch = provider.history(symbols, config.timeframe(),
                Instant.ofEpochMilli(range.from()), Instant.ofEpochMilli(range.until() - 1));
        pending = fetch;
        fetch.whenCompleteAsync((bars, failure) -> guarded(() -> {
            if (failure != null) {
                onFailure(failure);
                return;
            }
            answered();
            boolean whole = metrics.droppedRecords() == droppedBefore;
            Map<Symbol, BarColumns> repaired = new HashMap<>();
            Map<Symbol, TimeRange> complete = new HashMap<>();
            for (Symbol symbol : symbols) {
                BarColumns fetched = bars.get(symbol);
                if (fetched != null) {
                    BarColumns kept = between(fetched, range.from(), range.until() - 1);
                    if (!kept.isEmpty()) {
                        repaired.put(symbol, kept);
                    }
                }
                if (whole) {
                    complete.put(symbol, range);
                } else if (repairs.incomplete(symbol, range)) {
                    log.warn("{}: {} {} still came back incomplete after {} fetches; leaving it missing until the next start",
                            provider.kind(), symbol, range, RepairPlanner.ATTEMPTS);
                }
            }
            listener.onRepair(config.timeframe(), repaired, complete);
            fetchRepair(context, requests, next + 1);
        }), thread);
    }

    /** A history request came back: the provider is up, whatever failed before, and backing off starts over. */
    private void answered() {
        consecutiveFailures = 0;
        lastFailureRejectedKey = false;
    }

    private void finishCycle(Context context) {
        pipeline.record(PipelineStage.CYCLE, System.nanoTime() - context.started());
        consecutiveFailures = 0;
        lastFailureRejectedKey = false;
        changeState(ConnectionState.live(provider.kind()));
        scheduleNext(context.started());
    }

    private void onFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (closed) {
            return;
        }
        ProviderException problem = cause instanceof ProviderException providerFailure ? providerFailure
                : new ProviderException(ProviderException.Kind.NETWORK, provider.kind() + " request failed: " + cause, cause);
        boolean rejectedKey = problem.kind() == ProviderException.Kind.AUTH_REJECTED;
        if (rejectedKey && lastFailureRejectedKey) {
            changeState(ConnectionState.stopped(provider.kind(), problem.getMessage()));
            log.error("{}: stopped: {}", provider.kind(), problem.getMessage());
            return;
        }
        // One rejection of the key is retried once: providers answer a stray 401 during deploys.
        lastFailureRejectedKey = rejectedKey;
        consecutiveFailures++;
        repairs.failed();
        Duration wait = backoff.delay(consecutiveFailures, problem);
        changeState(ConnectionState.backingOff(provider.kind(), wallClock.instant().plus(wait), problem.getMessage()));
        metrics.countRetry();
        submit(this::runCycle, wait);
    }

    /**
     * Where handing over starts for a symbol seen for the first time: after its last stored bar,
     * else where its tracking started, else the look-back (from where it is then tracked). Holes
     * before that point are the ledger's missing ranges, which the repair passes fill.
     */
    private long firstUncoveredTime(Symbol symbol) {
        SeriesKey series = new SeriesKey(symbol, config.timeframe());
        OptionalLong last = history.lastBarTime(series);
        OptionalLong since = history.trackedSince(series);
        long lookbackStart = Math.floorDiv(marketClock.millis() - config.lookback().toMillis(), barMillis) * barMillis;
        if (since.isEmpty()) {
            history.track(series, lookbackStart);
        }
        long start = last.isPresent() ? last.getAsLong() + 1 : since.orElse(lookbackStart);
        repairs.startsAt(symbol, start);
        return start;
    }

    private long windowStart(Map<Symbol, long[]> needs) {
        long start = needs.values().stream().mapToLong(range -> range[0]).min().orElseThrow();
        return Math.floorDiv(start, barMillis) * barMillis;
    }

    private int windowsBetween(Map<Symbol, long[]> needs, long start, long end) {
        long window = windowMillis(needs);
        return (int) Math.max(1, (end - start + window) / window);
    }

    /** A backfill window: at most {@code windowBars} per symbol, and all symbols' bars in one provider page. */
    private long windowMillis(Map<Symbol, long[]> needs) {
        return Math.max(1, Math.min(config.windowBars(), provider.barsPerRequest() / Math.max(1, needs.size()))) * barMillis;
    }

    /**
     * The bars inside {@code [from, to]}, in time order, each time once (the last one received wins):
     * providers may repeat bars or send them out of order, and the engine takes them strictly in order.
     */
    private static BarColumns between(BarColumns bars, long from, long to) {
        Integer[] order = new Integer[bars.size()];
        int count = 0;
        for (int i = 0; i < bars.size(); i++) {
            if (bars.time(i) >= from && bars.time(i) <= to) {
                order[count++] = i;
            }
        }
        Arrays.sort(order, 0, count, java.util.Comparator.comparingLong(bars::time));
        BarColumns kept = new BarColumns(count);
        for (int k = 0; k < count; k++) {
            int i = order[k];
            if (k + 1 < count && bars.time(order[k + 1]) == bars.time(i)) {
                continue; // a later copy of the same bar follows
            }
            kept.add(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
        return kept;
    }

    private static String describe(List<Symbol> symbols, long from, long to) {
        String names = symbols.size() <= 3 ? symbols.toString() : symbols.size() + " symbols";
        return names + " " + Instant.ofEpochMilli(from) + " … " + Instant.ofEpochMilli(to);
    }

    private void scheduleNext(long startedNanos) {
        long elapsed = System.nanoTime() - startedNanos;
        long wait = Math.max(config.minGap().toNanos(), config.interval().toNanos() - elapsed);
        submit(this::runCycle, Duration.ofNanos(wait));
    }

    private void changeState(ConnectionState newState) {
        if (!newState.equals(state)) {
            state = newState;
            listener.onConnectionState(newState);
        }
    }

    private void submit(Runnable task, Duration delay) {
        if (closed) {
            return;
        }
        try {
            pending = thread.schedule(() -> guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shutDown) {
            closed = true;
        }
    }

    /** Keeps the scheduler alive whatever a step or a listener throws: log, back off, carry on. */
    private void guarded(Runnable step) {
        if (closed) {
            return; // a response that arrives after close starts nothing new
        }
        try {
            step.run();
        } catch (RuntimeException | Error bug) {
            log.error("{}: scheduler step failed; retrying after a pause", provider.kind(), bug);
            consecutiveFailures++;
            submit(this::runCycle, backoff.delay(consecutiveFailures, null));
        }
    }
}
