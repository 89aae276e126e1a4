package dev.tradedesk.ui.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchlistViewModelTest {

    private final List<List<Symbol>> reported = new ArrayList<>();
    private final WatchlistViewModel model = new WatchlistViewModel(
            List.of(Symbol.of("AAPL"), Symbol.of("MSFT"), Symbol.of("SPY")), reported::add);

    private static List<String> names(List<Symbol> symbols) {
        return symbols.stream().map(Symbol::value).toList();
    }

    @Test
    void startsWithTheSymbolsInOrderAndTheFirstSelected() {
        assertThat(names(model.symbols())).containsExactly("AAPL", "MSFT", "SPY");
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("AAPL"));
    }

    @Test
    void addingValidatesNormalisesSelectsAndReports() {
        assertThat(model.add(" btc-usd ")).isEqualTo(new AddResult.Added(Symbol.of("BTC-USD")));
        assertThat(names(model.symbols())).containsExactly("AAPL", "MSFT", "SPY", "BTC-USD");
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("BTC-USD"));
        assertThat(reported).hasSize(1);
    }

    @Test
    void aSymbolPastedWithNoBreakSpacesAroundItIsAddedOrFoundWithoutThem() {
        assertThat(model.add("\u00A0qqq\u202F")).isEqualTo(new AddResult.Added(Symbol.of("QQQ")));
        assertThat(model.add("\u2007msft\u00A0")).isEqualTo(new AddResult.Found(Symbol.of("MSFT")));
        assertThat(model.add("\u00A0ABCDEFGHIJKLMNOP\u00A0")).as("counted without them")
                .isInstanceOfSatisfying(AddResult.Refused.class,
                        refused -> assertThat(refused.reason()).endsWith("; this one has 16 characters"));
    }

    @Test
    void invalidSymbolsAreRefusedWithAReason() {
        assertThat(model.add("DROP TABLE")).isInstanceOfSatisfying(AddResult.Refused.class,
                refused -> assertThat(refused.reason()).startsWith("Invalid symbol 'DROP TABLE'"));
        assertThat(model.add("ABCDEFGHIJKLMNOP")).isInstanceOf(AddResult.Refused.class);
        assertThat(model.symbols()).hasSize(3);
        assertThat(reported).isEmpty();
    }

    @Test
    void aSymbolTooLongIsRefusedSayingHowLongItIs() {
        assertThat(model.add(" ABCDEFGHIJKLMNOP ")).isInstanceOfSatisfying(AddResult.Refused.class,
                refused -> assertThat(refused.reason()).startsWith("Invalid symbol 'ABCDEFGHIJKLMNOP'")
                        .endsWith("; this one has 16 characters"));
        assertThat(model.add("BTC$USD")).as("within the limit: only the rules")
                .isInstanceOfSatisfying(AddResult.Refused.class,
                        refused -> assertThat(refused.reason()).doesNotContain("this one has"));
    }

    @Test
    void typingASymbolAlreadyListedSelectsItAndAddsNothing() {
        assertThat(model.selectedProperty().get()).isNotEqualTo(Symbol.of("MSFT"));
        assertThat(model.add("msft")).as("a find, not an add").isEqualTo(new AddResult.Found(Symbol.of("MSFT")));
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("MSFT"));
        assertThat(model.symbols()).hasSize(3);
        assertThat(reported).as("the list did not change").isEmpty();
    }

    @Test
    void aFullListRefusesANewSymbolButStillFindsAListedOne() {
        for (int i = model.symbols().size(); i < WatchlistViewModel.MAX_SYMBOLS; i++) {
            assertThat(model.add("S" + i)).isInstanceOf(AddResult.Added.class);
        }
        assertThat(model.add("QQQ")).isEqualTo(new AddResult.Refused("The watchlist holds at most 500 symbols"));
        assertThat(model.add("spy")).isEqualTo(new AddResult.Found(Symbol.of("SPY")));
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("SPY"));
    }

    @Test
    void removingSelectsTheNeighbour() {
        model.selectedProperty().set(Symbol.of("MSFT"));
        model.remove(Symbol.of("MSFT"));
        assertThat(names(model.symbols())).containsExactly("AAPL", "SPY");
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("SPY"));
        model.remove(Symbol.of("SPY"));
        model.remove(Symbol.of("AAPL"));
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(reported).hasSize(3);
    }

    @Test
    void movingReordersWithinBounds() {
        model.move(Symbol.of("SPY"), -1);
        assertThat(names(model.symbols())).containsExactly("AAPL", "SPY", "MSFT");
        model.move(Symbol.of("AAPL"), -5);
        assertThat(reported).hasSize(1).as("a move that changes nothing is not reported");
        model.move(Symbol.of("AAPL"), 10);
        assertThat(names(model.symbols())).containsExactly("SPY", "MSFT", "AAPL");
    }

    @Test
    void updatesFillTheRowsAndFlagProblems() {
        Quote quote = new Quote(Symbol.of("MSFT"), 0, 410.5, -1.25, 44.0, 12.0, 20.0, 90.0, 1.7);
        model.apply(new MarketUpdate(Map.of(Symbol.of("MSFT"), quote), Map.of(), Map.of(),
                Map.of(Symbol.of("SPY"), "unknown symbol"), null, null, Long.MAX_VALUE));
        WatchlistRow msft = model.row(Symbol.of("MSFT")).orElseThrow();
        assertThat(msft.lastProperty().get()).isEqualTo(410.5);
        assertThat(msft.changePercentProperty().get()).isEqualTo(-1.25);
        assertThat(msft.zoneProperty().get()).isEqualTo(Quote.Zone.BELOW_LOWER);
        assertThat(model.row(Symbol.of("SPY")).orElseThrow().problemProperty().get()).isEqualTo("unknown symbol");
        assertThat(model.row(Symbol.of("AAPL")).orElseThrow().lastProperty().get()).isNaN();
    }

    @Test
    void aRowsPriceDecimalsWidenToItsFinestLastPriceUntilAnotherProviderQuotesIt() {
        WatchlistRow msft = model.row(Symbol.of("MSFT")).orElseThrow();
        assertThat(msft.priceDecimals()).as("before any price").isEqualTo(2);
        model.apply(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.SIM)));
        model.apply(last("MSFT", 2.3456));
        model.apply(last("MSFT", 2.35));
        assertThat(msft.priceDecimals()).isEqualTo(4);

        model.apply(MarketUpdate.ofConnection(ConnectionState.connecting(ProviderKind.ALPACA)));
        model.apply(last("MSFT", 415.5));
        assertThat(msft.priceDecimals()).as("the old provider's prices forgotten").isEqualTo(2);
    }

    @Test
    void rowsWithoutPricesSayMarketDataStoppedWhileItIsAndKeepAProblemOfTheirOwn() {
        model.apply(new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(Symbol.of("SPY"), "unknown symbol"), null, null,
                Long.MAX_VALUE));
        model.apply(last("MSFT", 410.5));
        model.apply(MarketUpdate.ofConnection(ConnectionState.stopped(ProviderKind.ALPACA, "Alpaca needs an API key")));

        WatchlistRow aapl = model.row(Symbol.of("AAPL")).orElseThrow();
        assertThat(aapl.problemProperty().get()).isEqualTo("Market data stopped: Alpaca needs an API key");
        assertThat(model.row(Symbol.of("SPY")).orElseThrow().problemProperty().get()).as("its own").isEqualTo("unknown symbol");
        model.add("IBM");
        assertThat(model.row(Symbol.of("IBM")).orElseThrow().problemProperty().get()).as("added while stopped")
                .isEqualTo("Market data stopped: Alpaca needs an API key");

        model.apply(MarketUpdate.ofConnection(ConnectionState.connecting(ProviderKind.ALPACA)));
        assertThat(aapl.problemProperty().get()).as("a new session starting").isEmpty();
        assertThat(model.row(Symbol.of("IBM")).orElseThrow().problemProperty().get()).isEmpty();
        assertThat(model.row(Symbol.of("SPY")).orElseThrow().problemProperty().get()).isEqualTo("unknown symbol");
    }

    private static MarketUpdate last(String symbol, double price) {
        return new MarketUpdate(Map.of(Symbol.of(symbol), new Quote(Symbol.of(symbol), 0, price, 0.1, 50, 50, 20, 90, 1)),
                Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE);
    }

    @Test
    void completenessFromTheStoreReachesItsRowAndLaterValuesWin() {
        MarketUpdate first = MarketUpdate.ofCompleteness(Map.of(Symbol.of("MSFT"), 0.5, Symbol.of("SPY"), 1.0));
        model.apply(first.merge(MarketUpdate.ofCompleteness(Map.of(Symbol.of("MSFT"), 0.75))));
        assertThat(model.row(Symbol.of("MSFT")).orElseThrow().completenessProperty().get()).isEqualTo(0.75);
        assertThat(model.row(Symbol.of("SPY")).orElseThrow().completenessProperty().get()).isEqualTo(1.0);
        assertThat(model.row(Symbol.of("AAPL")).orElseThrow().completenessProperty().get()).as("not reported yet").isNaN();
    }

    @Test
    void aSymbolWithAProblemAndNoDataShowsNoCompletenessUntilItGivesData() {
        model.apply(new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(Symbol.of("SPY"), "unknown symbol"), null, null,
                Long.MAX_VALUE).merge(MarketUpdate.ofCompleteness(Map.of(Symbol.of("SPY"), 1.0))));
        WatchlistRow spy = model.row(Symbol.of("SPY")).orElseThrow();
        assertThat(spy.completenessProperty().get()).as("its empty answers are no history").isNaN();

        model.apply(MarketUpdate.ofCompleteness(Map.of(Symbol.of("SPY"), 1.0)));
        assertThat(spy.completenessProperty().get()).isNaN();

        model.apply(new MarketUpdate(Map.of(Symbol.of("SPY"), new Quote(Symbol.of("SPY"), 0, 600, 0.1, 50, 50, 20, 90, 1)),
                Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE));
        assertThat(spy.completenessProperty().get()).isEqualTo(1.0);
        model.apply(new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(Symbol.of("SPY"), "HTTP 429"), null, null,
                Long.MAX_VALUE));
        assertThat(spy.completenessProperty().get()).as("a later failure of a symbol that gave data").isEqualTo(1.0);
    }

    @Test
    void aProblemSaidOverLeavesItsRowBeforeAnyQuoteWhileOtherRowsKeepTheirsAndANewerProblemWins() {
        Symbol aapl = Symbol.of("AAPL");
        Symbol msft = Symbol.of("MSFT");
        Symbol spy = Symbol.of("SPY");
        String waiting = "Waiting for the history store; its history and prices follow once it answers. The store says: full";
        model.apply(new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(aapl, waiting, msft, waiting, spy, "unknown symbol"),
                null, null, Long.MAX_VALUE).merge(MarketUpdate.ofCompleteness(Map.of(aapl, 0.25))));
        WatchlistRow aaplRow = model.row(aapl).orElseThrow();
        assertThat(aaplRow.completenessProperty().get()).as("no data yet, and a problem").isNaN();

        model.apply(problemsOver(Map.of(), Set.of(aapl)));
        assertThat(aaplRow.problemProperty().get()).isEmpty();
        assertThat(aaplRow.lastProperty().get()).as("no quote came").isNaN();
        assertThat(aaplRow.completenessProperty().get()).as("its stored history, shown once nothing is wrong").isEqualTo(0.25);
        assertThat(model.row(spy).orElseThrow().problemProperty().get()).isEqualTo("unknown symbol");
        assertThat(model.row(msft).orElseThrow().problemProperty().get()).isEqualTo(waiting);

        model.apply(problemsOver(Map.of(msft, "HTTP 429"), Set.of(msft)));
        assertThat(model.row(msft).orElseThrow().problemProperty().get()).as("said with the end, so newer").isEqualTo("HTTP 429");
    }

    private static MarketUpdate problemsOver(Map<Symbol, String> problems, Set<Symbol> over) {
        return new MarketUpdate(Map.of(), Map.of(), Map.of(), problems, null, null, Long.MAX_VALUE, Map.of(), Long.MAX_VALUE,
                Set.of(), over);
    }

    @Test
    void anotherProvidersFirstUpdateClearsEveryRowSoNoFigureOfTheOldOneStays() {
        Quote simulated = new Quote(Symbol.of("MSFT"), 0, 410.5, -1.25, 44.0, 12.0, 20.0, 90.0, 1.7);
        model.apply(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.SIM)));
        model.apply(new MarketUpdate(Map.of(Symbol.of("MSFT"), simulated), Map.of(), Map.of(), Map.of(), null, null,
                Long.MAX_VALUE).merge(MarketUpdate.ofCompleteness(Map.of(Symbol.of("MSFT"), 1.0))));
        model.apply(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.SIM)));
        WatchlistRow msft = model.row(Symbol.of("MSFT")).orElseThrow();
        assertThat(msft.lastProperty().get()).as("same provider: kept").isEqualTo(410.5);

        model.apply(MarketUpdate.ofConnection(ConnectionState.connecting(ProviderKind.ALPACA)));

        assertThat(msft.lastProperty().get()).isNaN();
        assertThat(msft.stochKProperty().get()).isNaN();
        assertThat(msft.zoneProperty().get()).isEqualTo(Quote.Zone.UNDEFINED);
        assertThat(msft.completenessProperty().get()).isNaN();
        Quote real = new Quote(Symbol.of("MSFT"), 0, 415.0, 0.5, 50.0, 50.0, 50.0, 20.0, 1.0);
        model.apply(new MarketUpdate(Map.of(Symbol.of("MSFT"), real), Map.of(), Map.of(), Map.of(), null, null,
                Long.MAX_VALUE));
        assertThat(msft.lastProperty().get()).isEqualTo(415.0);
    }

    @Test
    void theLastRemovalCanBeUndoneInPlaceWithTheFiguresItShowed() {
        model.apply(new MarketUpdate(Map.of(Symbol.of("MSFT"), new Quote(Symbol.of("MSFT"), 0, 410.5, -1.25, 44.0, 12.0, 20.0, 90.0, 1.7)),
                Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE));
        model.selectedProperty().set(Symbol.of("MSFT"));
        model.removeSelected();
        assertThat(model.undoableRemovalProperty().get()).isEqualTo(Symbol.of("MSFT"));

        assertThat(model.undoRemove()).isTrue();

        assertThat(names(model.symbols())).containsExactly("AAPL", "MSFT", "SPY");
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("MSFT"));
        assertThat(model.row(Symbol.of("MSFT")).orElseThrow().lastProperty().get()).isEqualTo(410.5);
        assertThat(reported).hasSize(2);
        assertThat(reported.get(1)).extracting(Symbol::value).containsExactly("AAPL", "MSFT", "SPY");
        assertThat(model.undoableRemovalProperty().get()).isNull();
        assertThat(model.undoRemove()).as("one removal, one undo").isFalse();
    }

    @Test
    void removalsAreUndoneNewestFirstEachBackInItsPlace() {
        model.remove(Symbol.of("MSFT"));
        model.remove(Symbol.of("AAPL"));
        assertThat(model.undoableRemovalProperty().get()).isEqualTo(Symbol.of("AAPL"));

        assertThat(model.undoRemove()).isTrue();
        assertThat(names(model.symbols())).containsExactly("AAPL", "SPY");
        assertThat(model.undoableRemovalProperty().get()).isEqualTo(Symbol.of("MSFT"));

        assertThat(model.undoRemove()).isTrue();
        assertThat(names(model.symbols())).containsExactly("AAPL", "MSFT", "SPY");
        assertThat(model.undoRemove()).isFalse();
    }

    @Test
    void aSymbolAddedAgainByHandLeavesTheOtherRemovalsUndoable() {
        model.remove(Symbol.of("MSFT"));
        model.remove(Symbol.of("SPY"));
        model.add("MSFT"); // at the end, where added symbols go

        assertThat(model.undoableRemovalProperty().get()).isEqualTo(Symbol.of("SPY"));
        assertThat(model.undoRemove()).isTrue();
        assertThat(names(model.symbols())).containsExactly("AAPL", "SPY", "MSFT");
        assertThat(model.undoRemove()).isFalse();
    }

    @Test
    void nothingIsUndoneOnceTheSymbolIsAddedAgainOrTheListIsReplaced() {
        model.remove(Symbol.of("SPY"));
        model.add("SPY");
        assertThat(model.undoableRemovalProperty().get()).isNull();
        assertThat(model.undoRemove()).isFalse();

        model.remove(Symbol.of("AAPL"));
        model.replaceAll(List.of(Symbol.of("BTCUSDT")));
        assertThat(model.undoRemove()).isFalse();
        assertThat(names(model.symbols())).containsExactly("BTCUSDT");
    }

    @Test
    void aListBroughtBackSelectsTheSymbolLastChosenInIt() {
        List<Symbol> stocks = model.symbols();
        model.selectedProperty().set(Symbol.of("MSFT"));
        model.replaceAll(List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT")));
        assertThat(model.selectedProperty().get()).as("a list never seen: its first symbol").isEqualTo(Symbol.of("BTCUSDT"));
        model.selectedProperty().set(Symbol.of("ETHUSDT"));

        model.replaceAll(stocks);
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("MSFT"));
        model.replaceAll(List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT")));
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("ETHUSDT"));
    }
}
