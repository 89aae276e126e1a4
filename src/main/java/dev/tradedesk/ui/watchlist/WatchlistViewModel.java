package dev.tradedesk.ui.watchlist;

import dev.tradedesk.core.Spaces;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.live.MarketUpdate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

/**
 * The watchlist's state and commands, testable without a scene: the rows in the user's own order
 * and as shown, the selected symbol, adding (validated), removing (removals can be undone, newest
 * first) and reordering symbols, sorting, and applying market updates. Every change to the list of
 * symbols is reported, so the app can re-target the scheduler and save the settings. Confined to
 * the JavaFX thread.
 *
 * <p>A sort ({@link #sortProperty()}) is a way of showing the list, never a change to it: {@link
 * #rows()}, {@link #symbols()} and what is reported (and saved) stay in the user's own order, and
 * clearing the sort shows that order again. While sorted, {@link #shownRows()} follows the live
 * values: after an update that leaves them out of order they are sorted again, once for the whole
 * update, in one permutation, which a table's selection follows. Without a sort, or while the
 * update leaves the order as it was, the shown rows do not change at all. A symbol added while
 * sorted shows where the sort puts it; one put back by undo returns to its place in the user's
 * order, and shows where the sort puts it.
 *
 * <p>Moves act on the user's own order, which a sorted list does not show: "up" among rows sorted
 * by RSI is a row that is not the one above in the user's order, and the sort would put the moved
 * row straight back where it was shown. So while the list is sorted {@link #move} does nothing and
 * {@link #reorderableProperty()} is false: the views disable their move actions, saying why, and
 * offer {@link #clearSort()}, after which moves work again. Moving first and clearing the sort as a
 * side effect was the alternative; it reshuffles every row on screen at a key meant to move one.
 */
public final class WatchlistViewModel {

    public static final int MAX_SYMBOLS = 500;
    /** Removals kept for undo; older ones are forgotten. */
    static final int UNDO_DEPTH = 50;
    /** Symbols remembered as lately selected, for a list that comes back; older ones are forgotten. */
    static final int SELECTION_MEMORY = 32;

    private final ObservableList<WatchlistRow> rows = FXCollections.observableArrayList();
    private final SortedList<WatchlistRow> shown;
    private final ObjectProperty<WatchlistSort> sort = new SimpleObjectProperty<>(this, "sort");
    private final ReadOnlyBooleanWrapper reorderable = new ReadOnlyBooleanWrapper(this, "reorderable", true);
    private final Map<Symbol, WatchlistRow> bySymbol = new HashMap<>();
    private final ObjectProperty<Symbol> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Symbol> undoableRemoval = new ReadOnlyObjectWrapper<>(this, "undoableRemoval");
    private final Consumer<List<Symbol>> symbolsChanged;
    private ProviderKind quotedBy;
    /** Why market data is stopped, while it is; null while it runs. */
    private String stoppedReason;
    /**
     * Rows removed and where they stood, newest first, each until it is put back, added again or the
     * list replaced. Undone newest first, every row returns to the place it had.
     */
    private final Deque<Removal> removals = new ArrayDeque<>();

    /**
     * The symbols selected lately, newest first, so that a list replaced and later brought back (a
     * switch to a crypto exchange and back to stocks) returns to the symbol the user had chosen in it.
     */
    private final Deque<Symbol> lateSelections = new ArrayDeque<>();

    private record Removal(WatchlistRow row, int index) {
    }

    /** @param symbolsChanged told the new symbol list, in order, after every add, remove or move */
    public WatchlistViewModel(List<Symbol> symbols, Consumer<List<Symbol>> symbolsChanged) {
        this.symbolsChanged = symbolsChanged;
        // Before the shown rows listen to the list: they place a row that comes by its own place.
        rows.addListener((ListChangeListener<WatchlistRow>) change -> numberOwnPlaces());
        shown = new SortedList<>(rows);
        sort.addListener((property, before, now) -> {
            reorderable.set(now == null);
            sortShown(now);
        });
        symbols.forEach(this::insertRow);
        selected.addListener((property, before, now) -> remember(now));
        if (!rows.isEmpty()) {
            selected.set(rows.get(0).symbol());
        }
    }

    private void remember(Symbol symbol) {
        if (symbol != null) {
            lateSelections.remove(symbol);
            lateSelections.addFirst(symbol);
            if (lateSelections.size() > SELECTION_MEMORY) {
                lateSelections.removeLast();
            }
        }
    }

    /** The rows in the user's own order, sorted or not: the order saved and reported. */
    public ObservableList<WatchlistRow> rows() {
        return rows;
    }

    /** The rows as the list shows them: sorted, or in the user's own order. Unmodifiable. */
    public ObservableList<WatchlistRow> shownRows() {
        return shown;
    }

    /** The column the shown rows are sorted by, and which way; {@code null} for the user's own order. */
    public ObjectProperty<WatchlistSort> sortProperty() {
        return sort;
    }

    /** Shows the rows in the user's own order again. */
    public void clearSort() {
        sort.set(null);
    }

    /** Whether {@link #move} acts: while the list is sorted it does not (see the class comment). */
    public ReadOnlyBooleanProperty reorderableProperty() {
        return reorderable.getReadOnlyProperty();
    }

    public ObjectProperty<Symbol> selectedProperty() {
        return selected;
    }

    public List<Symbol> symbols() {
        return rows.stream().map(WatchlistRow::symbol).toList();
    }

    /**
     * Adds a symbol typed by the user and selects it; one already in the list is only selected.
     *
     * @return whether it was added, found already listed, or refused and why (invalid, list full)
     */
    public AddResult add(String text) {
        Symbol symbol;
        try {
            symbol = Symbol.of(text);
        } catch (IllegalArgumentException invalid) {
            return new AddResult.Refused(capitalised(invalid.getMessage()) + lengthOver(text));
        }
        if (bySymbol.containsKey(symbol)) {
            selected.set(symbol); // Ctrl+F also finds: a symbol already listed is shown
            return new AddResult.Found(symbol);
        }
        if (rows.size() >= MAX_SYMBOLS) {
            return new AddResult.Refused("The watchlist holds at most " + MAX_SYMBOLS + " symbols");
        }
        insertRow(symbol);
        if (removals.removeIf(removal -> removal.row().symbol().equals(symbol))) {
            removalsChanged(); // added back by hand
        }
        selected.set(symbol);
        symbolsChanged.accept(symbols());
        return new AddResult.Added(symbol);
    }

    public void remove(Symbol symbol) {
        WatchlistRow row = bySymbol.remove(symbol);
        if (row == null) {
            return;
        }
        int index = rows.indexOf(row);
        int shownIndex = shown.indexOf(row);
        // Asked before the removal: a table showing the rows moves its selection as the row goes.
        boolean wasSelected = symbol.equals(selected.get());
        rows.remove(row);
        removals.push(new Removal(row, index));
        if (removals.size() > UNDO_DEPTH) {
            removals.removeLast();
        }
        removalsChanged();
        if (wasSelected) { // the row that takes its place on screen
            selected.set(shown.isEmpty() ? null : shown.get(Math.min(shownIndex, shown.size() - 1)).symbol());
        }
        symbolsChanged.accept(symbols());
    }

    /** The symbol {@link #undoRemove()} would put back, or null when there is none. */
    public ReadOnlyObjectProperty<Symbol> undoableRemovalProperty() {
        return undoableRemoval.getReadOnlyProperty();
    }

    /**
     * Puts the last removed symbol back where it stood, with the figures it showed, and selects it.
     * Called again, it puts back the one removed before.
     *
     * @return whether a symbol was put back
     */
    public boolean undoRemove() {
        Removal removal = removals.poll();
        removalsChanged();
        if (removal == null || bySymbol.containsKey(removal.row().symbol()) || rows.size() >= MAX_SYMBOLS) {
            return false;
        }
        bySymbol.put(removal.row().symbol(), removal.row());
        rows.add(Math.min(removal.index(), rows.size()), removal.row());
        selected.set(removal.row().symbol());
        symbolsChanged.accept(symbols());
        return true;
    }

    private void removalsChanged() {
        Removal newest = removals.peek();
        undoableRemoval.set(newest == null ? null : newest.row().symbol());
    }

    /** Replaces the whole list (from the settings dialog), keeping rows of symbols that stay. */
    public void replaceAll(List<Symbol> symbols) {
        removals.clear(); // their places were in a list that is gone
        removalsChanged();
        Map<Symbol, WatchlistRow> kept = new HashMap<>(bySymbol);
        bySymbol.clear();
        List<WatchlistRow> newRows = new ArrayList<>();
        for (Symbol symbol : new LinkedHashSet<>(symbols)) {
            WatchlistRow row = kept.containsKey(symbol) ? kept.get(symbol) : newRow(symbol);
            bySymbol.put(symbol, row);
            newRows.add(row);
        }
        rows.setAll(newRows);
        if (selected.get() == null || !bySymbol.containsKey(selected.get())) {
            selected.set(lateSelections.stream().filter(bySymbol::containsKey).findFirst()
                    .orElse(shown.isEmpty() ? null : shown.get(0).symbol()));
        }
        symbolsChanged.accept(symbols());
    }

    /** Removes the selected symbol, if one is. */
    public void removeSelected() {
        Symbol symbol = selected.get();
        if (symbol != null) {
            remove(symbol);
        }
    }

    /** Moves the selected symbol, if one is, as {@link #move} does. */
    public void moveSelected(int offset) {
        Symbol symbol = selected.get();
        if (symbol != null) {
            move(symbol, offset);
        }
    }

    /**
     * Moves {@code symbol} by {@code offset} places (negative: up), within the list's bounds; nothing
     * while the list is sorted (see the class comment).
     */
    public void move(Symbol symbol, int offset) {
        WatchlistRow row = bySymbol.get(symbol);
        if (row == null || !reorderable.get()) {
            return;
        }
        int from = rows.indexOf(row);
        int to = Math.max(0, Math.min(rows.size() - 1, from + offset));
        if (from != to) {
            // One permutation, not a removal and an insertion: a table's selection follows a
            // permuted row, while removing the selected row selects (and charts) a neighbour.
            List<WatchlistRow> order = new ArrayList<>(rows);
            order.remove(from);
            order.add(to, row);
            Map<WatchlistRow, Integer> place = new IdentityHashMap<>();
            for (int i = 0; i < order.size(); i++) {
                place.put(order.get(i), i);
            }
            FXCollections.sort(rows, Comparator.comparingInt(place::get));
            symbolsChanged.accept(symbols());
        }
    }

    /**
     * Applies one frame's market update to the rows it concerns, then sorts the shown rows again if
     * the list is sorted and the new values put them out of order. When the update comes from another
     * provider than the last one, every row is cleared first: one provider's AAPL is not another's.
     * Ended problems are cleared before the update's problems are shown, which are newer.
     */
    public void apply(MarketUpdate update) {
        if (update.connection() != null) {
            ProviderKind provider = update.connection().provider();
            if (quotedBy != null && provider != quotedBy) {
                rows.forEach(WatchlistRow::clear);
            }
            quotedBy = provider;
            if (update.connection().status() == ConnectionState.Status.STOPPED) {
                stoppedReason = update.connection().reason();
                rows.forEach(row -> row.showMarketStopped(stoppedReason));
            } else if (stoppedReason != null) {
                stoppedReason = null;
                rows.forEach(WatchlistRow::clearMarketStopped);
            }
        }
        update.problemsOver().forEach(symbol -> {
            WatchlistRow row = bySymbol.get(symbol);
            if (row != null) {
                row.clearProblem();
            }
        });
        update.quotes().forEach((symbol, quote) -> {
            WatchlistRow row = bySymbol.get(symbol);
            if (row != null) {
                row.apply(quote);
            }
        });
        update.completeness().forEach((symbol, share) -> {
            WatchlistRow row = bySymbol.get(symbol);
            if (row != null) {
                row.setCompleteness(share);
            }
        });
        update.problems().forEach((symbol, problem) -> {
            WatchlistRow row = bySymbol.get(symbol);
            if (row != null) {
                row.reportProblem(problem);
            }
        });
        keepSorted();
    }

    /**
     * Sorts the shown rows again if their values have moved out of order: a check of each pair of
     * neighbours, allocating nothing, and a sort only when one is out of order. The sorted list sorts
     * only as its rows come and go or its comparator changes, not as a row's values do: a new
     * comparator, the same sort's, is what has it sort again.
     */
    private void keepSorted() {
        WatchlistSort by = sort.get();
        if (by == null) {
            return;
        }
        for (int i = 1; i < shown.size(); i++) {
            if (by.compare(shown.get(i - 1), shown.get(i)) > 0) {
                sortShown(by);
                return;
            }
        }
    }

    /** Sorts the shown rows by {@code by}, or shows the user's own order for {@code null}, in one permutation. */
    private void sortShown(WatchlistSort by) {
        shown.setComparator(by == null ? null : by::compare);
    }

    private void numberOwnPlaces() {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setOwnPlace(i);
        }
    }

    public Optional<WatchlistRow> row(Symbol symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    private void insertRow(Symbol symbol) {
        if (!bySymbol.containsKey(symbol)) {
            WatchlistRow row = newRow(symbol);
            bySymbol.put(symbol, row);
            rows.add(row);
        }
    }

    /** A row for a symbol new to the list: while market data is stopped, it says so as the others do. */
    private WatchlistRow newRow(Symbol symbol) {
        WatchlistRow row = new WatchlistRow(symbol);
        if (stoppedReason != null) {
            row.showMarketStopped(stoppedReason);
        }
        return row;
    }

    /**
     * How long a symbol over the limit is: the rules name the limit, and a 16-character symbol
     * otherwise read as if one of its characters were wrong, left for the user to count.
     */
    private static String lengthOver(String text) {
        int length = Spaces.trimmed(text).length();
        return length > Symbol.MAX_LENGTH ? "; this one has " + length + " characters" : "";
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
