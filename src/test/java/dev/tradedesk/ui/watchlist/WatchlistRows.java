package dev.tradedesk.ui.watchlist;

import dev.tradedesk.core.Symbol;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.control.TableRow;
import javafx.scene.input.ContextMenuEvent;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The watchlist table's rows as the view tests reach them. */
final class WatchlistRows {

    private WatchlistRows() {
    }

    /** The table row showing {@code symbol}. */
    static TableRow<?> row(FxRobot robot, String symbol) {
        return robot.lookup(".table-row-cell").<TableRow<?>>queryAll().stream()
                .filter(row -> row.getItem() != null && ((WatchlistRow) row.getItem()).symbol().equals(Symbol.of(symbol)))
                .findFirst().orElseThrow();
    }

    /** What a right click or the menu key sends (Monocle's robot does not synthesise it). */
    static void askForMenu(FxRobot robot, TableRow<?> row) {
        robot.interact(() -> {
            Bounds bounds = row.localToScreen(row.getBoundsInLocal());
            Event.fireEvent(row, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 5,
                    bounds.getMinX() + 10, bounds.getMinY() + 5, false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
