package dev.tradedesk.ui.watchlist;

import static dev.tradedesk.ui.watchlist.WatchlistRows.askForMenu;
import static dev.tradedesk.ui.watchlist.WatchlistRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.testing.PrimaryStage;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.ThemeStylesheets;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Sorting the real watchlist table by its headers, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class WatchlistSortViewTest {

    private WatchlistViewModel model;
    private TableView<WatchlistRow> table;

    @Start
    void start(Stage stage) {
        model = new WatchlistViewModel(List.of(Symbol.of("MSFT"), Symbol.of("SPY"), Symbol.of("AAPL"), Symbol.of("QQQ")),
                symbols -> { });
        model.apply(rsi("MSFT", 55, "SPY", Double.NaN, "AAPL", 30, "QQQ", 70));
        Parent view = (Parent) new WatchlistView(model, () -> { }).createView();
        @SuppressWarnings("unchecked")
        TableView<WatchlistRow> found = (TableView<WatchlistRow>) view.lookup("#watchlist");
        table = found;
        Scene scene = new Scene(view, 520, 300);
        scene.setUserAgentStylesheet(ThemeStylesheets.userAgentStylesheet(Theme.LIGHT));
        scene.getStylesheets().add(WatchlistView.class.getResource("/dev/tradedesk/ui/tradedesk.css").toExternalForm());
        PrimaryStage.show(stage, scene);
    }

    /** An update quoting each symbol at an RSI (NaN: still warming up), its last price 100 more. */
    private static MarketUpdate rsi(Object... symbolsAndValues) {
        Map<Symbol, Quote> quotes = new LinkedHashMap<>();
        for (int i = 0; i < symbolsAndValues.length; i += 2) {
            Symbol symbol = Symbol.of((String) symbolsAndValues[i]);
            double rsi = ((Number) symbolsAndValues[i + 1]).doubleValue();
            quotes.put(symbol, new Quote(symbol, 0, 100 + rsi, 0.5, rsi, 50, 20, 80, 1));
        }
        return new MarketUpdate(quotes, Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE);
    }

    @Test
    void clickingAHeaderSortsTheVisibleRowsUpThenDownThenBackToTheUsersOrder(FxRobot robot) {
        robot.clickOn(header(robot, "RSI"));
        assertThat(visibleSymbols(robot)).containsExactly("AAPL", "MSFT", "QQQ", "SPY");
        assertThat(arrowShown(robot, "RSI")).isTrue();

        robot.clickOn(header(robot, "RSI"));
        assertThat(visibleSymbols(robot)).as("descending, the blank RSI still last").containsExactly("QQQ", "MSFT", "AAPL", "SPY");
        assertThat(model.sortProperty().get()).isEqualTo(WatchlistSort.descending(WatchlistColumn.RSI));

        robot.clickOn(header(robot, "RSI"));
        assertThat(visibleSymbols(robot)).containsExactly("MSFT", "SPY", "AAPL", "QQQ");
        assertThat(arrowShown(robot, "RSI")).isFalse();
        assertThat(model.sortProperty().get()).isNull();

        robot.clickOn(header(robot, "Symbol"));
        assertThat(visibleSymbols(robot)).containsExactly("AAPL", "MSFT", "QQQ", "SPY");
        assertThat(model.symbols()).extracting(Symbol::value).as("the user's own order, untouched")
                .containsExactly("MSFT", "SPY", "AAPL", "QQQ");
    }

    @Test
    void aTickWhileSortedReordersTheVisibleRowsAndTheSelectionStaysOnItsSymbol(FxRobot robot) {
        robot.clickOn(header(robot, "RSI"));
        robot.clickOn(row(robot, "MSFT"));
        List<Symbol> selections = new CopyOnWriteArrayList<>();
        robot.interact(() -> model.selectedProperty().addListener((property, before, after) -> selections.add(after)));

        robot.interact(() -> model.apply(rsi("MSFT", 10, "QQQ", 20)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(visibleSymbols(robot)).containsExactly("MSFT", "QQQ", "AAPL", "SPY");
        assertThat(table.getSelectionModel().getSelectedItem().symbol()).isEqualTo(Symbol.of("MSFT"));
        assertThat(table.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(selections).as("no other symbol selected (and charted) on the way").isEmpty();
    }

    @Test
    void aSortSetOnTheModelShowsInTheHeadersAsARestoredOneDoes(FxRobot robot) {
        robot.interact(() -> model.sortProperty().set(WatchlistSort.descending(WatchlistColumn.LAST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSortOrder()).extracting(TableColumn::getText).containsExactly("Last");
        assertThat(table.getSortOrder().get(0).getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
        assertThat(visibleSymbols(robot)).containsExactly("QQQ", "MSFT", "AAPL", "SPY");

        robot.clickOn(header(robot, "Last"));
        assertThat(model.sortProperty().get()).as("the third click's: the user's order").isNull();
    }

    @Test
    void shiftClickingASecondHeaderLeavesTheSortByOneColumn(FxRobot robot) {
        robot.clickOn(header(robot, "RSI"));
        robot.press(KeyCode.SHIFT).clickOn(header(robot, "Symbol")).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSortOrder()).extracting(TableColumn::getText).containsExactly("RSI");
        assertThat(model.sortProperty().get()).isEqualTo(WatchlistSort.ascending(WatchlistColumn.RSI));
        assertThat(visibleSymbols(robot)).containsExactly("AAPL", "MSFT", "QQQ", "SPY");
    }

    @Test
    void whileSortedTheRowMenuSaysWhyItCannotMoveAndGoesBackToTheUsersOrder(FxRobot robot) {
        robot.clickOn(header(robot, "RSI"));
        askForMenu(robot, row(robot, "MSFT"));
        ContextMenu menu = shownRowMenu();
        MenuItem up = item(menu, "rowMoveUp");
        assertThat(up.isDisable()).isTrue();
        assertThat(up.getText()).isEqualTo("Move up (list sorted by RSI)");
        assertThat(item(menu, "rowMoveDown").isDisable()).isTrue();

        robot.clickOn("Clear sort (back to your own order)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleSymbols(robot)).containsExactly("MSFT", "SPY", "AAPL", "QQQ");
        assertThat(arrowShown(robot, "RSI")).isFalse();
        assertThat(up.isDisable()).isFalse();
        assertThat(up.getText()).isEqualTo("Move up");
        assertThat(item(menu, "rowClearSort").isDisable()).isTrue();
    }

    @Test
    void theMenuKeyAndShiftF10OpenTheSelectedRowsMenuUnderIt(FxRobot robot) {
        robot.clickOn(row(robot, "SPY"));
        robot.type(KeyCode.ESCAPE);
        robot.press(KeyCode.SHIFT).press(KeyCode.F10).release(KeyCode.F10).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu menu = shownRowMenu();
        assertThat(menu.getUserData()).as("the row its actions act on").isEqualTo(Symbol.of("SPY"));
        TableRow<?> spy = row(robot, "SPY");
        assertThat(menu.getAnchorY()).as("under the row").isGreaterThanOrEqualTo(spy.localToScreen(spy.getBoundsInLocal()).getMaxY() - 1);
        robot.interact(menu::hide);

        robot.clickOn(row(robot, "AAPL"));
        robot.type(KeyCode.CONTEXT_MENU);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownRowMenu().getUserData()).isEqualTo(Symbol.of("AAPL"));
        robot.interact(shownRowMenu()::hide);
    }

    @Test
    void altUpWhileSortedSaysWhyNothingMovedUntilTheSortIsCleared(FxRobot robot) {
        robot.clickOn(header(robot, "RSI"));
        robot.clickOn(row(robot, "AAPL"));
        Label note = robot.lookup("#sortedMoveNote").queryAs(Label.class);
        assertThat(note.isVisible()).isFalse();

        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo(
                "The list is sorted by RSI: clear the sort (Watchlist → Clear sort) to move symbols in your own order.");
        assertThat(model.symbols()).extracting(Symbol::value).containsExactly("MSFT", "SPY", "AAPL", "QQQ");

        robot.interact(model::clearSort);
        assertThat(note.isVisible()).as("gone with the sort").isFalse();
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.isVisible()).isFalse();
        assertThat(model.symbols()).extracting(Symbol::value).as("unsorted, Alt+Up moves").containsExactly("MSFT", "AAPL", "SPY", "QQQ");
    }

    /**
     * AtlantaFX's padding and arrow took 12px of a sorted column's header, and cut "Chg %" and
     * "RelVol" to "Ch..." and "Rel...", as its padding alone had before the columns were sortable.
     */
    @Test
    void eachHeaderShowsItsWholeTitleBesideItsSortArrowEvenInTheNarrowestWatchlist(FxRobot robot) {
        assertWholeTitlesWhenSorted(robot, List.of(WatchlistColumn.values()));
        robot.interact(() -> {
            javafx.scene.layout.Region pane = (javafx.scene.layout.Region) robot.lookup("#watchlistPane").query();
            pane.getScene().getWindow().setWidth(pane.minWidth(-1));
        });
        WaitForAsyncUtils.waitForFxEvents();
        // The last column takes what a narrow pane leaves, which at the narrowest is less than its title needs.
        assertWholeTitlesWhenSorted(robot, List.of(WatchlistColumn.values()).subList(0, WatchlistColumn.values().length - 1));
    }

    private void assertWholeTitlesWhenSorted(FxRobot robot, List<WatchlistColumn> columns) {
        for (WatchlistColumn column : columns) {
            robot.interact(() -> model.sortProperty().set(WatchlistSort.descending(column)));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                table.getScene().getRoot().applyCss();
                table.getScene().getRoot().layout();
                TableColumnHeader header = header(robot, column.title());
                Label title = (Label) header.lookup(".label");
                assertThat(((Text) title.lookup(".text")).getText()).as("drawn title of %s", column.title())
                        .isEqualTo(column.title());
                assertThat(arrowShown(robot, column.title())).isTrue();
            });
        }
    }

    private static TableColumnHeader header(FxRobot robot, String title) {
        return robot.lookup("#watchlist .column-header").queryAllAs(TableColumnHeader.class).stream()
                .filter(header -> header.getTableColumn() != null && title.equals(header.getTableColumn().getText()))
                .findFirst().orElseThrow();
    }

    /** Whether the header titled {@code title} draws a sort arrow. */
    private static boolean arrowShown(FxRobot robot, String title) {
        Node arrow = header(robot, title).lookup(".arrow");
        return arrow != null && arrow.isVisible() && arrow.getParent() != null && arrow.getParent().isVisible()
                && arrow.getScene() != null;
    }

    /** The symbols of the rows the table draws, top to bottom. */
    private static List<String> visibleSymbols(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> robot.lookup("#watchlist .table-row-cell")
                .<TableRow<WatchlistRow>>queryAll().stream()
                .filter(row -> !row.isEmpty() && row.isVisible() && row.getItem() != null)
                .sorted(Comparator.comparingDouble(row -> row.localToScene(0, 0).getY()))
                .map(row -> row.getItem().symbol().value()).toList());
    }


    private static ContextMenu shownRowMenu() {
        return javafx.stage.Window.getWindows().stream().filter(window -> window instanceof ContextMenu && window.isShowing())
                .map(ContextMenu.class::cast).findFirst().orElseThrow();
    }

    private static MenuItem item(ContextMenu menu, String id) {
        return menu.getItems().stream().filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }
}
