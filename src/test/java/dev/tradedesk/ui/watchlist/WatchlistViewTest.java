package dev.tradedesk.ui.watchlist;

import static dev.tradedesk.ui.watchlist.WatchlistRows.askForMenu;
import static dev.tradedesk.ui.watchlist.WatchlistRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.testing.PrimaryStage;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.ThemeStylesheets;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import java.util.List;
import java.util.Map;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real watchlist table, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class WatchlistViewTest {

    private WatchlistViewModel model;
    private int finds;

    @Start
    void start(Stage stage) {
        model = new WatchlistViewModel(List.of(Symbol.of("AAPL"), Symbol.of("MSFT")), symbols -> { });
        Scene scene = new Scene((Parent) new WatchlistView(model, () -> finds++).createView(), 520, 300);
        // The app's theme too: it sets the font the columns' widths must fit.
        scene.setUserAgentStylesheet(ThemeStylesheets.userAgentStylesheet(Theme.LIGHT));
        scene.getStylesheets().add(WatchlistView.class.getResource("/dev/tradedesk/ui/tradedesk.css").toExternalForm());
        PrimaryStage.show(stage, scene);
    }

    @Test
    void rowsAreDenseSoALongWatchlistShowsManySymbols(FxRobot robot) {
        TableRow<?> row = robot.lookup(".table-row-cell").<TableRow<?>>queryAll().stream()
                .filter(candidate -> !candidate.isEmpty()).findFirst().orElseThrow();
        assertThat(row.getHeight()).as("AtlantaFX's default rows are 39 px high").isLessThan(30);
    }

    @Test
    void aSeriesThatBecomesCompleteLosesItsIncompleteMark(FxRobot robot) {
        robot.interact(() -> model.apply(MarketUpdate.ofCompleteness(Map.of(Symbol.of("MSFT"), 0.5))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(numberCell(robot, "50.0").getPseudoClassStates()).contains(WatchlistColumns.INCOMPLETE);

        robot.interact(() -> model.apply(MarketUpdate.ofCompleteness(Map.of(Symbol.of("MSFT"), 1.0))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(numberCell(robot, "100.0").getPseudoClassStates()).doesNotContain(WatchlistColumns.INCOMPLETE);
    }

    @Test
    void aNewValueRedrawsItsCellWithoutLayingOutTheTable(FxRobot robot) {
        robot.interact(() -> model.apply(msft(410.5)));
        WaitForAsyncUtils.waitForFxEvents();
        NumberCell last = numberCell(robot, "410.50");
        TableRow<?> row = last.getTableRow();

        robot.interact(() -> {
            row.getScene().getRoot().applyCss();
            row.getScene().getRoot().layout();
            assertThat(row.isNeedsLayout()).as("laid out").isFalse();
            model.apply(msft(9_410.25)); // wider: the text must move left to stay right-aligned
            assertThat(last.shownText()).isEqualTo("9410.25");
            assertThat(row.isNeedsLayout()).as("the row, so the table, is not asked for a layout").isFalse();
            assertThat(last.isNeedsLayout()).isFalse();
        });
        Text value = (Text) last.getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof Text text && "9410.25".equals(text.getText())).findFirst().orElseThrow();
        double rightEdge = value.getBoundsInParent().getMaxX();
        assertThat(rightEdge).as("right-aligned within the padding")
                .isCloseTo(last.getWidth() - last.snappedRightInset(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(value.getBoundsInParent().getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(value.getBoundsInParent().getMaxY()).isLessThanOrEqualTo(last.getHeight());
        assertThat(last.getAccessibleText()).isEqualTo("9410.25");
    }

    @Test
    void lastPricesKeepTheDecimalsTheirSymbolIsQuotedTo(FxRobot robot) {
        // As the chart shows them: XRPUSDT read "2.35" for 2.3456 here, a small coin "0.00".
        robot.interact(() -> {
            model.apply(quote("AAPL", 190.5));
            model.apply(quote("MSFT", 2.3456));
        });
        WaitForAsyncUtils.waitForFxEvents();
        numberCell(robot, "190.50");
        NumberCell xrp = numberCell(robot, "2.3456");

        robot.interact(() -> model.apply(quote("MSFT", 2.35)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(xrp.shownText()).as("a round price keeps the symbol's decimals").isEqualTo("2.3500");

        robot.interact(() -> model.apply(quote("AAPL", 98_123.45)));
        WaitForAsyncUtils.waitForFxEvents();
        numberCell(robot, "98123.45");

        robot.interact(() -> model.apply(quote("MSFT", 0.00001234)));
        WaitForAsyncUtils.waitForFxEvents();
        NumberCell coin = numberCell(robot, "0.00001234");
        Text value = (Text) coin.getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof Text text && "0.00001234".equals(text.getText())).findFirst().orElseThrow();
        assertThat(value.getBoundsInParent().getMinX()).as("whole within its cell, its column widened")
                .isGreaterThanOrEqualTo(0);
    }

    private static MarketUpdate quote(String symbol, double last) {
        return new MarketUpdate(Map.of(Symbol.of(symbol), new Quote(Symbol.of(symbol), 0, last, 0.5, 50.0, 55.0, 20.0, 90.0, 1.1)),
                Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE);
    }

    private static MarketUpdate msft(double last) {
        return quote("MSFT", last);
    }

    @Test
    void colouredCellsSwitchPseudoClassesAndTheStylesheetColoursThem(FxRobot robot) {
        robot.interact(() -> model.apply(new MarketUpdate(Map.of(Symbol.of("MSFT"),
                new Quote(Symbol.of("MSFT"), 0, 410.5, -1.25, 44.0, 12.0, 20.0, 90.0, 1.7)), Map.of(), Map.of(), Map.of(),
                null, null, Long.MAX_VALUE)));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> change = numberCell(robot, "-1.25");
        TableCell<?, ?> stochK = numberCell(robot, "12.0");
        assertThat(change.getPseudoClassStates()).contains(WatchlistColumns.NEGATIVE).doesNotContain(WatchlistColumns.POSITIVE);
        assertThat(stochK.getPseudoClassStates()).contains(WatchlistColumns.STOCH_BELOW_LOWER);
        // The app's stylesheet matches the pseudo-class (its colours need the AtlantaFX theme; bold does not).
        assertThat(stochK.getFont().getStyle()).as("bold beyond a band").containsIgnoringCase("bold");

        robot.interact(() -> model.apply(new MarketUpdate(Map.of(Symbol.of("MSFT"),
                new Quote(Symbol.of("MSFT"), 0, 411.0, 0.5, 50.0, 55.0, 20.0, 90.0, 1.1)), Map.of(), Map.of(), Map.of(),
                null, null, Long.MAX_VALUE)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(numberCell(robot, "+0.50").getPseudoClassStates()).contains(WatchlistColumns.POSITIVE)
                .doesNotContain(WatchlistColumns.NEGATIVE);
        TableCell<?, ?> inside = numberCell(robot, "55.0");
        assertThat(inside.getPseudoClassStates()).doesNotContain(WatchlistColumns.STOCH_BELOW_LOWER, WatchlistColumns.STOCH_ABOVE_UPPER);
        assertThat(inside.getFont().getStyle()).doesNotContainIgnoringCase("bold");
    }

    @Test
    void theRowMenuActsOnTheRowItWasOpenedOn(FxRobot robot) {
        TableRow<?> msft = robot.lookup(".table-row-cell").<TableRow<?>>queryAll().stream()
                .filter(row -> row.getItem() != null && ((WatchlistRow) row.getItem()).symbol().equals(Symbol.of("MSFT")))
                .findFirst().orElseThrow();
        askForMenu(robot, msft);
        robot.clickOn("Move up");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.rows()).extracting(WatchlistRow::symbol).containsExactly(Symbol.of("MSFT"), Symbol.of("AAPL"));

        TableRow<?> empty = robot.lookup(".table-row-cell").<TableRow<?>>queryAll().stream()
                .filter(TableRow::isEmpty).findFirst().orElseThrow();
        askForMenu(robot, empty);
        assertThat(robot.lookup("Move up").tryQuery()).as("no menu on an empty row").isEmpty();
    }

    @Test
    void theRowMenuShowsTheListsKeysAndUndoesARemovalOnceThereIsOne(FxRobot robot) {
        askForMenu(robot, row(robot, "MSFT"));
        ContextMenu menu = shownRowMenu();
        assertThat(menu.getItems()).filteredOn(item -> item.getAccelerator() != null)
                .extracting(MenuItem::getText, item -> item.getAccelerator().getDisplayText())
                .containsExactly(tuple("Move up", "Alt+↑"), tuple("Move down", "Alt+↓"), tuple("Remove", "Delete"),
                        tuple("Undo remove", "Ctrl+Z"));
        MenuItem undo = menu.getItems().get(menu.getItems().size() - 1);
        assertThat(undo.isDisable()).as("nothing removed yet").isTrue();

        robot.clickOn("Remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.symbols()).containsExactly(Symbol.of("AAPL"));
        askForMenu(robot, row(robot, "AAPL"));
        assertThat(undo.isDisable()).isFalse();
        robot.clickOn("Undo remove MSFT");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.symbols()).containsExactly(Symbol.of("AAPL"), Symbol.of("MSFT"));
        assertThat(undo.isDisable()).isTrue();
    }

    @Test
    void theRowMenusKeysDoInTheListWhatItsItemsDoAndNothingOutsideIt(FxRobot robot) {
        askForMenu(robot, row(robot, "MSFT"));
        ContextMenu menu = shownRowMenu();
        java.util.function.Function<String, KeyCombination> key = text -> menu.getItems().stream()
                .filter(item -> item.getText() != null && item.getText().startsWith(text)).findFirst().orElseThrow().getAccelerator();
        robot.interact(menu::hide);
        robot.interact(() -> assertThat(row(robot, "MSFT").getScene().getAccelerators())
                .as("the window's, which act while typing too").doesNotContainKeys(key.apply("Remove"), key.apply("Undo remove")));
        robot.interact(() -> model.selectedProperty().set(Symbol.of("MSFT")));

        press(robot, key.apply("Move up"));
        assertThat(model.symbols()).containsExactly(Symbol.of("MSFT"), Symbol.of("AAPL"));
        press(robot, key.apply("Move down"));
        assertThat(model.symbols()).containsExactly(Symbol.of("AAPL"), Symbol.of("MSFT"));
        press(robot, key.apply("Remove"));
        assertThat(model.symbols()).containsExactly(Symbol.of("AAPL"));
        press(robot, key.apply("Undo remove"));
        assertThat(model.symbols()).containsExactly(Symbol.of("AAPL"), Symbol.of("MSFT"));
    }

    /** Presses {@code key} in the list, as the keyboard would with the list focused. */
    private static void press(FxRobot robot, KeyCombination key) {
        KeyCodeCombination code = (KeyCodeCombination) key;
        boolean shortcut = code.getShortcut() == KeyCombination.ModifierValue.DOWN;
        robot.interact(() -> Event.fireEvent(robot.lookup("#watchlist").query(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "",
                code.getCode(), code.getShift() == KeyCombination.ModifierValue.DOWN,
                shortcut || code.getControl() == KeyCombination.ModifierValue.DOWN,
                code.getAlt() == KeyCombination.ModifierValue.DOWN, code.getMeta() == KeyCombination.ModifierValue.DOWN)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static ContextMenu shownRowMenu() {
        return javafx.stage.Window.getWindows().stream().filter(window -> window instanceof ContextMenu && window.isShowing())
                .map(ContextMenu.class::cast).findFirst().orElseThrow();
    }

    @Test
    void enterOnAListedSymbolIsAFindThatHandsTheKeyboardOnWhileAnAddOrAMistakeKeepsIt(FxRobot robot) {
        TextField box = robot.lookup("#symbolField").queryAs(TextField.class);
        robot.clickOn(box).write("spy").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.symbols()).contains(Symbol.of("SPY"));
        assertThat(finds).as("an add: the box keeps the keyboard for the next symbol").isZero();
        assertThat(box.getText()).isEmpty();

        robot.write("spy?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(finds).as("a mistake, kept in the box to be corrected").isZero();
        assertThat(box.getText()).isEqualTo("spy?");
        assertThat(robot.lookup("#symbolError").queryAs(Label.class).getText()).startsWith("Invalid symbol");

        robot.interact(box::clear);
        robot.write("msft").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(finds).as("a find").isEqualTo(1);
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("MSFT"));
        assertThat(box.getText()).isEmpty();
        assertThat(model.symbols()).hasSize(3);
    }

    @Test
    void enterOnNoBreakSpacesAloneIsNothingTypedAsOnSpaces(FxRobot robot) {
        TextField box = robot.lookup("#symbolField").queryAs(TextField.class);
        robot.clickOn(box);
        robot.interact(() -> box.setText("\u00A0\u202F"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#symbolError").queryAs(Label.class).getText()).isEmpty();
        assertThat(model.symbols()).hasSize(2);
    }

    @Test
    void aRefusalGoesWhenTheKeyboardLeavesTheSymbolBoxAndItsAddButtonButItsTextStays(FxRobot robot) {
        TextField box = robot.lookup("#symbolField").queryAs(TextField.class);
        Label error = robot.lookup("#symbolError").queryAs(Label.class);
        robot.clickOn(box).write("spy?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.isVisible()).as("refused").isTrue();

        robot.clickOn("#addSymbol");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.isVisible()).as("still the entry's: Add gives the same refusal").isTrue();

        robot.clickOn(row(robot, "MSFT"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.isVisible()).as("the keyboard is in the list").isFalse();
        assertThat(error.getText()).isEmpty();
        assertThat(box.getText()).as("kept, to be corrected").isEqualTo("spy?");

        robot.clickOn(box).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.getText()).as("Enter says it again").startsWith("Invalid symbol");
    }

    @Test
    void deleteRemovesTheSelectedRowSelectingTheNextAndCtrlZInTheListPutsItBack(FxRobot robot) {
        robot.interact(() -> model.add("SPY"));
        robot.clickOn(row(robot, "MSFT"));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.symbols()).containsExactly(Symbol.of("AAPL"), Symbol.of("SPY"));
        assertThat(model.selectedProperty().get()).as("the row that took its place").isEqualTo(Symbol.of("SPY"));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.symbols()).containsExactly(Symbol.of("AAPL"), Symbol.of("MSFT"), Symbol.of("SPY"));
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("MSFT"));
    }

    @Test
    void movingTheSelectedRowKeepsItSelectedAndNeverSelectsANeighbour(FxRobot robot) {
        List<Symbol> selections = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> model.selectedProperty().addListener((property, before, after) -> selections.add(after)));
        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("AAPL"));

        askForMenu(robot, row(robot, "AAPL"));
        robot.clickOn("Move down");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.rows()).extracting(WatchlistRow::symbol).containsExactly(Symbol.of("MSFT"), Symbol.of("AAPL"));

        robot.clickOn("#watchlist").press(KeyCode.ALT).type(KeyCode.UP).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.rows()).extracting(WatchlistRow::symbol).containsExactly(Symbol.of("AAPL"), Symbol.of("MSFT"));

        assertThat(model.selectedProperty().get()).isEqualTo(Symbol.of("AAPL"));
        assertThat(selections).as("every symbol selected on the way (each one a chart load)").isEmpty();
    }

    @Test
    void commonSymbolsFitTheirColumnAndALongOneShowsWhole(FxRobot robot) {
        List<String> common = java.util.stream.Stream.concat(java.util.stream.Stream.of("ETH/USDT", "BRK.B"),
                java.util.stream.Stream.of(Watchlists.DEFAULTS.stocks(), Watchlists.DEFAULTS.binance(), Watchlists.DEFAULTS.coinbase())
                        .flatMap(List::stream).map(Symbol::value)).toList();
        for (String symbol : common) {
            robot.interact(() -> model.add(symbol));
        }
        robot.interact(() -> model.add("ABCDEFGHIJKLMNO"));
        // Tall enough for every row: the check reads the cells the table lays out.
        robot.interact(() -> robot.lookup("#watchlist").query().getScene().getWindow().setHeight(1400));
        WaitForAsyncUtils.waitForFxEvents();
        for (String symbol : common) {
            assertThat(shownSymbol(robot, symbol)).as("not cut short").isEqualTo(symbol);
        }
        TableCell<?, ?> longest = symbolCell(robot, "ABCDEFGHIJKLMNO");
        assertThat(longest.getTooltip()).as("a symbol cut short is whole in its tooltip").isNotNull();
        assertThat(longest.getTooltip().getText()).isEqualTo("ABCDEFGHIJKLMNO");
    }

    @Test
    void everyDefaultSymbolShowsWholeWithItsWarningSignInTheNarrowestWatchlist(FxRobot robot) {
        // On Binance with no network every row has the sign, and "DOGEUSDT" read "DOGEU...". The
        // narrowest watchlist is also the one at the default window size (1400 x 0.34 is below it).
        List<String> defaults = java.util.stream.Stream.of(Watchlists.DEFAULTS.stocks(), Watchlists.DEFAULTS.binance(),
                Watchlists.DEFAULTS.coinbase()).flatMap(List::stream).map(Symbol::value).toList();
        robot.interact(() -> {
            model.replaceAll(defaults.stream().map(Symbol::of).toList());
            model.apply(new MarketUpdate(Map.of(), Map.of(), Map.of(), defaults.stream().collect(
                    java.util.stream.Collectors.toMap(Symbol::of, symbol -> "connection failed")), null, null, Long.MAX_VALUE));
            javafx.scene.layout.Region pane = (javafx.scene.layout.Region) robot.lookup("#watchlistPane").query();
            pane.getScene().getWindow().setWidth(pane.minWidth(-1));
            pane.getScene().getWindow().setHeight(1400);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            javafx.scene.layout.Region pane = (javafx.scene.layout.Region) robot.lookup("#watchlistPane").query();
            assertThat(pane.getWidth()).as("the pane at its narrowest").isEqualTo(pane.minWidth(-1), org.assertj.core.data.Offset.offset(1.0));
        });
        assertThat(defaults.stream().map(symbol -> shownSymbol(robot, symbol)).toList()).as("not cut short")
                .isEqualTo(defaults);
        for (String symbol : defaults) {
            TableCell<?, ?> cell = symbolCell(robot, symbol);
            assertThat(cell.getGraphic()).as("the sign of %s", symbol).isNotNull();
            // With room to spare for a desktop font 5 % wider than this one: the desktop's GTK font
            // can be wider than the test toolkit's.
            double needed = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> 1.05 * (textWidth(symbol, cell.getFont())
                    + ((Label) cell.getGraphic()).prefWidth(-1)) + cell.getGraphicTextGap() + cell.snappedLeftInset()
                    + cell.snappedRightInset());
            assertThat(cell.getWidth()).as("room for %s and its sign in a slightly wider font", symbol).isGreaterThanOrEqualTo(needed);
        }
    }

    private static double textWidth(String text, javafx.scene.text.Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }

    @Test
    void aLongSymbolWithAProblemKeepsItsWarningSignWhenItIsCutShort(FxRobot robot) {
        // The sign was the text's end, "ETH/USDT  ⚠", so the ellipsis took it: "ETH/USDT..." read
        // as a symbol without a problem but for its colour.
        for (String symbol : List.of("ETH/USDT", "ABCDEFGHIJKLMNO")) {
            robot.interact(() -> model.add(symbol));
            robot.interact(() -> model.apply(new MarketUpdate(Map.of(), Map.of(), Map.of(),
                    Map.of(Symbol.of(symbol), "unknown symbol"), null, null, Long.MAX_VALUE)));
        }
        robot.interact(() -> robot.lookup("#watchlist").query().getScene().getWindow().setHeight(600));
        WaitForAsyncUtils.waitForFxEvents();
        for (String symbol : List.of("AAPL", "ETH/USDT", "ABCDEFGHIJKLMNO")) {
            robot.interact(() -> model.apply(new MarketUpdate(Map.of(), Map.of(), Map.of(),
                    Map.of(Symbol.of(symbol), "unknown symbol"), null, null, Long.MAX_VALUE)));
            WaitForAsyncUtils.waitForFxEvents();
            TableCell<?, ?> cell = symbolCell(robot, symbol);
            String drawn = shownSymbol(robot, symbol);
            // Drawn whole and within the cell: a Text the cell's label holds, or its graphic's.
            List<String> signs = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> cell.lookupAll(".text").stream()
                    .filter(node -> node instanceof Text && node.isVisible()
                            && cell.sceneToLocal(node.localToScene(node.getLayoutBounds())).getMaxX() <= cell.getWidth())
                    .map(node -> ((Text) node).getText()).filter(text -> text.contains("⚠")).toList());
            assertThat(signs).as("the warning sign drawn for %s (drawn: %s)", symbol, drawn).isNotEmpty();
            assertThat(drawn).as("its symbol, or as much of it as fits").startsWith(symbol.substring(0, 4));
        }
    }

    @Test
    void everyHeaderSaysWhatItsColumnHoldsAndTheIndicatorsSayTheirTimeframe(FxRobot robot) {
        List<TableColumnHeader> headers = robot.lookup("#watchlist .column-header").queryAllAs(TableColumnHeader.class)
                .stream().filter(header -> header.getTableColumn() != null).toList();
        assertThat(headers).hasSize(7);
        for (TableColumnHeader header : headers) {
            String title = header.getTableColumn().getText();
            Tooltip tooltip = (Tooltip) header.getProperties().get("javafx.scene.control.Tooltip");
            assertThat(tooltip).as("tooltip of " + title).isNotNull();
            if (List.of("RSI", "%K", "RelVol").contains(title)) {
                assertThat(tooltip.getText()).as(title).contains("1-minute bar");
            }
        }
    }

    @Test
    void escapeReachesTheWindowThoughASymbolsOrAHeadersTooltipShows(FxRobot robot) {
        TextField field = robot.lookup("#symbolField").queryAs(TextField.class);
        // As the main window does: Esc leaves the symbol box for the chart.
        robot.interact(() -> field.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                key.consume();
                field.clear();
            }
        }));
        TableColumnHeader header = robot.lookup("#watchlist .column-header").queryAllAs(TableColumnHeader.class).stream()
                .filter(candidate -> candidate.getTableColumn() != null).findFirst().orElseThrow();
        TableCell<?, ?> aapl = symbolCell(robot, "AAPL");
        Map<javafx.scene.Node, Tooltip> hovered = Map.of(aapl, aapl.getTooltip(),
                header, (Tooltip) header.getProperties().get("javafx.scene.control.Tooltip"));
        for (Map.Entry<javafx.scene.Node, Tooltip> each : hovered.entrySet()) {
            javafx.scene.Node under = each.getKey();
            Tooltip tooltip = each.getValue();
            robot.interact(() -> {
                field.requestFocus();
                field.setText("NVD");
                // As the mouse resting on the watchlist shows it.
                Bounds bounds = under.localToScreen(under.getLayoutBounds());
                tooltip.show(under, bounds.getMinX(), bounds.getMaxY() + 4);
            });
            assertThat(tooltip.isShowing()).isTrue();

            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(tooltip.isShowing()).as("Esc hides the tooltip").isFalse();
            assertThat(field.getText()).as("and still leaves the symbol box, the tooltip over the %s showing", under.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void aLongRefusalWrapsWholeAboveTheTable(FxRobot robot) {
        robot.interact(() -> {
            TextField field = robot.lookup("#symbolField").queryAs(TextField.class);
            // In the 520 x 300 window the message needs two lines, and the table wants more height than there is.
            field.setText("BAD$SYM");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        robot.interact(() -> {
            Parent root = robot.lookup("#symbolField").query().getScene().getRoot();
            root.applyCss();
            root.layout();
        });
        Label error = robot.lookup("#symbolError").queryAs(Label.class);
        assertThat(error.getText()).startsWith("Invalid symbol 'BAD$SYM'");
        Text drawn = (Text) error.lookup(".text");
        assertThat(drawn.getText()).as("not cut short").isEqualTo(error.getText());
        assertThat(error.getHeight()).as("tall enough for all its lines")
                .isGreaterThanOrEqualTo(error.prefHeight(error.getWidth()) - 0.5);
    }

    private static TableCell<?, ?> symbolCell(FxRobot robot, String symbol) {
        return (TableCell<?, ?>) row(robot, symbol).getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && !(cell instanceof NumberCell))
                .findFirst().orElseThrow();
    }

    /** The text the symbol cell draws: JavaFX shortens a label that does not fit with an ellipsis. */
    private static String shownSymbol(FxRobot robot, String symbol) {
        TableCell<?, ?> cell = symbolCell(robot, symbol);
        return cell.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(node -> ((Text) node).getText())
                .findFirst().orElseThrow();
    }


    private static NumberCell numberCell(FxRobot robot, String text) {
        return robot.lookup(".number-cell").<NumberCell>queryAll().stream()
                .filter(cell -> text.equals(cell.shownText())).findFirst().orElseThrow();
    }
}
