package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.util.Map;
import java.util.Set;

/**
 * Everything one scheduler cycle learned, handed over in one call: for each symbol the bars that
 * closed since the last cycle (final values from the history endpoint, strictly after any bar
 * handed over before, in time order) and the current forming bar; the symbols the provider has no
 * data for; and per-symbol failures. A long backfill is handed over in several batches, in time
 * order, the forming bars coming with the last.
 *
 * <p>The maps are unmodifiable, but the {@link BarColumns} in them belong to the receiver once
 * handed over: the scheduler never touches them again.
 *
 * @param responseNanos {@link System#nanoTime()} when the latest-bars response arrived, for
 *                      tick-to-screen latency; {@code Long.MAX_VALUE} for history (a backfill
 *                      window, or forming bars that waited for one), which is no live tick
 * @param covered       per symbol, the range of bar times this batch's closed bars complete: the
 *                      provider answered for it whole (no failure, no dropped record), so every bar
 *                      in it is in {@code closed} and a time without one had no trades. A symbol
 *                      whose fetch was not whole is absent: its range stays missing in the ledger.
 */
public record CycleBatch(
        long cycle,
        Timeframe timeframe,
        Map<Symbol, BarColumns> closed,
        Map<Symbol, Bar> forming,
        Set<Symbol> withoutData,
        Map<Symbol, ProviderException> failures,
        long responseNanos,
        Map<Symbol, TimeRange> covered) {

    public CycleBatch {
        closed = Map.copyOf(closed);
        forming = Map.copyOf(forming);
        withoutData = Set.copyOf(withoutData);
        failures = Map.copyOf(failures);
        covered = Map.copyOf(covered);
    }

    /** A batch that claims no range complete. */
    public CycleBatch(long cycle, Timeframe timeframe, Map<Symbol, BarColumns> closed, Map<Symbol, Bar> forming,
            Set<Symbol> withoutData, Map<Symbol, ProviderException> failures, long responseNanos) {
        this(cycle, timeframe, closed, forming, withoutData, failures, responseNanos, Map.of());
    }

    public int closedBarCount() {
        return closed.values().stream().mapToInt(BarColumns::size).sum();
    }
}
