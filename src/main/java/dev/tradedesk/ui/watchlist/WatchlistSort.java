package dev.tradedesk.ui.watchlist;

import java.util.Objects;

/**
 * How the watchlist is sorted: by one column, ascending or descending. Symbols sort alphabetically,
 * numbers by value; rows with no number in the column (an RSI still warming up, a symbol the
 * provider does not know) come last in both directions, as nothing to rank. Rows that rank the
 * same keep the user's own order among themselves, so the sort is the same whatever order the rows
 * came in. Immutable.
 */
public record WatchlistSort(WatchlistColumn column, boolean descending) {

    public WatchlistSort {
        Objects.requireNonNull(column, "column");
    }

    public static WatchlistSort ascending(WatchlistColumn column) {
        return new WatchlistSort(column, false);
    }

    public static WatchlistSort descending(WatchlistColumn column) {
        return new WatchlistSort(column, true);
    }

    /**
     * Negative when {@code a} comes before {@code b}; never zero for two rows. Reads the rows'
     * numbers where they are and allocates nothing: it runs over every row once per applied market
     * update while the list is sorted.
     */
    int compare(WatchlistRow a, WatchlistRow b) {
        int order;
        if (column.holdsNumber()) {
            double x = column.valueOf(a);
            double y = column.valueOf(b);
            boolean xBlank = Double.isNaN(x);
            boolean yBlank = Double.isNaN(y);
            if (xBlank != yBlank) {
                return xBlank ? 1 : -1; // last whatever the direction
            }
            // -0.0 and 0.0 alike: both show as 0.
            order = xBlank || x == y ? 0 : x < y ? -1 : 1;
        } else {
            order = a.symbol().compareTo(b.symbol());
        }
        if (order != 0) {
            return descending ? -order : order;
        }
        return Integer.compare(a.ownPlace(), b.ownPlace());
    }
}
