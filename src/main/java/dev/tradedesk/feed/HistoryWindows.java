package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Fetches closed bars from the provider's history endpoint window by window, for the closing lane
 * and the history lane's backfill, and hands each window over as it arrives, with the held forming
 * bars it completes. A window holds at most {@code windowBars} per symbol, and all symbols' bars
 * fit one provider page, bounding memory during backfill. Confined to the scheduler thread.
 */
final class HistoryWindows {

    private final HistoryRequests requests;
    private final HandoverLedger ledger;
    private final MarketDataListener listener;
    private final PriceScheduler.Config config;
    private final int barsPerRequest;
    private final long barMillis;
    /** The live lane's cycle number, stamped on every batch handed over. */
    private final LongSupplier cycle;

    HistoryWindows(HistoryRequests requests, HandoverLedger ledger, MarketDataListener listener,
            PriceScheduler.Config config, int barsPerRequest, LongSupplier cycle) {
        this.requests = requests;
        this.ledger = ledger;
        this.listener = listener;
        this.config = config;
        this.barsPerRequest = barsPerRequest;
        this.barMillis = config.timeframe().millis();
        this.cycle = cycle;
    }

    /**
     * Fetches the closed bars {@code needs} asks for ({@code [from, to]} per symbol), window by
     * window, handing each window over as it arrives; then runs {@code then}, or {@code failed} if a
     * request failed (a provider that throws fails its request, {@link SchedulerThread#send}), or if
     * the first window throws before its request left (rethrown to the caller's guard). With
     * {@code withProgress}, reports {@link BackfillProgress} when it takes more than one window.
     */
    void fetch(PriceScheduler.Lane lane, Map<Symbol, long[]> needs, boolean withProgress, Runnable then, Runnable failed) {
        try {
            fetchWindow(lane, needs, windowStart(needs), withProgress, then, failed);
        } catch (RuntimeException | Error bug) {
            // The lane's guard around this call has nothing to undo: without failed the lane would
            // wait for an answer that never comes (the history lane busy, the closing lane's symbols
            // fetched) for the rest of the session. The provider's throw no longer comes here (it is
            // its request's failure); the listener's, on the first progress, does. A later window's
            // throw is its answer step's, whose guard runs failed.
            failed.run();
            throw bug;
        }
    }

    private void fetchWindow(PriceScheduler.Lane lane, Map<Symbol, long[]> needs, long windowStart, boolean withProgress,
            Runnable then, Runnable failed) {
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
        boolean reported = withProgress && total > 1;
        if (reported) {
            listener.onBackfillProgress(new BackfillProgress(describe(wanted, windowStart, windowEnd), done, total));
        }
        Runnable stopped = !reported ? failed : () -> stop(failed);
        requests.send(lane, wanted, windowStart, windowEnd, stopped, answer -> {
            deliverWindow(needs, wanted, windowStart, windowEnd, answer);
            if (windowEnd < lastTo) {
                fetchWindow(lane, needs, windowEnd + 1, withProgress, then, failed);
            } else {
                if (reported) {
                    listener.onBackfillProgress(new BackfillProgress("", total, total));
                }
                then.run();
            }
        });
    }

    /**
     * Ends a backfill whose request failed (a later pass fetches what is missing): runs the lane's
     * {@code failed}, then takes its progress away. The lane is idle again before the listener hears
     * it: a listener that throws there, again when the guard runs this as its undo, would otherwise
     * keep the history lane busy for the session. The progress goes even if {@code failed} throws,
     * whose throw is the one rethrown (the listener's, if any, suppressed in it): it stayed on screen.
     */
    private void stop(Runnable failed) {
        try {
            failed.run();
        } catch (RuntimeException | Error bug) {
            try {
                listener.onBackfillProgress(BackfillProgress.NONE);
            } catch (RuntimeException | Error listenerBug) {
                bug.addSuppressed(listenerBug);
            }
            throw bug;
        }
        listener.onBackfillProgress(BackfillProgress.NONE);
    }

    /**
     * Hands over a window's bars after what each symbol has handed over already, and with them the
     * held forming bars they complete. A symbol for which something before the window is still
     * missing (an earlier request failed) is skipped: a later request fetches it all again. So is a
     * symbol the provider does not know: nothing of it was answered, so nothing of it is covered. A
     * symbol that lost a record is handed over, but its range is not covered.
     */
    private void deliverWindow(Map<Symbol, long[]> needs, List<Symbol> wanted, long windowStart, long windowEnd,
            HistoryBars answer) {
        Map<Symbol, BarColumns> fetched = answer.bars();
        Map<Symbol, BarColumns> closedBars = new HashMap<>();
        Map<Symbol, Long> newCoverage = new HashMap<>();
        Map<Symbol, TimeRange> complete = new HashMap<>();
        Map<Symbol, Bar> released = new HashMap<>();
        Set<Symbol> behind = new HashSet<>();
        long oldestResponse = Long.MAX_VALUE;
        for (Symbol symbol : wanted) {
            long from = ledger.coverage(symbol);
            long to = Math.min(needs.get(symbol)[1], windowEnd);
            if (Math.max(needs.get(symbol)[0], windowStart) > from || to < from || answer.unknown().containsKey(symbol)) {
                continue;
            }
            BarColumns bars = fetched.get(symbol);
            BarColumns kept = bars == null ? null : between(bars, from, to);
            if (kept != null && !kept.isEmpty()) {
                closedBars.put(symbol, kept);
                if (to < needs.get(symbol)[1]) {
                    behind.add(symbol);
                }
            }
            if (answer.whole(symbol)) {
                complete.put(symbol, new TimeRange(from, to + 1));
            }
            newCoverage.put(symbol, to + 1);
            HandoverLedger.Held waiting = ledger.held(symbol);
            if (waiting != null && to + 1 >= waiting.bar().time()) {
                released.put(symbol, waiting.bar());
                oldestResponse = Math.min(oldestResponse, waiting.responseNanos());
            }
        }
        if (!closedBars.isEmpty() || !complete.isEmpty() || !released.isEmpty()) {
            listener.onBatch(new CycleBatch(cycle.getAsLong(), config.timeframe(), closedBars, released, Set.of(), Map.of(),
                    oldestResponse, complete, behind));
        }
        // Only once the listener has them: if it throws, a later request fetches these bars again.
        ledger.coverUntil(newCoverage);
        released.keySet().forEach(ledger::release);
    }

    private long windowStart(Map<Symbol, long[]> needs) {
        long start = needs.values().stream().mapToLong(range -> range[0]).min().orElseThrow();
        return config.timeframe().gridStart(start);
    }

    private int windowsBetween(Map<Symbol, long[]> needs, long start, long end) {
        long window = windowMillis(needs);
        return (int) Math.max(1, (end - start + window) / window);
    }

    /** A backfill window: at most {@code windowBars} per symbol, and all symbols' bars in one provider page. */
    private long windowMillis(Map<Symbol, long[]> needs) {
        return Math.max(1, Math.min(config.windowBars(), barsPerRequest / Math.max(1, needs.size()))) * barMillis;
    }

    /**
     * The bars inside {@code [from, to]}, in time order, each time once (the last one received wins):
     * providers may repeat bars or send them out of order, and the engine takes them strictly in order.
     */
    static BarColumns between(BarColumns bars, long from, long to) {
        if (strictlyIncreasingWithin(bars, from, to)) {
            // The usual answer: copied as it is, without sorting (or boxing) its indices.
            BarColumns kept = new BarColumns(bars.size());
            for (int i = 0; i < bars.size(); i++) {
                if (bars.time(i) >= from && bars.time(i) <= to) {
                    kept.add(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
                }
            }
            return kept;
        }
        Integer[] order = new Integer[bars.size()];
        int count = 0;
        for (int i = 0; i < bars.size(); i++) {
            if (bars.time(i) >= from && bars.time(i) <= to) {
                order[count++] = i;
            }
        }
        Arrays.sort(order, 0, count, Comparator.comparingLong(bars::time)); // stable: equal times keep their order
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

    /** Whether the bars inside {@code [from, to]} come in strictly increasing time, so none repeats. */
    private static boolean strictlyIncreasingWithin(BarColumns bars, long from, long to) {
        long previous = Long.MIN_VALUE;
        boolean any = false;
        for (int i = 0; i < bars.size(); i++) {
            long time = bars.time(i);
            if (time >= from && time <= to) {
                if (any && time <= previous) {
                    return false;
                }
                previous = time;
                any = true;
            }
        }
        return true;
    }

    private static String describe(List<Symbol> symbols, long from, long to) {
        String names = symbols.size() <= 3 ? symbols.toString() : symbols.size() + " symbols";
        return names + " " + Instant.ofEpochMilli(from) + " … " + Instant.ofEpochMilli(to);
    }
}
