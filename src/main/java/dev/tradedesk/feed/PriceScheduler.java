package dev.tradedesk.feed;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 *   <li><b>live</b> ({@link LiveLane}): the latest bar of every symbol, every cycle;</li>
 *   <li><b>closing</b> ({@link ClosingLane}): the bars that closed since the last cycle, with their
 *       final values;</li>
 *   <li><b>history</b> ({@link HistoryLane}): backfill of series far behind and repair of missing
 *       ranges, one request at a time.</li>
 * </ol>
 * A new symbol takes part once the store has said where its stored history ends and recorded where
 * its tracking starts; until then it waits alone, named so in the live batches, and the lanes go on
 * with the others. While the live request fails, the symbols without a price yet are named with the
 * provider's problem ({@link OutageReport}); a symbol's problem with the provider is over once it
 * answers for the symbol again, even before its first price. Everything reaches the
 * {@link MarketDataListener} in time order per symbol, never a closed bar twice: a fetch's bars are
 * handed over only if nothing before them is still missing, and only the part after what was
 * handed over already.
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
 * <p>Thread-safety: {@link #setSymbols}, {@link #symbols}, {@link #setPriority}, {@link #state} and
 * {@link #close} may be called from any thread; all other state is confined to the scheduler thread.
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

    /**
     * Who issued a request, so that a failure or a bug backs off the live lane alone, or the closing
     * and history lanes, which share one back-off ({@link LaneBackoff}).
     */
    enum Lane { LIVE, CLOSING, HISTORY }

    private final MarketDataProvider provider;
    private final Clock marketClock;
    private final Config config;
    private final SchedulerThread schedulerThread;
    private final ProviderConnection connection;
    /** The lanes; each says which of its calls any thread may make. */
    private final LiveLane liveLane;
    private final HistoryLane historyLane;
    private final ClosingLane closingLane;
    /** Scheduler thread only. */
    private final UnknownSymbols unknown;

    public PriceScheduler(MarketDataProvider provider, ScheduledExecutorService thread, BarHistory history,
            MarketDataListener listener, Clock marketClock, Clock wallClock, Backoff backoff, PipelineMetrics pipeline,
            FeedMetrics metrics, Config config, List<Symbol> symbols) {
        this.provider = provider;
        this.marketClock = marketClock;
        this.config = config;
        ProblemsTold problemsTold = new ProblemsTold(listener);
        LaneBackoff laneBackoff = new LaneBackoff(backoff, this::nextCycleIn);
        this.schedulerThread = new SchedulerThread(thread, provider.kind(), laneBackoff);
        this.unknown = new UnknownSymbols(provider.kind());
        RepairPlanner repairs = new RepairPlanner(history, config.timeframe(), config.windowBars(), provider.barsPerRequest());
        HandoverLedger ledger = new HandoverLedger(history, config, provider.kind().tradingDayZone(), marketClock,
                repairs);
        OutageReport outageReport = new OutageReport(problemsTold, unknown, ledger, config.timeframe());
        this.connection = new ProviderConnection(provider.kind(), problemsTold, wallClock, laneBackoff, schedulerThread,
                outageReport, repairs, metrics);
        HistoryWindows windows = new HistoryWindows(this::sendHistory, ledger, problemsTold, config,
                provider.barsPerRequest(), this::cycle);
        this.historyLane = new HistoryLane(windows, this::sendHistory, ledger, repairs, problemsTold, config, provider.kind(),
                this::settledBoundary, laneBackoff::historyRequestsBackingOff);
        this.closingLane = new ClosingLane(windows, ledger, historyLane, pipeline, config, laneBackoff::historyRequestsBackingOff);
        this.liveLane = new LiveLane(provider, config, symbols, schedulerThread, connection, problemsTold, outageReport,
                unknown, ledger, closingLane, historyLane, pipeline, this::settledBoundary);
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
        liveLane.nextCycleIn(Duration.ZERO);
    }

    /** Replaces the watchlist; takes effect at the next cycle. New symbols are backfilled first. */
    public void setSymbols(List<Symbol> newSymbols) {
        liveLane.setSymbols(newSymbols);
    }

    /**
     * The symbol the user is looking at: however far behind, it is fetched by the closing lane
     * rather than queued for the history lane's backfill, so it goes live first. Any thread;
     * {@code null} for none.
     */
    public void setPriority(Symbol symbol) {
        closingLane.setPriority(symbol);
    }

    /** The watchlist the next cycle works on. Any thread. */
    public List<Symbol> symbols() {
        return liveLane.symbols();
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
        CompletableFuture<HistoryBars> request = schedulerThread.send(() -> provider.historyBySymbol(asked,
                config.timeframe(), Instant.ofEpochMilli(from), Instant.ofEpochMilli(to)));
        schedulerThread.whenComplete(request, lane, (bars, failure) -> {
            if (failure != null) {
                // Counted before the lane's failed, whose listener may throw.
                connection.failed(failure, lane, sent);
                failed.run();
                return;
            }
            connection.answered(lane);
            unknown.refuse(bars.unknown());
            answer.accept(new HistoryBars(bars.bars(), unknown.among(wanted), bars.incomplete()));
        }, failed);
    }

    // The live lane is built last, after the lanes it starts each cycle; these reach it once it is.

    private void nextCycleIn(Duration wait) {
        liveLane.nextCycleIn(wait);
    }

    private long cycle() {
        return liveLane.cycle();
    }
}
