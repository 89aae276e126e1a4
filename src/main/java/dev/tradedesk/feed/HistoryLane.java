package dev.tradedesk.feed;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PriceScheduler}'s history lane, one request at a time: backfill of series far behind (a
 * first start, a long outage) window by window with progress, then the repair passes over the
 * completeness ledger's missing ranges ({@link RepairPlanner}), handed over with
 * {@link MarketDataListener#onRepair}. A series being backfilled goes live when its backfill is done.
 *
 * <p>Thread-safety: {@link #holdUntil} may be called from any thread; all other state is confined
 * to the scheduler thread.
 */
final class HistoryLane {

    private static final Logger log = LoggerFactory.getLogger(HistoryLane.class);

    private final HistoryWindows windows;
    private final HistoryRequests requests;
    private final HandoverLedger ledger;
    private final RepairPlanner repairs;
    private final MarketDataListener listener;
    private final PriceScheduler.Config config;
    private final ProviderKind provider;
    /** Bars opening before this time are final by the market clock. */
    private final LongSupplier settledBoundary;
    /** True while the closing and history lanes send nothing (their shared back-off, {@link LaneBackoff}). */
    private final BooleanSupplier backingOff;

    private volatile boolean held;
    // Scheduler thread only from here on.
    /** Symbols far behind, left to the backfill until they catch up. */
    private final Set<Symbol> backfilling = new HashSet<>();
    private boolean busy;

    HistoryLane(HistoryWindows windows, HistoryRequests requests, HandoverLedger ledger, RepairPlanner repairs,
            MarketDataListener listener, PriceScheduler.Config config, ProviderKind provider, LongSupplier settledBoundary,
            BooleanSupplier backingOff) {
        this.windows = windows;
        this.requests = requests;
        this.ledger = ledger;
        this.repairs = repairs;
        this.listener = listener;
        this.config = config;
        this.provider = provider;
        this.settledBoundary = settledBoundary;
        this.backingOff = backingOff;
    }

    /** Keeps the lane idle until {@code gate} completes. Any thread. */
    void holdUntil(CompletionStage<?> gate) {
        held = true;
        gate.whenComplete((done, failure) -> held = false);
    }

    /** Leaves {@code symbol} to the backfill until it catches up. */
    void backfillLater(Symbol symbol) {
        backfilling.add(symbol);
    }

    boolean backfilling(Symbol symbol) {
        return backfilling.contains(symbol);
    }

    /** Starts the lane's next job if it is idle: a backfill if any series is far behind, else a repair pass when due. */
    void run(List<Symbol> watched) {
        if (busy || held || backingOff.getAsBoolean()) {
            return;
        }
        backfilling.retainAll(watched);
        if (!backfilling.isEmpty()) {
            backfill(Set.copyOf(backfilling));
            return;
        }
        List<RepairPlanner.Request> planned = repairs.plan(watched, ledger.coveredUntil());
        if (!planned.isEmpty()) {
            busy = true;
            fetchRepair(planned, 0);
        }
    }

    private void backfill(Set<Symbol> series) {
        long boundary = settledBoundary.getAsLong();
        Map<Symbol, long[]> needs = new LinkedHashMap<>();
        for (Symbol symbol : series) {
            long from = ledger.coverage(symbol);
            if (from < boundary) {
                needs.put(symbol, new long[] {from, boundary - 1});
            }
        }
        if (needs.isEmpty()) {
            backfilling.removeAll(series);
            return;
        }
        busy = true;
        long started = System.nanoTime();
        windows.fetch(PriceScheduler.Lane.HISTORY, needs, true, () -> {
            busy = false;
            backfilling.removeAll(series);
            log.info("{}: backfilled {} series in {} ms", provider, needs.size(), (System.nanoTime() - started) / 1_000_000);
        }, () -> busy = false);
    }

    private void fetchRepair(List<RepairPlanner.Request> planned, int next) {
        if (next == planned.size()) {
            busy = false;
            return;
        }
        TimeRange range = planned.get(next).range();
        List<Symbol> repaired = planned.get(next).symbols();
        requests.send(PriceScheduler.Lane.HISTORY, repaired, range.from(), range.until() - 1, () -> busy = false,
                answer -> {
                    handOverRepair(range, repaired, answer);
                    fetchRepair(planned, next + 1);
                });
    }

    private void handOverRepair(TimeRange range, List<Symbol> repaired, HistoryBars answer) {
        Map<Symbol, BarColumns> found = new HashMap<>();
        Map<Symbol, TimeRange> complete = new HashMap<>();
        for (Symbol symbol : repaired) {
            if (answer.unknown().containsKey(symbol)) {
                continue; // nothing of it was answered: its range stays missing
            }
            BarColumns fetched = answer.bars().get(symbol);
            if (fetched != null) {
                BarColumns kept = HistoryWindows.between(fetched, range.from(), range.until() - 1);
                if (!kept.isEmpty()) {
                    found.put(symbol, kept);
                }
            }
            if (answer.whole(symbol)) {
                complete.put(symbol, range);
            } else if (repairs.incomplete(symbol, range)) {
                log.warn("{}: {} {} still came back incomplete after {} fetches over about {} minutes; leaving it missing"
                        + " until the next start", provider, symbol, range, RepairPlanner.ATTEMPTS,
                        RepairPlanner.RETRY_AFTER.stream().mapToLong(Duration::toMinutes).sum());
            }
        }
        listener.onRepair(config.timeframe(), found, complete);
    }
}
