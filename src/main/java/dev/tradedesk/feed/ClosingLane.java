package dev.tradedesk.feed;

import dev.tradedesk.core.Symbol;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The {@link PriceScheduler}'s closing lane: the bars that closed since the last cycle, from the
 * history endpoint (so they carry their final values). The request for the bars the market clock
 * says are final ({@link PriceScheduler.Config#settle()}) leaves with the latest-bars request, and
 * one more after it for any the latest answer shows closed beyond those. A forming bar that follows
 * a bar not yet handed over is held (the engine takes bars strictly in order, and a closed bar never
 * changes) and handed over with its closed bars the moment they arrive ({@link HistoryWindows}),
 * carrying its original response time; only that symbol waits. A symbol is fetched by one request
 * at a time, and a symbol far behind (a window or more) is left to the {@link HistoryLane}'s
 * backfill, unless it is the one the user is looking at.
 *
 * <p>Thread-safety: {@link #setPriority} may be called from any thread; all other state is confined
 * to the scheduler thread.
 */
final class ClosingLane {

    private final HistoryWindows windows;
    private final HandoverLedger ledger;
    private final HistoryLane historyLane;
    private final PipelineMetrics pipeline;
    /** A symbol this far behind is backfilled by the history lane rather than fetched here. */
    private final long farBehindMillis;
    /** True while the closing and history lanes send nothing (their shared back-off, {@link LaneBackoff}). */
    private final BooleanSupplier backingOff;

    private volatile Symbol priority;
    // Scheduler thread only from here on.
    /** Symbols whose closed bars a request in flight is fetching. */
    private final Set<Symbol> fetching = new HashSet<>();

    ClosingLane(HistoryWindows windows, HandoverLedger ledger, HistoryLane historyLane, PipelineMetrics pipeline,
            PriceScheduler.Config config, BooleanSupplier backingOff) {
        this.windows = windows;
        this.ledger = ledger;
        this.historyLane = historyLane;
        this.pipeline = pipeline;
        this.farBehindMillis = config.windowBars() * config.timeframe().millis();
        this.backingOff = backingOff;
    }

    /** The symbol the user is looking at, fetched here however far behind; {@code null} for none. Any thread. */
    void setPriority(Symbol symbol) {
        priority = symbol;
    }

    /**
     * Fetches the closed bars that are final by the market clock ({@code boundary}) and not handed
     * over yet, of each watched symbol not already being fetched or backfilled; a symbol too far
     * behind goes to the history lane's backfill instead.
     */
    void fetchSettled(List<Symbol> watched, long boundary) {
        Map<Symbol, long[]> due = new LinkedHashMap<>();
        for (Symbol symbol : watched) {
            if (fetching.contains(symbol) || historyLane.backfilling(symbol)) {
                continue;
            }
            long from = ledger.coverage(symbol);
            if (farBehind(symbol, from, boundary)) {
                historyLane.backfillLater(symbol);
            } else if (from < boundary) {
                due.put(symbol, new long[] {from, boundary - 1});
            }
        }
        fetch(due);
    }

    /** Whether {@code symbol}, handed over until {@code from}, is too far behind {@code until} for this lane. */
    boolean farBehind(Symbol symbol, long from, long until) {
        return until - from >= farBehindMillis && !symbol.equals(priority);
    }

    /** Whether a request in flight is fetching {@code symbol}'s closed bars. */
    boolean fetching(Symbol symbol) {
        return fetching.contains(symbol);
    }

    /**
     * Fetches the closed bars {@code needs} asks for ({@code [from, to]} per symbol), then the rest of
     * those the held forming bars of its symbols still wait for. Nothing while the lanes back off.
     */
    void fetch(Map<Symbol, long[]> needs) {
        if (needs.isEmpty() || backingOff.getAsBoolean()) {
            return;
        }
        fetching.addAll(needs.keySet());
        long started = System.nanoTime();
        windows.fetch(PriceScheduler.Lane.CLOSING, needs, false, () -> {
            fetching.removeAll(needs.keySet());
            pipeline.record(PipelineStage.CLOSED_BARS, System.nanoTime() - started);
            fetch(ledger.stillHeld(needs.keySet()));
        }, () -> fetching.removeAll(needs.keySet()));
    }
}
