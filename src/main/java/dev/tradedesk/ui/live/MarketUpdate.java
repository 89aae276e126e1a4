package dev.tradedesk.ui.live;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.BackfillProgress;
import dev.tradedesk.feed.ConnectionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in the market since the UI last looked: new quotes, bars that closed (in time order
 * per symbol), the latest forming bars, which symbols have no data or failed and whose problem is
 * over, the provider's connection state, backfill progress, and which symbols' stored history
 * gained bars older than their newest (a repaired gap, so a chart of them reloads). Producers
 * {@link #merge} updates while the UI is busy, so nothing is lost between two frames: closed bars,
 * repaired symbols and ended problems accumulate, everything else keeps the newest value. Immutable.
 *
 * @param oldestResponseNanos  {@link System#nanoTime()} of the oldest provider response in this
 *                             update ({@code Long.MAX_VALUE} if none), for tick-to-screen latency
 * @param completeness         per symbol, the share of its tracked history the store holds whole
 *                             (0 to 1, from the completeness ledger), where it changed
 * @param oldestPublishedNanos {@link System#nanoTime()} when the update carrying that oldest
 *                             response was published ({@code Long.MAX_VALUE} if unknown), to split
 *                             tick-to-screen into the feed's part and the wait for the pulse
 * @param repairedHistory      symbols whose stored history gained bars behind its newest (a
 *                             repaired gap), written by the time this is published
 * @param problemsOver         symbols whose problem is over though they may have no quote yet (the
 *                             history store answered for one that waited for it, the provider for
 *                             one that failed or had no data); a quote says so
 *                             too. A symbol also in {@code problems} has that problem: it is newer.
 */
public record MarketUpdate(
        Map<Symbol, Quote> quotes,
        Map<Symbol, List<Bar>> closedBars,
        Map<Symbol, Bar> formingBars,
        Map<Symbol, String> problems,
        ConnectionState connection,
        BackfillProgress backfill,
        long oldestResponseNanos,
        Map<Symbol, Double> completeness,
        long oldestPublishedNanos,
        Set<Symbol> repairedHistory,
        Set<Symbol> problemsOver) {

    public MarketUpdate {
        quotes = Map.copyOf(quotes);
        closedBars = Map.copyOf(closedBars);
        formingBars = Map.copyOf(formingBars);
        problems = Map.copyOf(problems);
        completeness = Map.copyOf(completeness);
        repairedHistory = Set.copyOf(repairedHistory);
        problemsOver = Set.copyOf(problemsOver);
    }

    /** An update that ends no problem but by its quotes. */
    public MarketUpdate(Map<Symbol, Quote> quotes, Map<Symbol, List<Bar>> closedBars, Map<Symbol, Bar> formingBars,
            Map<Symbol, String> problems, ConnectionState connection, BackfillProgress backfill, long oldestResponseNanos,
            Map<Symbol, Double> completeness, long oldestPublishedNanos, Set<Symbol> repairedHistory) {
        this(quotes, closedBars, formingBars, problems, connection, backfill, oldestResponseNanos, completeness,
                oldestPublishedNanos, repairedHistory, Set.of());
    }

    /** An update that repairs no history. */
    public MarketUpdate(Map<Symbol, Quote> quotes, Map<Symbol, List<Bar>> closedBars, Map<Symbol, Bar> formingBars,
            Map<Symbol, String> problems, ConnectionState connection, BackfillProgress backfill, long oldestResponseNanos,
            Map<Symbol, Double> completeness, long oldestPublishedNanos) {
        this(quotes, closedBars, formingBars, problems, connection, backfill, oldestResponseNanos, completeness,
                oldestPublishedNanos, Set.of());
    }

    /** An update that says nothing about completeness nor when it was published. */
    public MarketUpdate(Map<Symbol, Quote> quotes, Map<Symbol, List<Bar>> closedBars, Map<Symbol, Bar> formingBars,
            Map<Symbol, String> problems, ConnectionState connection, BackfillProgress backfill, long oldestResponseNanos) {
        this(quotes, closedBars, formingBars, problems, connection, backfill, oldestResponseNanos, Map.of(), Long.MAX_VALUE);
    }

    public static MarketUpdate ofCompleteness(Map<Symbol, Double> completeness) {
        return new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE, completeness, Long.MAX_VALUE);
    }

    public static MarketUpdate ofRepairedHistory(Set<Symbol> symbols) {
        return new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE, Map.of(), Long.MAX_VALUE,
                symbols);
    }

    public static MarketUpdate ofConnection(ConnectionState state) {
        return new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(), state, null, Long.MAX_VALUE);
    }

    public static MarketUpdate ofBackfill(BackfillProgress progress) {
        return new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(), null, progress, Long.MAX_VALUE);
    }

    /** This update followed by {@code later}: as if the UI had applied both, in order. */
    public MarketUpdate merge(MarketUpdate later) {
        Map<Symbol, Quote> mergedQuotes = new HashMap<>(quotes);
        mergedQuotes.putAll(later.quotes);
        Map<Symbol, List<Bar>> mergedClosed = new HashMap<>(closedBars);
        later.closedBars.forEach((symbol, bars) -> mergedClosed.merge(symbol, bars, (earlier, newer) -> {
            List<Bar> both = new ArrayList<>(earlier.size() + newer.size());
            both.addAll(earlier);
            both.addAll(newer);
            return both;
        }));
        Map<Symbol, Bar> mergedForming = new HashMap<>(formingBars);
        mergedForming.putAll(later.formingBars);
        // A closed bar supersedes a forming bar of the same time or earlier.
        later.closedBars.forEach((symbol, bars) -> {
            Bar forming = mergedForming.get(symbol);
            if (forming != null && !bars.isEmpty() && forming.time() <= bars.get(bars.size() - 1).time()
                    && !later.formingBars.containsKey(symbol)) {
                mergedForming.remove(symbol);
            }
        });
        Map<Symbol, String> mergedProblems = new HashMap<>(problems);
        later.quotes.keySet().forEach(mergedProblems::remove);
        later.problemsOver.forEach(mergedProblems::remove);
        mergedProblems.putAll(later.problems);
        // Kept even for a symbol whose problem came back later: its row applies the end, then the new problem.
        Set<Symbol> mergedOver = problemsOver;
        if (!later.problemsOver.isEmpty()) {
            mergedOver = new HashSet<>(problemsOver);
            mergedOver.addAll(later.problemsOver);
        }
        Map<Symbol, Double> mergedCompleteness = new HashMap<>(completeness);
        mergedCompleteness.putAll(later.completeness);
        Set<Symbol> mergedRepaired = new HashSet<>(repairedHistory);
        mergedRepaired.addAll(later.repairedHistory);
        return new MarketUpdate(mergedQuotes, mergedClosed, mergedForming, mergedProblems,
                later.connection != null ? later.connection : connection,
                later.backfill != null ? later.backfill : backfill,
                Math.min(oldestResponseNanos, later.oldestResponseNanos), mergedCompleteness,
                later.oldestResponseNanos < oldestResponseNanos ? later.oldestPublishedNanos : oldestPublishedNanos,
                mergedRepaired, mergedOver);
    }

    /** Symbols this update says anything about. */
    public Set<Symbol> symbols() {
        Set<Symbol> symbols = new HashSet<>(quotes.keySet());
        symbols.addAll(closedBars.keySet());
        symbols.addAll(formingBars.keySet());
        symbols.addAll(problems.keySet());
        symbols.addAll(problemsOver);
        symbols.addAll(completeness.keySet());
        return symbols;
    }
}
