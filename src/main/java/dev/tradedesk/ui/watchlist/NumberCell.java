package dev.tradedesk.ui.watchlist;

import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.VPos;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.skin.TableCellSkin;
import javafx.scene.text.Text;

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
class NumberCell extends TableCell<WatchlistRow, WatchlistRow> {
    private final WatchlistColumn holds;
    private final Function<Double, String> format;
    private final Function<Double, PseudoClass> state;
    private final Text value = new Text();
    private final InvalidationListener changed = observable -> refresh();
    // Weak: a row outlives the cells of a table that is thrown away.
    private final WeakInvalidationListener weaklyChanged = new WeakInvalidationListener(changed);
    private WatchlistRow watched;
    private PseudoClass shown;

    NumberCell(WatchlistColumn holds, Function<Double, String> format, Function<Double, PseudoClass> state) {
        this.holds = holds;
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
        return new ValueSkin(this, value);
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
        return List.of(holds.valueProperty(row));
    }

    private void refresh() {
        double number = watched == null ? Double.NaN : holds.valueOf(watched);
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

    /** The table cell's skin (its empty text keeps the row height), with the value text as one more child. */
    private static final class ValueSkin extends TableCellSkin<WatchlistRow, WatchlistRow> {
        private final Text value;

        ValueSkin(NumberCell cell, Text value) {
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
}
