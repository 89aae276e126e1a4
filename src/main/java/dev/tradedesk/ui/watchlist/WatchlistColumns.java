package dev.tradedesk.ui.watchlist;

import dev.tradedesk.ui.EscapePassingTooltip;
import dev.tradedesk.ui.live.Quote;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;

/**
 * The watchlist's columns: symbol, with its problem; last price; change %; RSI; StochRSI %K, coloured
 * against the dynamic bands; relative volume; and the share of history stored. Each header's
 * tooltip says what its column holds, and each column knows which {@link WatchlistColumn} it is,
 * for sorting. JavaFX thread only.
 */
final class WatchlistColumns {

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
    private static final String SYMBOL_CELL = "symbol-cell";
    /** The warning sign beside a symbol with a problem. */
    static final String PROBLEM_SIGN = "symbol-problem-sign";
    /** A symbol's problem wraps at this width in its tooltip, as the status bar's reasons do. */
    static final double PROBLEM_TOOLTIP_MAX_WIDTH = 520;
    private static final String DESCRIPTION = "tradedesk.description";
    private static final String HOLDS = "tradedesk.holds";

    private WatchlistColumns() {
    }

    /** Adds the columns to {@code table}, at their widths, and describes their headers once the skin has made them. */
    static void addTo(TableView<WatchlistRow> table) {
        TableColumn<WatchlistRow, String> symbol = new TableColumn<>(WatchlistColumn.SYMBOL.title());
        symbol.getProperties().put(HOLDS, WatchlistColumn.SYMBOL);
        // Depends on the problem too, so a symbol turning "unknown" redraws its cell.
        symbol.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> cell.getValue().problemProperty().get(), cell.getValue().problemProperty()));
        symbol.setCellFactory(column -> new SymbolCell());
        describe(symbol, "Symbol; ⚠ marks one without live values for a reason its tooltip gives (the provider's,"
                + " the history store's, or market data stopped)");
        table.getColumns().add(symbol);
        table.getColumns().add(numberColumn(WatchlistColumn.LAST, "Last price", LastPriceCell::new));
        table.getColumns().add(numberColumn(WatchlistColumn.CHANGE_PERCENT,
                "Change of the last price since the open of the session's first bar, in %;"
                        + " the session is the market's day, New York's for US stocks, UTC's for crypto",
                holds -> new NumberCell(holds, WatchlistColumns::formatChange, WatchlistColumns::changeStyle)));
        table.getColumns().add(numberColumn(WatchlistColumn.RSI, "RSI of 1-minute bars, whatever the chart's timeframe",
                holds -> new NumberCell(holds, value -> format(value, 1), null)));
        table.getColumns().add(numberColumn(WatchlistColumn.STOCH_K,
                "StochRSI %K of 1-minute bars, whatever the chart's timeframe; bold and coloured below the lower"
                        + " or above the upper dynamic band", StochKCell::new));
        table.getColumns().add(numberColumn(WatchlistColumn.RELATIVE_VOLUME,
                "Volume of the last closed 1-minute bar over its moving average",
                holds -> new NumberCell(holds, value -> format(value, 2), null)));
        // Floor, not round: 99.96% whole must not read as 100.0.
        table.getColumns().add(numberColumn(WatchlistColumn.HISTORY,
                "Share of the tracked 1-minute history stored; below 100 while ranges are still to be fetched",
                holds -> new NumberCell(holds, value -> format(Math.floor(value * 1000) / 10, 1),
                        value -> value < 1 ? INCOMPLETE : null)));
        // The skin makes the headers at its first layout.
        table.needsLayoutProperty().addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> property, Boolean before, Boolean needsLayout) {
                if (!needsLayout && describeHeaders(table)) {
                    table.needsLayoutProperty().removeListener(this);
                }
            }
        });
        // Together what the smallest window leaves beside the chart. Every provider's default symbols,
        // "DOGEUSDT" the widest, fit with the warning sign all rows have while the provider is out of
        // reach, and about 5 % to spare for a desktop font wider than the test toolkit's (100 px cut
        // "DOGEUSDT ⚠" to "DOGEU... ⚠"). A longer symbol keeps its start, the base that tells pairs
        // apart ("1000SATS...", where a cut in the middle left "1000...USDT"), and shows whole in its
        // tooltip: fifteen capitals and the sign would need some 50 px more. The numbers' columns start
        // at their usual widest value (Chg %: "+12.34"; %K: a bold "100.0") and widen for a longer one
        // (NumberCell); the last column takes what a wider pane leaves.
        double[] widths = {112, 72, 61, 49, 54, 62, 64};
        int last = widths.length - 1;
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setMinWidth(i == last ? widths[i] * 0.8 : widths[i]);
            table.getColumns().get(i).setPrefWidth(widths[i]);
        }
    }

    /**
     * A column of numbers whose cells watch their row's property themselves ({@link NumberCell}):
     * the column's value is the row, which never changes.
     */
    private static TableColumn<WatchlistRow, WatchlistRow> numberColumn(WatchlistColumn holds, String description,
            Function<WatchlistColumn, NumberCell> cells) {
        TableColumn<WatchlistRow, WatchlistRow> column = new TableColumn<>(holds.title());
        column.getProperties().put(HOLDS, holds);
        describe(column, description);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(view -> cells.apply(holds));
        column.getStyleClass().add("number-column");
        return column;
    }

    /** What {@code column}, one of {@link #addTo}'s, holds. */
    static WatchlistColumn holdsOf(TableColumn<?, ?> column) {
        return (WatchlistColumn) column.getProperties().get(HOLDS);
    }

    /** The column of {@code table} that holds {@code holds}. */
    static TableColumn<WatchlistRow, ?> columnHolding(TableView<WatchlistRow> table, WatchlistColumn holds) {
        return table.getColumns().stream().filter(column -> holdsOf(column) == holds).findFirst().orElseThrow();
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
    private static boolean describeHeaders(TableView<WatchlistRow> table) {
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

    /** The last price, with the decimals of its symbol's prices, as the chart shows them. */
    private static final class LastPriceCell extends NumberCell {
        LastPriceCell(WatchlistColumn holds) {
            super(holds, null, null);
        }

        @Override
        String text(double price) {
            return format(price, watched().priceDecimals());
        }
    }

    /** %K, coloured by where it stands against the dynamic bands, which move on their own. */
    private static final class StochKCell extends NumberCell {
        StochKCell(WatchlistColumn holds) {
            super(holds, value -> format(value, 1), null);
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
        private final Label sign = new Label("⚠");
        // One per cell, its text set as the cell's row changes: a tooltip is a popup window of its
        // own to build, and the visible rows' cells were building one each at every update.
        private final Tooltip whole = new EscapePassingTooltip();

        SymbolCell() {
            getStyleClass().add(SYMBOL_CELL);
            sign.getStyleClass().add(PROBLEM_SIGN);
            sign.setMinWidth(Region.USE_PREF_SIZE);
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(4);
            whole.setWrapText(true);
            whole.setMaxWidth(PROBLEM_TOOLTIP_MAX_WIDTH);
        }

        @Override
        protected void updateItem(String problem, boolean empty) {
            super.updateItem(problem, empty);
            getStyleClass().remove(SYMBOL_PROBLEM);
            setTooltip(null);
            WatchlistRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            boolean troubled = problem != null && !problem.isEmpty();
            String symbol = row.symbol().value();
            setText(symbol);
            // The sign as the graphic, not the text's end: a symbol too long for the column is cut
            // short before it, where "ETH/USDT  ⚠" lost the sign to the ellipsis.
            setGraphic(troubled ? sign : null);
            // The whole symbol, for one too long for the column.
            whole.setText(troubled ? symbol + ": " + problem : symbol);
            setTooltip(whole);
            if (troubled) {
                getStyleClass().add(SYMBOL_PROBLEM);
            }
        }
    }
}
