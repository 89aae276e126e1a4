package dev.tradedesk.ui.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** Sorting the watchlist by a column, as a view of the user's own order. */
class WatchlistViewModelSortTest {

    private final List<List<Symbol>> reported = new ArrayList<>();
    /** The user's own order: not alphabetical, so that neither sort can pass for it. */
    private final WatchlistViewModel model = new WatchlistViewModel(
            List.of(Symbol.of("MSFT"), Symbol.of("SPY"), Symbol.of("AAPL"), Symbol.of("QQQ")), reported::add);
    /** Every change of the shown rows, as a table showing them hears it. */
    private final List<String> shownChanges = new ArrayList<>();

    WatchlistViewModelSortTest() {
        model.shownRows().addListener((ListChangeListener<WatchlistRow>) change -> {
            while (change.next()) {
                shownChanges.add(change.wasPermutated() ? "permutation" : change.wasAdded() ? "add" : "remove");
            }
        });
    }

    private List<String> shown() {
        return model.shownRows().stream().map(row -> row.symbol().value()).toList();
    }

    private List<String> own() {
        return model.symbols().stream().map(Symbol::value).toList();
    }

    /** An update quoting each symbol at an RSI; NaN for one still warming up. */
    private static MarketUpdate rsi(Object... symbolsAndValues) {
        Map<Symbol, Quote> quotes = new LinkedHashMap<>();
        for (int i = 0; i < symbolsAndValues.length; i += 2) {
            Symbol symbol = Symbol.of((String) symbolsAndValues[i]);
            double rsi = ((Number) symbolsAndValues[i + 1]).doubleValue();
            quotes.put(symbol, new Quote(symbol, 0, 100 + rsi, rsi / 10, rsi, 50, 20, 80, 1));
        }
        return new MarketUpdate(quotes, Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE);
    }

    @Test
    void aNumberColumnSortsAscendingThenDescendingWithBlanksLastBothWays() {
        model.apply(rsi("MSFT", 55, "SPY", Double.NaN, "AAPL", 30, "QQQ", 70));

        model.sortProperty().set(WatchlistSort.ascending(WatchlistColumn.RSI));
        assertThat(shown()).containsExactly("AAPL", "MSFT", "QQQ", "SPY");

        model.sortProperty().set(WatchlistSort.descending(WatchlistColumn.RSI));
        assertThat(shown()).as("the blank RSI still last").containsExactly("QQQ", "MSFT", "AAPL", "SPY");
    }

    @Test
    void aSymbolTheProviderDoesNotKnowSortsLastBothWays() {
        model.apply(rsi("MSFT", 55, "AAPL", 30, "QQQ", 70).merge(new MarketUpdate(Map.of(), Map.of(), Map.of(),
                Map.of(Symbol.of("SPY"), "unknown symbol"), null, null, Long.MAX_VALUE)));
        for (WatchlistColumn column : List.of(WatchlistColumn.LAST, WatchlistColumn.CHANGE_PERCENT, WatchlistColumn.STOCH_K,
                WatchlistColumn.RELATIVE_VOLUME)) {
            model.sortProperty().set(WatchlistSort.ascending(column));
            assertThat(shown()).as("%s ascending", column).endsWith("SPY");
            model.sortProperty().set(WatchlistSort.descending(column));
            assertThat(shown()).as("%s descending", column).endsWith("SPY");
        }
    }

    @Test
    void rowsThatRankTheSameKeepTheUsersOwnOrderAmongThemselvesWhateverOrderTheyWereShownIn() {
        model.apply(rsi("MSFT", 55, "SPY", 10, "AAPL", 30, "QQQ", 70));
        model.sortProperty().set(WatchlistSort.descending(WatchlistColumn.RSI));
        assertThat(shown()).containsExactly("QQQ", "MSFT", "AAPL", "SPY");

        model.apply(rsi("MSFT", 50, "SPY", 50, "AAPL", 50, "QQQ", 50));
        assertThat(shown()).containsExactly("MSFT", "SPY", "AAPL", "QQQ");

        model.sortProperty().set(WatchlistSort.descending(WatchlistColumn.HISTORY));
        assertThat(shown()).as("all blank").containsExactly("MSFT", "SPY", "AAPL", "QQQ");
    }

    @Test
    void symbolsSortAlphabetically() {
        model.sortProperty().set(WatchlistSort.ascending(WatchlistColumn.SYMBOL));
        assertThat(shown()).containsExactly("AAPL", "MSFT", "QQQ", "SPY");
        model.sortProperty().set(WatchlistSort.descending(WatchlistColumn.SYMBOL));
        assertThat(shown()).containsExactly("SPY", "QQQ", "MSFT", "AAPL");
    }

    @Test
    void clearingTheSortShowsTheUsersOwnOrderAgain() {
        model.sortProperty().set(WatchlistSort.ascending(WatchlistColumn.SYMBOL));
        model.clearSort();
        assertThat(model.sortProperty().get()).isNull();
        assertThat(shown()).containsExactly("MSFT", "SPY", "AAPL", "QQQ");
    }

    @Test
    void theOrderSavedIsTheUsersOwnWhateverTheListShows() {
        model.apply(rsi("MSFT", 55, "SPY", 10, "AAPL", 30, "QQQ", 70));
        model.sortProperty().set(WatchlistSort.ascending(WatchlistColumn.RSI));
        model.apply(rsi("MSFT", 5, "SPY", 90));

        assertThat(reported).as("sorting and re-sorting change no symbol list to save").isEmpty();
        assertThat(own()).containsExactly("MSFT", "SPY", "AAPL", "QQQ");
        assertThat(model.rows()).extracting(row -> row.symbol().value()).containsExactly("MSFT", "SPY", "AAPL", "QQQ");

        model.add("IBM");
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).extracting(Symbol::value).as("added at the end of the user's order")
                .containsExactly("MSFT", "SPY", "AAPL", "QQQ", "IBM");
    }

    @Test
    void whileSortedByALiveColumnAnUpdateThatMovesValuesPastEachOtherSortsTheRowsAgainInOnePermutation() {
        model.apply(rsi("MSFT", 55, "SPY", 10, "AAPL", 30, "QQQ", 70));
        model.sortProperty().set(WatchlistSort.descending(WatchlistColumn.RSI));
        assertThat(shown()).containsExactly("QQQ", "MSFT", "AAPL", "SPY");
        shownChanges.clear();

        model.apply(rsi("SPY", 80, "QQQ", 20, "MSFT", 60));

        assertThat(shown()).containsExactly("SPY", "MSFT", "AAPL", "QQQ");
        assertThat(shownChanges).as("three rows moved: one re-sort for the update").containsExactly("permutation");
    }

    @Test
    void anUpdateThatLeavesTheSortedOrderAsItWasChangesNothingShown() {
        model.apply(rsi("MSFT", 55, "SPY", 10, "AAPL", 30, "QQQ", 70));
        model.sortProperty().set(WatchlistSort.ascending(WatchlistColumn.RSI));
        shownChanges.clear();

        model.apply(rsi("MSFT", 56, "SPY", 11, "AAPL", 29, "QQQ", 71));

        assertThat(shown()).containsExactly("SPY", "AAPL", "MSFT", "QQQ");
        assertThat(shownChanges).as("a permutation to the same order still lays out every row shown").isEmpty();
    }

    @Test
    void withoutASortUpdatesNeverTouchTheShownRows() {
        model.apply(rsi("MSFT", 55, "SPY", 10, "AAPL", 30, "QQQ", 70));
        model.apply(rsi("MSFT", 5, "SPY", 90, "AAPL", 60, "QQQ", 1));
        assertThat(shownChanges).isEmpty();
        assertThat(shown()).containsExactly("MSFT", "SPY", "AAPL", "QQQ");
    }

    @Test
    void theSelectionStaysOnItsSymbolAsTheSortMovesIt() {
        model.apply(rsi("MSFT", 55, "SPY", 10, "AAPL", 30, "QQQ", 70));
        model.sortProperty().set(WatchlistSort.ascending(WatchlistColumn.RSI));
        model.selectedProperty().set(Symbol.of("SPY"));
        List<Symbol> selections = new ArrayList<>();
        model.selectedProperty().addListener((property, before, after) -> selections.add(after));

        model.apply(rsi("SPY", 99));
        model.sortProperty().set(WatchlistSort.descending(WatchlistColumn.SYMBOL));
        model.clearSort();

        assertThat(shownChanges).as("the rows did move").isNotEmpty();
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("SPY"));
        assertThat(selections).as("no other symbol selected (and charted) on the way").isEmpty();
    }

    @Test
    void movesDoNothingWhileSortedAndActOnTheOwnOrderOnceTheSortIsCleared() {
        assertThat(model.reorderableProperty().get()).isTrue();
        model.sortProperty().set(WatchlistSort.ascending(WatchlistColumn.SYMBOL));
        assertThat(model.reorderableProperty().get()).isFalse();

        model.move(Symbol.of("QQQ"), -1);
        model.selectedProperty().set(Symbol.of("QQQ"));
        model.moveSelected(-1);

        assertThat(own()).containsExactly("MSFT", "SPY", "AAPL", "QQQ");
        assertThat(shown()).containsExactly("AAPL", "MSFT", "QQQ", "SPY");
        assertThat(reported).isEmpty();

        model.clearSort();
        assertThat(model.reorderableProperty().get()).isTrue();
        model.moveSelected(-1);
        assertThat(own()).containsExactly("MSFT", "SPY", "QQQ", "AAPL");
        assertThat(shown()).isEqualTo(own());
    }

    @Test
    void aSymbolAddedWhileSortedShowsWhereTheSortPutsIt() {
        model.sortProperty().set(WatchlistSort.ascending(WatchlistColumn.SYMBOL));
        model.add("IBM");
        assertThat(shown()).containsExactly("AAPL", "IBM", "MSFT", "QQQ", "SPY");

        model.apply(rsi("MSFT", 55, "SPY", Double.NaN, "AAPL", 30, "QQQ", 70, "IBM", 40));
        model.sortProperty().set(WatchlistSort.descending(WatchlistColumn.RSI));
        model.add("NVDA");
        assertThat(shown()).as("no RSI yet: with the blanks, after those before it in the user's order")
                .containsExactly("QQQ", "MSFT", "IBM", "AAPL", "SPY", "NVDA");
        model.apply(rsi("NVDA", 65));
        assertThat(shown()).as("its first quote places it").containsExactly("QQQ", "NVDA", "MSFT", "IBM", "AAPL", "SPY");
        assertThat(own()).containsExactly("MSFT", "SPY", "AAPL", "QQQ", "IBM", "NVDA");
    }

    @Test
    void removingWhileSortedSelectsTheRowBelowOnScreenAndUndoPutsItBackInItsOwnPlace() {
        model.apply(rsi("MSFT", 55, "SPY", 10, "AAPL", 30, "QQQ", 70));
        model.sortProperty().set(WatchlistSort.ascending(WatchlistColumn.RSI));
        model.selectedProperty().set(Symbol.of("AAPL"));

        model.removeSelected();

        assertThat(shown()).containsExactly("SPY", "MSFT", "QQQ");
        assertThat(model.selectedProperty().get()).as("shown below it, not next in the user's order").isEqualTo(Symbol.of("MSFT"));

        assertThat(model.undoRemove()).isTrue();
        assertThat(own()).containsExactly("MSFT", "SPY", "AAPL", "QQQ");
        assertThat(shown()).containsExactly("SPY", "AAPL", "MSFT", "QQQ");
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("AAPL"));
        assertThat(reported).hasSize(2);
        assertThat(reported.get(1)).extracting(Symbol::value).containsExactly("MSFT", "SPY", "AAPL", "QQQ");
    }

    @Test
    void anotherProviderBlanksEveryRowAndTheSortedListFallsBackToTheOwnOrder() {
        model.apply(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.SIM)));
        model.apply(rsi("MSFT", 55, "SPY", 10, "AAPL", 30, "QQQ", 70));
        model.sortProperty().set(WatchlistSort.ascending(WatchlistColumn.LAST));
        assertThat(shown()).containsExactly("SPY", "AAPL", "MSFT", "QQQ");

        model.apply(MarketUpdate.ofConnection(ConnectionState.connecting(ProviderKind.ALPACA)));

        assertThat(shown()).containsExactly("MSFT", "SPY", "AAPL", "QQQ");
    }

    @Test
    void aListReplacedWhileSortedIsShownSortedAndItsFirstShownRowSelected() {
        model.sortProperty().set(WatchlistSort.ascending(WatchlistColumn.SYMBOL));
        model.replaceAll(List.of(Symbol.of("ETHUSDT"), Symbol.of("BTCUSDT")));
        assertThat(shown()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(own()).containsExactly("ETHUSDT", "BTCUSDT");
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("BTCUSDT"));
    }
}
