package dev.tradedesk.ui.watchlist;

import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyDoubleProperty;

/**
 * The watchlist's columns by what they hold: each has its header's title and the name the
 * workspace remembers a sort by, and the number columns read their value from a row. Immutable.
 */
public enum WatchlistColumn {
    SYMBOL("symbol", "Symbol", null),
    LAST("last", "Last", WatchlistRow::lastProperty),
    CHANGE_PERCENT("changePercent", "Chg %", WatchlistRow::changePercentProperty),
    RSI("rsi", "RSI", WatchlistRow::rsiProperty),
    STOCH_K("stochK", "%K", WatchlistRow::stochKProperty),
    RELATIVE_VOLUME("relativeVolume", "RelVol", WatchlistRow::relativeVolumeProperty),
    HISTORY("history", "Hist %", WatchlistRow::completenessProperty);

    private final String id;
    private final String title;
    private final Function<WatchlistRow, ReadOnlyDoubleProperty> property;

    WatchlistColumn(String id, String title, Function<WatchlistRow, ReadOnlyDoubleProperty> property) {
        this.id = id;
        this.title = title;
        this.property = property;
    }

    /** The name saved in the workspace: unlike the constant's, it stays if the code is renamed. */
    public String id() {
        return id;
    }

    /** The header's title. */
    public String title() {
        return title;
    }

    /** The column with {@code id}, if there is one: the workspace file may be older, newer or edited by hand. */
    public static Optional<WatchlistColumn> byId(String id) {
        for (WatchlistColumn column : values()) {
            if (column.id.equals(id)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** Whether the column holds a number (every column but the symbol). */
    boolean holdsNumber() {
        return property != null;
    }

    /** The row's number in this column, {@code NaN} when it shows none; a number column's only. */
    double valueOf(WatchlistRow row) {
        return valueProperty(row).get();
    }

    /** The row's property this column shows, for its cells to watch; a number column's only. */
    ReadOnlyDoubleProperty valueProperty(WatchlistRow row) {
        return property.apply(row);
    }
}
