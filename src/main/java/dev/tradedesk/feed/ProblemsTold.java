package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands everything on to the {@link PriceScheduler}'s listener, and remembers which symbols its
 * batches left named with a provider's problem (a failure, or no data), with which words, and which
 * symbols they gave a price: a watchlist row shows such a problem until a price replaces it or a
 * batch ends it. With that the scheduler ends a problem once the provider answers for its symbol
 * again ({@link #answeredAgain}), not only at the symbol's first price, which a backfill may put off
 * for minutes; and while the provider is down it names the symbols whose rows show no price with
 * its problem ({@link #outageProblems}), once while the problem stays the same.
 *
 * <p>A batch the listener throws on counts as not handed over: nothing of it is remembered.
 * Confined to the scheduler thread, as the listener's calls are.
 */
final class ProblemsTold implements MarketDataListener {

    /** What {@link #troubled} holds for a symbol the provider has no data for: no failure, so no words. */
    private static final String NO_DATA = "";

    private final MarketDataListener listener;
    /** What a batch said is wrong for a symbol ({@link #NO_DATA}: nothing), while no later batch ended it or priced it. */
    private final Map<Symbol, String> troubled = new LinkedHashMap<>();
    /** The symbols a batch gave a price: a forming bar, or closed bars up to the live edge. */
    private final Set<Symbol> priced = new HashSet<>();
    /** The list {@link #watchlist} was last given: the scheduler's watchlist is a new list after every change. */
    private List<Symbol> lastListed = List.of();

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
        for (Symbol symbol : troubled.keySet()) {
            if (latestBars.containsKey(symbol) && !forming.containsKey(symbol)) {
                if (again == null) {
                    again = new LinkedHashSet<>();
                }
                again.add(symbol);
            }
        }
        return again == null ? Set.of() : again;
    }

    /**
     * The live request failed with {@code problem} ({@code perSymbol}: each symbol's own, from a
     * provider asked symbol by symbol): the symbols whose rows should say so, each with its failure,
     * or an empty map when their rows say it already. They are those of {@code asked} that have had
     * no price and do not wait for the store ({@code waiting}): a symbol added while the provider is
     * down, one whose wait for the store ended meanwhile, or every symbol when the provider is down
     * from the start, whose row would otherwise be blank, or say it waits for the store, with only the
     * status bar saying why. A row with a price keeps it, now stale, as the status bar says.
     */
    Map<Symbol, ProviderException> outageProblems(List<Symbol> asked, Map<Symbol, String> waiting,
            Map<Symbol, ProviderException> perSymbol, ProviderException problem) {
        Map<Symbol, ProviderException> named = new LinkedHashMap<>();
        for (Symbol symbol : asked) {
            if (!priced.contains(symbol) && !waiting.containsKey(symbol)) {
                named.put(symbol, perSymbol.getOrDefault(symbol, problem));
            }
        }
        for (Map.Entry<Symbol, ProviderException> each : named.entrySet()) {
            if (!troubled.containsKey(each.getKey()) || !wordsOf(each.getValue()).equals(troubled.get(each.getKey()))) {
                return named; // a row would say something else: the batch names them all
            }
        }
        return Map.of();
    }

    /**
     * The watchlist a cycle works on: when it is another list than the last, the symbols no longer
     * in it are forgotten, as one added again has a new row, which shows nothing yet.
     */
    void watchlist(List<Symbol> listed) {
        if (listed != lastListed) {
            Set<Symbol> kept = Set.copyOf(listed);
            troubled.keySet().retainAll(kept);
            priced.retainAll(kept);
            lastListed = listed;
        }
    }

    /**
     * Hands {@code batch} on, then remembers it in the order the watchlist applies it: ended
     * problems, then prices, then the batch's own problems, which are newer.
     */
    @Override
    public void onBatch(CycleBatch batch) {
        listener.onBatch(batch);
        troubled.keySet().removeAll(batch.storeAnswered());
        troubled.keySet().removeAll(batch.answeredAgain());
        for (Symbol symbol : batch.forming().keySet()) {
            pricedNow(symbol);
        }
        for (Symbol symbol : batch.closed().keySet()) {
            if (!batch.behind().contains(symbol)) {
                pricedNow(symbol); // a window at the live edge
            }
        }
        troubled.keySet().removeAll(batch.waitingForStore().keySet()); // the wait for the store shows instead
        for (Symbol symbol : batch.withoutData()) {
            troubled.put(symbol, NO_DATA);
        }
        batch.failures().forEach((symbol, failure) -> troubled.put(symbol, wordsOf(failure)));
    }

    private void pricedNow(Symbol symbol) {
        priced.add(symbol);
        troubled.remove(symbol);
    }

    private static String wordsOf(ProviderException failure) {
        return String.valueOf(failure.getMessage());
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
