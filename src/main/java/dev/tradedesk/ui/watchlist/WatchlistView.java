package dev.tradedesk.ui.watchlist;

import atlantafx.base.theme.Styles;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.ui.EscapePassingTooltip;
import dev.tradedesk.ui.FxThread;
import dev.tradedesk.ui.live.Quote;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.TableCellSkin;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The watchlist: a symbol field to add to it, and a table of symbol, last price, change %, RSI,
 * StochRSI %K (coloured below the lower and above the upper dynamic band) and relative volume.
 * Delete removes the selected symbol, Alt+Up/Down move it, Ctrl+Z puts the last removed back; the
 * same is in the row menu, with these keys beside its items. A thin view over
 * {@link WatchlistViewModel}; JavaFX thread only.
 */
public final class WatchlistView {

    // A number cell's colour is a pseudo-class, not a style class: every tick restyles hundreds of
    // cells, and a style-class change makes JavaFX match the whole stylesheet against the cell
    // again, where a pseudo-class change only switches between the rules already matched.
    static final PseudoClass STOCH_BELOW_LOWER = PseudoClass.getPseudoClass("stoch-below-lower");
    static final PseudoClass STOCH_ABOVE_UPPER = PseudoClass.getPseudoClass("stoch-above-upper");
    static final PseudoClass NEGATIVE = PseudoClass.getPseudoClass("change-negative");
    static final PseudoClass POSITIVE = PseudoClass.getPseudoClass("change-positive");
    /** A series whose stored history has ranges not yet fetched whole. */
    static final PseudoClass INCOMPLETE = PseudoClass.getPseudoClass("history-incomplete");
    static final String SYMBOL_PROBLEM = "symbol-problem";
    /** A symbol's problem wraps at this width in its tooltip, as the status bar's reasons do. */
    static final double PROBLEM_TOOLTIP_MAX_WIDTH = 520;
    // The list's own keys, which act while it has the keyboard: the row menu shows them as its
    // accelerators and the window's keyboard help lists them. Never the window's accelerators:
    // Delete and Ctrl+Z must not remove or restore a symbol while the user types elsewhere.
    /** Removes the selected symbol. */
    public static final KeyCombination REMOVE_KEY = new KeyCodeCombination(KeyCode.DELETE);
    /** Moves the selected symbol up a place. */
    public static final KeyCombination MOVE_UP_KEY = new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
    /** Moves the selected symbol down a place. */
    public static final KeyCombination MOVE_DOWN_KEY = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
    /** Puts back the symbol removed last. */
    public static final KeyCombination UNDO_REMOVE_KEY = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final String DESCRIPTION = "tradedesk.description";
    private static final double PANE_CHROME_WIDTH = 32;

    private final WatchlistViewModel model;
    private final Runnable afterFind;
    private final TextField symbolField = new TextField();
    private final TableView<WatchlistRow> table = new TableView<>();

    /**
     * @param afterFind run when a symbol typed in the box was found in the list rather than added
     *     (the box is then empty): the user came to see it, not to add more, so the window hands the
     *     keyboard on. After an add the keyboard stays in the box, for the next symbol.
     */
    public WatchlistView(WatchlistViewModel model, Runnable afterFind) {
        this.model = model;
        this.afterFind = Objects.requireNonNull(afterFind);
    }

    public TextField symbolField() {
        return symbolField;
    }

    public TableView<WatchlistRow> table() {
        return table;
    }

    /**
     * Leaves the table empty until {@code due} completes, then shows the rows (and the selection).
     * For a window's first show: styling the first rows, cold, takes as long as the rest of the
     * window together, so the workstation puts its chart on screen first. Call before the view is
     * shown; {@code due} may complete on any thread.
     */
    public void showRowsWhen(CompletionStage<?> due) {
        Node placeholder = table.getPlaceholder();
        table.setPlaceholder(new Label(""));
        table.setItems(FXCollections.observableArrayList());
        due.whenComplete((done, failure) -> FxThread.run(() -> {
            if (table.getItems() != model.rows()) {
                table.setItems(model.rows());
                table.setPlaceholder(placeholder);
                select(model.selectedProperty().get());
            }
        }));
    }

    public Node createView() {
        symbolField.setId("symbolField");
        symbolField.setPromptText("Add or find a symbol (Ctrl+F)");
        Button add = new Button("Add");
        add.setId("addSymbol");
        Label error = new Label();
        error.setId("symbolError");
        error.getStyleClass().add("symbol-error");
        error.setWrapText(true);
        // Its lines, not one: the table below takes what is left, and a VBox short of room would
        // squeeze the message to its first line, cut short.
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.managedProperty().bind(error.visibleProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        Runnable submit = () -> {
            String text = symbolField.getText();
            if (text == null || text.isBlank()) {
                return;
            }
            AddResult result = model.add(text);
            if (result instanceof AddResult.Refused refused) {
                error.setText(refused.reason()); // the text stays, to be corrected
                return;
            }
            error.setText("");
            symbolField.clear();
            if (result instanceof AddResult.Found) {
                afterFind.run();
            }
        };
        add.setOnAction(event -> submit.run());
        symbolField.setOnAction(event -> submit.run());
        symbolField.textProperty().addListener((property, before, after) -> error.setText(""));
        HBox.setHgrow(symbolField, Priority.ALWAYS);
        HBox entry = new HBox(6, symbolField, add);
        entry.getStyleClass().add("watchlist-entry");

        createTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox view = new VBox(6, entry, error, table);
        view.setId("watchlistPane");
        view.getStyleClass().add("watchlist");
        // The splitter stops where every column still shows whole: narrower, the table would cut
        // the right-hand columns off without a scroll bar. Room for the pane's padding, the table's
        // border and a vertical scroll bar comes on top. A column widened to a long number moves it.
        view.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + PANE_CHROME_WIDTH,
                table.getColumns().stream().map(TableColumn::minWidthProperty).toArray(Observable[]::new)));
        return view;
    }

    private void createTable() {
        table.setId("watchlist");
        // Dense rows (27 px, not AtlantaFX's 39): a trader watches dozens of symbols, and the
        // default 900 px high window showed seventeen.
        table.getStyleClass().add(Styles.DENSE);
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Add a symbol above"));
        TableColumn<WatchlistRow, String> symbol = new TableColumn<>("Symbol");
        // Depends on the problem too, so a symbol turning "unknown" redraws its cell.
        symbol.setCellValueFactory(cell -> javafx.beans.binding.Bindings.createStringBinding(
                () -> cell.getValue().problemProperty().get(), cell.getValue().problemProperty()));
        symbol.setCellFactory(column -> new SymbolCell());
        describe(symbol, "Symbol; ⚠ marks one without live values for a reason its tooltip gives (the provider's,"
                + " or the history store's)");
        table.getColumns().add(symbol);
        table.getColumns().add(numberColumn("Last", "Last price", LastPriceCell::new));
        table.getColumns().add(numberColumn("Chg %", "Change of the last price since the open of the session's first bar, in %",
                () -> new NumberCell(WatchlistRow::changePercentProperty, WatchlistView::formatChange,
                        WatchlistView::changeStyle)));
        table.getColumns().add(numberColumn("RSI", "RSI of 1-minute bars, whatever the chart's timeframe",
                () -> new NumberCell(WatchlistRow::rsiProperty, value -> format(value, 1), null)));
        table.getColumns().add(numberColumn("%K",
                "StochRSI %K of 1-minute bars, whatever the chart's timeframe; bold and coloured below the lower"
                        + " or above the upper dynamic band", StochKCell::new));
        table.getColumns().add(numberColumn("RelVol", "Volume of the latest 1-minute bar over its moving average",
                () -> new NumberCell(WatchlistRow::relativeVolumeProperty, value -> format(value, 2), null)));
        // Floor, not round: 99.96% whole must not read as 100.0.
        table.getColumns().add(numberColumn("Hist %",
                "Share of the tracked 1-minute history stored; below 100 while ranges are still to be fetched",
                () -> new NumberCell(WatchlistRow::completenessProperty,
                        value -> format(Math.floor(value * 1000) / 10, 1), value -> value < 1 ? INCOMPLETE : null)));
        table.getColumns().forEach(column -> column.setSortable(false));
        // The skin makes the headers at its first layout.
        table.needsLayoutProperty().addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> property, Boolean before, Boolean needsLayout) {
                if (!needsLayout && describeHeaders()) {
                    table.needsLayoutProperty().removeListener(this);
                }
            }
        });
        // Symbols as long as "ETH/USDT" and "DOGE-USD" fit in the desktop's font, a little wider than
        // the test toolkit's (longer ones show whole in their tooltip); numbers never shrink below their
        // widest value (%K: a bold "100.0"); the last column takes what a narrow pane leaves.
        double[] widths = {100, 72, 66, 52, 58, 62, 64};
        int last = widths.length - 1;
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setMinWidth(i == last ? widths[i] * 0.8 : widths[i]);
            table.getColumns().get(i).setPrefWidth(widths[i]);
        }

        table.getSelectionModel().selectedItemProperty().addListener((property, before, row) -> {
            if (row != null) {
                model.selectedProperty().set(row.symbol());
            }
        });
        model.selectedProperty().addListener((property, before, selected) -> select(selected));
        select(model.selectedProperty().get());
        // One menu for all rows, shown for the row it was asked on: a menu per row built a popup
        // window and its scene for every visible row (5 % of the window's first show in a profile).
        ContextMenu rowMenu = rowMenu();
        table.setRowFactory(view -> {
            TableRow<WatchlistRow> row = new TableRow<>();
            row.setOnContextMenuRequested(event -> {
                if (!row.isEmpty()) {
                    rowMenu.setUserData(row.getItem().symbol());
                    rowMenu.show(row, event.getScreenX(), event.getScreenY());
                }
                event.consume();
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /**
     * The row menu; its row actions are on the symbol in its user data, set as it is shown. Its
     * accelerators are the list's keys, shown as hints: a menu shown by {@code show}, not set as a
     * control's context menu, puts none of them into the scene, so they act only through
     * {@link #onKey}, in the list.
     */
    private ContextMenu rowMenu() {
        ContextMenu menu = new ContextMenu();
        MenuItem up = rowMenuItem("rowMoveUp", "Move up", MOVE_UP_KEY);
        up.setOnAction(event -> model.move((Symbol) menu.getUserData(), -1));
        MenuItem down = rowMenuItem("rowMoveDown", "Move down", MOVE_DOWN_KEY);
        down.setOnAction(event -> model.move((Symbol) menu.getUserData(), 1));
        MenuItem remove = rowMenuItem("rowRemove", "Remove", REMOVE_KEY);
        remove.setOnAction(event -> model.remove((Symbol) menu.getUserData()));
        MenuItem undo = rowMenuItem("rowUndoRemove", "Undo remove", UNDO_REMOVE_KEY);
        undo.textProperty().bind(model.undoableRemovalProperty().map(symbol -> "Undo remove " + symbol.value())
                .orElse("Undo remove"));
        undo.disableProperty().bind(model.undoableRemovalProperty().isNull());
        undo.setOnAction(event -> model.undoRemove());
        menu.getItems().setAll(up, down, remove, new SeparatorMenuItem(), undo);
        return menu;
    }

    private static MenuItem rowMenuItem(String id, String text, KeyCombination key) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(key);
        return item;
    }

    private void onKey(KeyEvent event) {
        if (UNDO_REMOVE_KEY.match(event)) {
            model.undoRemove();
            event.consume();
            return;
        }
        if (isPlainHorizontalArrow(event) && runAccelerator(event)) {
            return;
        }
        if (model.selectedProperty().get() == null) {
            return;
        }
        if (REMOVE_KEY.match(event)) {
            model.removeSelected();
            event.consume();
        } else if (MOVE_UP_KEY.match(event) || MOVE_DOWN_KEY.match(event)) {
            model.moveSelected(MOVE_UP_KEY.match(event) ? -1 : 1);
            event.consume();
        }
    }

    private static boolean isPlainHorizontalArrow(KeyEvent event) {
        return (event.getCode() == KeyCode.LEFT || event.getCode() == KeyCode.RIGHT) && !event.isShiftDown()
                && !event.isControlDown() && !event.isAltDown() && !event.isMetaDown() && !event.isShortcutDown();
    }

    /**
     * Runs the window's accelerator for {@code event}, if it has one. A list of whole rows has no
     * use for Left and Right (the table moves a cell focus nobody sees) and consumed them, so the
     * arrows that pan the chart everywhere else in the window did nothing after a click on a row.
     */
    private boolean runAccelerator(KeyEvent event) {
        if (table.getScene() == null) {
            return false;
        }
        for (Map.Entry<KeyCombination, Runnable> accelerator : table.getScene().getAccelerators().entrySet()) {
            if (accelerator.getKey().match(event)) {
                event.consume();
                accelerator.getValue().run();
                return true;
            }
        }
        return false;
    }

    private void select(Symbol symbol) {
        if (symbol == null) {
            table.getSelectionModel().clearSelection();
            return;
        }
        model.row(symbol).ifPresent(row -> {
            if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        });
    }

    /**
     * A column of numbers whose cells watch their row's property themselves ({@link NumberCell}):
     * the column's value is the row, which never changes.
     */
    private static TableColumn<WatchlistRow, WatchlistRow> numberColumn(String title, String description,
            Supplier<NumberCell> cells) {
        TableColumn<WatchlistRow, WatchlistRow> column = new TableColumn<>(title);
        describe(column, description);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(view -> cells.get());
        column.getStyleClass().add("number-column");
        return column;
    }

    private static void describe(TableColumn<?, ?> column, String description) {
        column.getProperties().put(DESCRIPTION, description);
    }

    /**
     * Each header's tooltip says what its column holds: the short titles cannot say that the
     * indicators are of 1-minute bars whatever the chart shows. The headers are the skin's.
     *
     * @return whether the headers were there
     */
    private boolean describeHeaders() {
        boolean found = false;
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.getTableColumn().getProperties().get(DESCRIPTION) instanceof String description) {
                Tooltip.install(header, new EscapePassingTooltip(description));
                found = true;
            }
        }
        return found;
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** "+1.25", "-0.40", and "0.00" for a change that rounds to nothing (not "-0.00"). */
    static String formatChange(double percent) {
        double shown = shownChange(percent);
        return String.format(Locale.ROOT, shown == 0 ? "%.2f" : "%+.2f", shown == 0 ? 0.0 : shown);
    }

    /** Coloured by the change as shown: one that rounds to 0.00 is neither up nor down. */
    private static PseudoClass changeStyle(double percent) {
        double shown = shownChange(percent);
        return shown < 0 ? NEGATIVE : shown > 0 ? POSITIVE : null;
    }

    private static double shownChange(double percent) {
        return Math.round(percent * 100) / 100.0;
    }

    /**
     * A number of the row's, right-aligned, kept up to date without laying out the table. A table
     * cell bound to a value the usual way (the column's value factory) takes each change of it as
     * a request for layout, and a table that finds any cell needing layout re-lays out and
     * re-styles every visible cell: with 50 rows ticking, a full table layout per tick. So the
     * column's value is the row, which never changes, and the cell listens to the row's property
     * itself and shows the number in an unmanaged {@link Text} that it places itself: changes to an
     * unmanaged node stop at the node, so a new value costs one text and its position. The text
     * takes the cell's font and text fill, so the cell's style (pseudo-classes, selection) colours
     * it as it would the cell's own text.
     */
    static class NumberCell extends TableCell<WatchlistRow, WatchlistRow> {
        private final Function<WatchlistRow, ObservableDoubleValue> property;
        private final Function<Double, String> format;
        private final Function<Double, PseudoClass> state;
        private final Text value = new Text();
        private final InvalidationListener changed = observable -> refresh();
        // Weak: a row outlives the cells of a table that is thrown away.
        private final WeakInvalidationListener weaklyChanged = new WeakInvalidationListener(changed);
        private WatchlistRow watched;
        private PseudoClass shown;

        NumberCell(Function<WatchlistRow, ObservableDoubleValue> property, Function<Double, String> format,
                Function<Double, PseudoClass> state) {
            this.property = property;
            this.format = format;
            this.state = state;
            getStyleClass().add("number-cell");
            value.setManaged(false);
            value.setTextOrigin(VPos.CENTER);
            value.fontProperty().bind(fontProperty());
            value.fillProperty().bind(textFillProperty());
        }

        @Override
        protected Skin<?> createDefaultSkin() {
            return new NumberCellSkin(this, value);
        }

        @Override
        protected void updateItem(WatchlistRow row, boolean empty) {
            super.updateItem(row, empty);
            WatchlistRow next = empty ? null : row;
            if (next != watched) {
                if (watched != null) {
                    dependencies(watched).forEach(observable -> observable.removeListener(weaklyChanged));
                }
                watched = next;
                if (next != null) {
                    dependencies(next).forEach(observable -> observable.addListener(weaklyChanged));
                }
            }
            refresh();
        }

        /** What the shown number and colour depend on. */
        List<Observable> dependencies(WatchlistRow row) {
            return List.of(property.apply(row));
        }

        private void refresh() {
            double number = watched == null ? Double.NaN : property.apply(watched).get();
            boolean blank = Double.isNaN(number);
            String text = blank ? "" : text(number);
            if (!text.equals(value.getText())) {
                value.setText(text);
                setAccessibleText(blank ? null : text);
                place();
                fitColumn();
            }
            show(blank ? null : state(number));
        }

        /**
         * Right-aligned within the padding, centred vertically. By translation: moving an
         * unmanaged node by its layout position would still ask the row for a layout.
         */
        void place() {
            double right = getWidth() - snappedRightInset();
            double top = snappedTopInset();
            double middle = top + (getHeight() - top - snappedBottomInset()) / 2;
            value.setTranslateX(Math.round(right - value.getLayoutBounds().getWidth()));
            value.setTranslateY(Math.round(middle)); // the text's origin is its vertical centre
        }

        /** {@code number} as shown in this cell. */
        String text(double number) {
            return format.apply(number);
        }

        /**
         * Widens the column when the number would reach past the cell's left edge, over the symbol
         * beside it: a last price of "0.00001234" or "2467066.50" is wider than the column's 72 px.
         * Never narrows it, so a price moving to and fro across a length does not make the table
         * jump; a widening lays out the table once.
         */
        void fitColumn() {
            TableColumn<WatchlistRow, WatchlistRow> column = getTableColumn();
            double needed = Math.ceil(value.getLayoutBounds().getWidth() + snappedRightInset());
            if (column != null && needed > column.getWidth() && needed > column.getMinWidth()) {
                column.setMinWidth(needed);
                column.setPrefWidth(Math.max(needed, column.getPrefWidth()));
            }
        }

        /** The number as shown, empty when there is none. */
        String shownText() {
            return value.getText();
        }

        /** The colour for {@code number}, or {@code null} for none. */
        PseudoClass state(double number) {
            return state == null ? null : state.apply(number);
        }

        WatchlistRow watched() {
            return watched;
        }

        /** Switches the cell's colour; nothing at all when it stays the same, as it mostly does. */
        private void show(PseudoClass next) {
            if (next == shown) {
                return;
            }
            if (shown != null) {
                pseudoClassStateChanged(shown, false);
            }
            if (next != null) {
                pseudoClassStateChanged(next, true);
            }
            shown = next;
        }
    }

    /** The table cell's skin (its empty text keeps the row height), with the value text as one more child. */
    private static final class NumberCellSkin extends TableCellSkin<WatchlistRow, WatchlistRow> {
        private final Text value;

        NumberCellSkin(NumberCell cell, Text value) {
            super(cell);
            this.value = value;
            getChildren().add(value);
        }

        @Override
        protected void updateChildren() {
            super.updateChildren(); // resets the children; also runs within the constructor, before value is set
            if (value != null) {
                getChildren().add(value);
            }
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            super.layoutChildren(x, y, w, h);
            ((NumberCell) getSkinnable()).place();
            ((NumberCell) getSkinnable()).fitColumn();
        }
    }

    /** The last price, with the decimals of its symbol's prices, as the chart shows them. */
    private static final class LastPriceCell extends NumberCell {
        LastPriceCell() {
            super(WatchlistRow::lastProperty, null, null);
        }

        @Override
        String text(double price) {
            return format(price, watched().priceDecimals());
        }
    }

    /** %K, coloured by where it stands against the dynamic bands, which move on their own. */
    private static final class StochKCell extends NumberCell {
        StochKCell() {
            super(WatchlistRow::stochKProperty, value -> format(value, 1), null);
        }

        @Override
        List<Observable> dependencies(WatchlistRow row) {
            return List.of(row.stochKProperty(), row.zoneProperty());
        }

        @Override
        PseudoClass state(double value) {
            Quote.Zone zone = watched() == null ? null : watched().zoneProperty().get();
            return zone == Quote.Zone.BELOW_LOWER ? STOCH_BELOW_LOWER : zone == Quote.Zone.ABOVE_UPPER ? STOCH_ABOVE_UPPER : null;
        }
    }

    /**
     * The symbol, with a warning and a tooltip when it has no live values for a reason: the provider
     * does not know it or it failed, or it waits for the history store. The reason, a store's
     * failure above all, can run to a few lines: it wraps instead of running off the screen.
     */
    private static final class SymbolCell extends TableCell<WatchlistRow, String> {
        @Override
        protected void updateItem(String problem, boolean empty) {
            super.updateItem(problem, empty);
            getStyleClass().remove(SYMBOL_PROBLEM);
            setTooltip(null);
            WatchlistRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || row == null) {
                setText(null);
                return;
            }
            boolean troubled = problem != null && !problem.isEmpty();
            String symbol = row.symbol().value();
            setText(troubled ? symbol + "  ⚠" : symbol);
            // The whole symbol, for one too long for the column.
            Tooltip tooltip = new EscapePassingTooltip(troubled ? symbol + ": " + problem : symbol);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(PROBLEM_TOOLTIP_MAX_WIDTH);
            setTooltip(tooltip);
            if (troubled) {
                getStyleClass().add(SYMBOL_PROBLEM);
            }
        }
    }
}
