package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands everything on to the {@link PriceScheduler}'s listener, and remembers which symbols its
 * batches left named with a provider's problem (a failure, or no data): a watchlist row shows such
 * a problem until a price replaces it or a batch ends it. With that the scheduler ends a problem
 * once the provider answers for its symbol again ({@link #answeredAgain}), not only at the symbol's
 * first price, which a backfill may put off for minutes.
 *
 * <p>A batch the listener throws on counts as not handed over: nothing of it is remembered.
 * Confined to the scheduler thread, as the listener's calls are.
 */
final class ProblemsTold implements MarketDataListener {

    private final MarketDataListener listener;
    /** The symbols named with a provider's problem by a batch, which no later batch ended or priced. */
    private final Set<Symbol> troubled = new LinkedHashSet<>();

    ProblemsTold(MarketDataListener listener) {
        this.listener = listener;
    }

    /**
     * The symbols named with a provider's problem that {@code latestBars}, a latest answer, has a bar
     * for and {@code forming} (that answer's batch) hands over no forming bar of: their problem is
     * over before their price comes. Empty (the same empty set every time) while none is troubled.
     */
    Set<Symbol> answeredAgain(Map<Symbol, Bar> latestBars, Map<Symbol, Bar> forming) {
        if (troubled.isEmpty()) {
            return Set.of();
        }
        Set<Symbol> again = null;
        for (Symbol symbol : troubled) {
            if (latestBars.containsKey(symbol) && !forming.containsKey(symbol)) {
                if (again == null) {
                    again = new LinkedHashSet<>();
                }
                again.add(symbol);
            }
        }
        return again == null ? Set.of() : again;
    }

    /** Forgets the symbols no longer in {@code listed}: one added again has a new row, which shows nothing yet. */
    void keepOnly(Set<Symbol> listed) {
        troubled.retainAll(listed);
    }

    /**
     * Hands {@code batch} on, then remembers it in the order the watchlist applies it: ended
     * problems, then prices, then the batch's own problems, which are newer.
     */
    @Override
    public void onBatch(CycleBatch batch) {
        listener.onBatch(batch);
        troubled.removeAll(batch.storeAnswered());
        troubled.removeAll(batch.answeredAgain());
        troubled.removeAll(batch.forming().keySet());
        for (Symbol symbol : batch.closed().keySet()) {
            if (!batch.behind().contains(symbol)) {
                troubled.remove(symbol); // quoted: a window at the live edge
            }
        }
        troubled.removeAll(batch.waitingForStore().keySet()); // the wait for the store shows instead
        troubled.addAll(batch.withoutData());
        troubled.addAll(batch.failures().keySet());
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        listener.onConnectionState(state);
    }

    @Override
    public void onRepair(Timeframe timeframe, Map<Symbol, BarColumns> bars, Map<Symbol, TimeRange> covered) {
        listener.onRepair(timeframe, bars, covered);
    }

    @Override
    public void onBackfillProgress(BackfillProgress progress) {
        listener.onBackfillProgress(progress);
    }
}
