package dev.tradedesk.ui.watchlist;

import atlantafx.base.theme.Styles;
import dev.tradedesk.core.Spaces;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.ui.FxThread;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The watchlist: a symbol field to add to it, and a table of symbol, last price, change %, RSI,
 * StochRSI %K (coloured below the lower and above the upper dynamic band) and relative volume.
 * Delete removes the selected symbol, Alt+Up/Down move it, Ctrl+Z puts the last removed back; the
 * same is in the row menu, with these keys beside its items. A click on a header sorts by its
 * column, a second the other way, a third shows the user's own order again, as tables do; the
 * model sorts ({@link WatchlistViewModel#sortProperty()}), the table shows its rows and arrow. While
 * sorted the moves are disabled, saying so (Alt+Up/Down in a note over the list), and the row menu
 * offers the user's own order back. A thin view over {@link WatchlistViewModel}; JavaFX thread only.
 */
public final class WatchlistView {

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
    private static final double PANE_CHROME_WIDTH = 32;

    private final WatchlistViewModel model;
    private final Runnable afterFind;
    private final TextField symbolField = new TextField();
    private final TableView<WatchlistRow> table = new TableView<>();
    /** Why Alt+Up/Down did nothing: the list is sorted. Shown until the sort goes or the list loses the keyboard. */
    private final Label sortedMoveNote = new Label();
    /** One menu for all rows, shown for the row it was asked on ({@link #createTable}). */
    private ContextMenu rowMenu;

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
        // Sorted, though empty: a table given any other list clears its sort order, and with it the
        // sort the workspace restored.
        table.setItems(new SortedList<>(FXCollections.observableArrayList()));
        due.whenComplete((done, failure) -> FxThread.run(() -> {
            if (table.getItems() != model.shownRows()) {
                table.setItems(model.shownRows());
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
        showOnlyWithText(error, "symbolError", "symbol-error");
        Runnable submit = () -> {
            String text = symbolField.getText();
            if (Spaces.isBlank(text)) {
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
        // The message is about the entry being typed: it goes once the keyboard has left the box and
        // its Add button for the window's other parts (the chart, after Esc or a click), where it
        // stayed, two lines over the list, about a box no longer in use. The text stays, to be
        // corrected; Enter says again what is wrong with it. Another window taking the keyboard
        // leaves the focus owner, and the message, as they were.
        ChangeListener<Boolean> leftEntry = (property, was, focused) -> {
            Node owner = symbolField.getScene() == null ? null : symbolField.getScene().getFocusOwner();
            if (!focused && owner != symbolField && owner != add) {
                error.setText("");
            }
        };
        symbolField.focusedProperty().addListener(leftEntry);
        add.focusedProperty().addListener(leftEntry);
        HBox.setHgrow(symbolField, Priority.ALWAYS);
        HBox entry = new HBox(6, symbolField, add);
        entry.getStyleClass().add("watchlist-entry");

        createTable();
        createSortedMoveNote();
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox view = new VBox(6, entry, error, sortedMoveNote, table);
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

    /**
     * Makes {@code message} a line over the list that takes room only while it has text, wrapped on
     * all its lines: the table below takes what is left, and a VBox short of room would squeeze the
     * message to its first line, cut short.
     */
    private static void showOnlyWithText(Label message, String id, String styleClass) {
        message.setId(id);
        message.getStyleClass().add(styleClass);
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.managedProperty().bind(message.visibleProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
    }

    private void createSortedMoveNote() {
        showOnlyWithText(sortedMoveNote, "sortedMoveNote", "watchlist-note");
        model.reorderableProperty().addListener((property, was, reorderable) -> {
            if (reorderable) {
                sortedMoveNote.setText("");
            }
        });
        table.focusedProperty().addListener((property, was, focused) -> {
            if (!focused) {
                sortedMoveNote.setText("");
            }
        });
    }

    private void createTable() {
        table.setId("watchlist");
        // Dense rows (2em, 28 px at the default font, not AtlantaFX's 39 px): a trader watches dozens of symbols, and the
        // default 900 px high window showed seventeen.
        table.getStyleClass().add(Styles.DENSE);
        table.setItems(model.shownRows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Add a symbol above"));
        WatchlistColumns.addTo(table);
        sortThroughModel();
        table.getSelectionModel().selectedItemProperty().addListener((property, before, row) -> {
            if (row != null) {
                model.selectedProperty().set(row.symbol());
            }
        });
        model.selectedProperty().addListener((property, before, selected) -> select(selected));
        select(model.selectedProperty().get());
        // One menu for all rows, shown for the row it was asked on: a menu per row built a popup
        // window and its scene for every visible row (5 % of the window's first show in a profile).
        rowMenu = rowMenu();
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
     * The table's sort (its headers' clicks and arrows) and the model's, kept the same. The table's
     * own sort, why the columns were unsortable, would sort its items in place, and they were the
     * user's list itself, to be saved sorted with no order to go back to; it would also compare the
     * number columns' values, which are the rows themselves ({@link NumberCell}), by their names.
     * Here the table only says which column and which way, and the model sorts the rows it shows.
     * One column at a time: Shift+click, which adds a second, is refused, and the table takes it back.
     */
    private void sortThroughModel() {
        table.setSortPolicy(view -> {
            List<TableColumn<WatchlistRow, ?>> order = table.getSortOrder();
            if (order.size() > 1) {
                return false;
            }
            model.sortProperty().set(order.isEmpty() ? null : new WatchlistSort(WatchlistColumns.holdsOf(order.get(0)),
                    order.get(0).getSortType() == TableColumn.SortType.DESCENDING));
            return true;
        });
        model.sortProperty().addListener((property, before, sort) -> showSort(sort));
        showSort(model.sortProperty().get());
    }

    /** Shows {@code sort} in the headers: a sort restored from the workspace, or cleared from a menu. */
    private void showSort(WatchlistSort sort) {
        if (sort == null) {
            if (!table.getSortOrder().isEmpty()) {
                table.getSortOrder().clear();
            }
            return;
        }
        TableColumn<WatchlistRow, ?> column = WatchlistColumns.columnHolding(table, sort.column());
        column.setSortType(sort.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
        if (table.getSortOrder().size() != 1 || table.getSortOrder().get(0) != column) {
            table.getSortOrder().setAll(List.of(column));
        }
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
        sayWhenSorted(model, up, down);
        up.disableProperty().bind(model.reorderableProperty().not());
        down.disableProperty().bind(model.reorderableProperty().not());
        MenuItem clearSort = clearSortItem(model);
        clearSort.setId("rowClearSort");
        MenuItem remove = rowMenuItem("rowRemove", "Remove", REMOVE_KEY);
        remove.setOnAction(event -> model.remove((Symbol) menu.getUserData()));
        MenuItem undo = rowMenuItem("rowUndoRemove", "Undo remove", UNDO_REMOVE_KEY);
        undo.textProperty().bind(model.undoableRemovalProperty().map(symbol -> "Undo remove " + symbol.value())
                .orElse("Undo remove"));
        undo.disableProperty().bind(model.undoableRemovalProperty().isNull());
        undo.setOnAction(event -> model.undoRemove());
        menu.getItems().setAll(up, down, clearSort, remove, new SeparatorMenuItem(), undo);
        return menu;
    }

    /**
     * Has {@code moves}, to be disabled while {@code list} is sorted ({@link
     * WatchlistViewModel#reorderableProperty()}), say why then: "Move up (list sorted by RSI)".
     */
    public static void sayWhenSorted(WatchlistViewModel list, MenuItem... moves) {
        for (MenuItem move : moves) {
            String text = move.getText();
            move.textProperty().bind(list.sortProperty()
                    .map(sort -> text + " (list sorted by " + sort.column().title() + ")").orElse(text));
        }
    }

    /** An item that shows {@code list} in the user's own order again, enabled while it is sorted. */
    public static MenuItem clearSortItem(WatchlistViewModel list) {
        MenuItem item = new MenuItem("Clear sort (back to your own order)");
        item.disableProperty().bind(list.reorderableProperty());
        item.setOnAction(event -> list.clearSort());
        return item;
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
        } else if (event.getCode() == KeyCode.CONTEXT_MENU || event.getCode() == KeyCode.F10 && event.isShiftDown()) {
            showRowMenuOfSelected();
            event.consume();
        } else if (MOVE_UP_KEY.match(event) || MOVE_DOWN_KEY.match(event)) {
            WatchlistSort sort = model.sortProperty().get();
            if (sort != null) {
                sortedMoveNote.setText("The list is sorted by " + sort.column().title()
                        + ": clear the sort (Watchlist → Clear sort) to move symbols in your own order.");
            } else {
                model.moveSelected(MOVE_UP_KEY.match(event) ? -1 : 1);
            }
            event.consume();
        }
    }

    /**
     * The row menu of the selected row, asked for from the keyboard (the menu key, Shift+F10): the
     * table, not a row, has the focus, so no row heard the request, and the keyboard had no way to
     * the menu a right-click opens. Shown under the row, scrolled into view first.
     */
    private void showRowMenuOfSelected() {
        Symbol selected = model.selectedProperty().get();
        WatchlistRow selectedRow = model.row(selected).orElse(null);
        int index = table.getItems().indexOf(selectedRow);
        if (index < 0) {
            return;
        }
        table.scrollTo(index);
        table.layout();
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.getItem() == selectedRow) {
                rowMenu.setUserData(selected);
                rowMenu.show(row, Side.BOTTOM, 12, 0);
                return;
            }
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
}
