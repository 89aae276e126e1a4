package dev.tradedesk.ui;

/**
 * Where the user left the workstation: window placement, the watchlist splitter, the selected
 * symbol and timeframe, the chart's zoom range and the watchlist's sort. Restored at the next
 * start. Any field may be {@code null} (not known yet); values are checked when applied, not here,
 * so a hand-edited file can never stop the app from starting. Immutable.
 *
 * @param dividerPosition the splitter as a share of the window's width (what older versions saved)
 * @param watchlistWidth  the splitter's distance from the left in pixels: the watchlist's width,
 *                        which it keeps whatever the window's size
 * @param chartFrom       first visible time of the chart, epoch millis UTC
 * @param chartTo         last visible time of the chart
 * @param followsLiveEdge whether the chart scrolls with new bars
 * @param bannerDismissed whether the user dismissed the "simulated data" banner
 * @param watchlistSortColumn     the column the watchlist is sorted by ({@code WatchlistColumn.id()}),
 *                                {@code null} for the user's own order
 * @param watchlistSortDescending whether that sort is descending
 */
public record Workspace(
        Double windowX,
        Double windowY,
        Double windowWidth,
        Double windowHeight,
        Boolean maximized,
        Double dividerPosition,
        Double watchlistWidth,
        String symbol,
        String timeframe,
        Long chartFrom,
        Long chartTo,
        Boolean followsLiveEdge,
        Boolean bannerDismissed,
        String watchlistSortColumn,
        Boolean watchlistSortDescending) {

    public static final Workspace EMPTY = new Workspace(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);
}
