package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.util.Map;
import java.util.Set;

/**
 * One answer of the scheduler, handed over in one call: a latest-bars answer (the forming bars of
 * the symbols whose closed bars are all handed over, the symbols the provider has no data for,
 * per-symbol failures, the new symbols waiting for the store and those it has answered for, the
 * symbols whose problem with the provider is over before their first price), a failed latest-bars
 * request's (the provider's problem for the symbols without a price yet), or a
 * history answer (for each symbol the bars that closed, final values from the history endpoint,
 * strictly after any bar handed over before, in time order, with the forming bars that waited for
 * them). A long backfill is handed over in several batches, in time order.
 *
 * <p>The maps are unmodifiable, but the {@link BarColumns} in them belong to the receiver once
 * handed over: the scheduler never touches them again.
 *
 * @param responseNanos {@link System#nanoTime()} when the latest-bars response carrying these
 *                      forming bars was parsed (the oldest, if several), for tick-to-screen
 *                      latency; {@code Long.MAX_VALUE} when the batch has no live tick
 * @param covered       per symbol, the range of bar times this batch's closed bars complete: the
 *                      provider answered for it whole (no failure, no dropped record), so every bar
 *                      in it is in {@code closed} and a time without one had no trades. A symbol
 *                      whose fetch was not whole is absent: its range stays missing in the ledger.
 * @param behind        symbols whose closed bars here are a backfill window short of the live edge:
 *                      more history follows, so their latest values are not current ones
 * @param waitingForStore new symbols left out of this cycle because the store cannot yet say where
 *                      their history ends or record their tracking start (a full disk), each with the
 *                      store's reason: none of their bars is handed over until it can
 * @param storeAnswered symbols named waiting in an earlier batch that the store has answered for
 *                      since: their wait is over and their history is fetched now, though their
 *                      prices may not follow for a while. Each is named once in a latest-bars
 *                      answer; while the provider is down, also before it by the batch of a cycle
 *                      whose latest request failed, with that failure in {@code failures} while it
 *                      has no price.
 * @param answeredAgain symbols an earlier batch named with a provider's problem (a failure, no data)
 *                      that this latest-bars answer has a bar for, though it hands over no forming bar
 *                      of them (their backfill, or the closed bars before it, are still to come): that
 *                      problem is over, though their price may not follow for a while. Each is named
 *                      once.
 */
public record CycleBatch(
        long cycle,
        Timeframe timeframe,
        Map<Symbol, BarColumns> closed,
        Map<Symbol, Bar> forming,
        Set<Symbol> withoutData,
        Map<Symbol, ProviderException> failures,
        long responseNanos,
        Map<Symbol, TimeRange> covered,
        Set<Symbol> behind,
        Map<Symbol, String> waitingForStore,
        Set<Symbol> storeAnswered,
        Set<Symbol> answeredAgain) {

    public CycleBatch {
        closed = Map.copyOf(closed);
        forming = Map.copyOf(forming);
        withoutData = Set.copyOf(withoutData);
        failures = Map.copyOf(failures);
        covered = Map.copyOf(covered);
        behind = Set.copyOf(behind);
        waitingForStore = Map.copyOf(waitingForStore);
        storeAnswered = Set.copyOf(storeAnswered);
        answeredAgain = Set.copyOf(answeredAgain);
    }

    /** A batch in which no symbol's problem with the provider ends without a price. */
    public CycleBatch(long cycle, Timeframe timeframe, Map<Symbol, BarColumns> closed, Map<Symbol, Bar> forming,
            Set<Symbol> withoutData, Map<Symbol, ProviderException> failures, long responseNanos,
            Map<Symbol, TimeRange> covered, Set<Symbol> behind, Map<Symbol, String> waitingForStore,
            Set<Symbol> storeAnswered) {
        this(cycle, timeframe, closed, forming, withoutData, failures, responseNanos, covered, behind, waitingForStore,
                storeAnswered, Set.of());
    }

    /** A batch that ends no symbol's wait for the store. */
    public CycleBatch(long cycle, Timeframe timeframe, Map<Symbol, BarColumns> closed, Map<Symbol, Bar> forming,
            Set<Symbol> withoutData, Map<Symbol, ProviderException> failures, long responseNanos,
            Map<Symbol, TimeRange> covered, Set<Symbol> behind, Map<Symbol, String> waitingForStore) {
        this(cycle, timeframe, closed, forming, withoutData, failures, responseNanos, covered, behind, waitingForStore,
                Set.of());
    }

    /** A batch for which no new symbol waits for the store. */
    public CycleBatch(long cycle, Timeframe timeframe, Map<Symbol, BarColumns> closed, Map<Symbol, Bar> forming,
            Set<Symbol> withoutData, Map<Symbol, ProviderException> failures, long responseNanos,
            Map<Symbol, TimeRange> covered, Set<Symbol> behind) {
        this(cycle, timeframe, closed, forming, withoutData, failures, responseNanos, covered, behind, Map.of());
    }

    /** A batch at the live edge for every symbol. */
    public CycleBatch(long cycle, Timeframe timeframe, Map<Symbol, BarColumns> closed, Map<Symbol, Bar> forming,
            Set<Symbol> withoutData, Map<Symbol, ProviderException> failures, long responseNanos,
            Map<Symbol, TimeRange> covered) {
        this(cycle, timeframe, closed, forming, withoutData, failures, responseNanos, covered, Set.of());
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
