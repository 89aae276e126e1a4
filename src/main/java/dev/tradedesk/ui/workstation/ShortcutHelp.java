package dev.tradedesk.ui.workstation;

import dev.tradedesk.ui.watchlist.WatchlistView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * What the keyboard help lists: every accelerator of the window's menus, read from the menus
 * themselves so that the help cannot leave one out or name a key that does nothing, and after each
 * menu's the keys that act in one place only (the watchlist's own keys, Esc, the mouse) beside the
 * actions they share. A help written by hand had left out Esc and the arrows in the list.
 *
 * <p>Reads menus, so JavaFX thread only; holds no state.
 */
final class ShortcutHelp {

    /** One line of the help: the keys, and what they do. */
    record Line(String keys, String action) {
    }

    /** The lines under one heading, a menu's name. */
    record Section(String title, List<Line> lines) {
    }

    private static final String UP = new KeyCodeCombination(KeyCode.UP).getDisplayText();
    private static final String DOWN = new KeyCodeCombination(KeyCode.DOWN).getDisplayText();

    /** Keys handled outside the menus, in a section of their own after the menu whose actions they are with. */
    private static final Map<String, Section> KEYS_BESIDE_MENUS = Map.of(
            "menuView", new Section("Chart and window", List.of(
                    new Line("= or the keypad's +", "Zoom in, as + does"),
                    new Line("Mouse wheel, drag, double-click", "Zoom, pan, reset the chart"),
                    new Line("Esc", "Leave full screen"),
                    new Line("Esc in the symbol box", "Back to the chart, whose keys work again"),
                    new Line("Esc in the performance panel", "Close it (Ctrl+P too)"))),
            "menuWatchlist", new Section("Watchlist", List.of(
                    new Line(UP + " / " + DOWN + " in the list", "Select the symbol above / below, and chart it"),
                    new Line(keys(WatchlistView.MOVE_UP_KEY) + " / " + keys(WatchlistView.MOVE_DOWN_KEY) + " in the list",
                            "Move the selected symbol up / down"),
                    new Line("Click on a header", "Sort by its column; again: the other way; again: your own order"),
                    new Line(keys(WatchlistView.REMOVE_KEY) + " in the list", "Remove the selected symbol"),
                    new Line(keys(WatchlistView.UNDO_REMOVE_KEY) + " in the list", "Undo removals, the last first"))),
            // The menu bar's own key, which JavaFX puts into the scene with the menus' accelerators.
            "menuHelp", new Section("Menus", List.of(
                    new Line("F10", "Open the menus (Alt with a menu's underlined letter opens that menu)"))));

    private ShortcutHelp() {
    }

    /**
     * The help for the menus of a menu bar, in their order, each followed by the keys beside it; a
     * menu with no accelerators has no section of its own.
     */
    static List<Section> sections(List<Menu> menus) {
        List<Section> sections = new ArrayList<>();
        for (Menu menu : menus) {
            List<Line> lines = new ArrayList<>();
            addAccelerators(menu, "", lines);
            if (!lines.isEmpty()) {
                sections.add(new Section(plain(menu.getText()), lines));
            }
            Section beside = KEYS_BESIDE_MENUS.get(menu.getId());
            if (beside != null) {
                sections.add(beside);
            }
        }
        return sections;
    }

    /**
     * How many of {@code sections}, from the first, make the help's left column: the fewest whose
     * lines and headings reach half of all. In one column the help is about 900 px high, more
     * than a laptop's screen.
     */
    static int leftColumnSections(List<Section> sections) {
        int total = sections.stream().mapToInt(section -> section.lines().size() + 1).sum();
        int rows = 0;
        for (int i = 0; i < sections.size(); i++) {
            rows += sections.get(i).lines().size() + 1;
            if (2 * rows >= total) {
                return i + 1;
            }
        }
        return sections.size();
    }

    /**
     * {@code menu}'s items with an accelerator, a submenu's named after it ("Timeframe 5Min"); a key
     * only shown beside an item acts in one place, and is listed with the keys beside the menus.
     */
    private static void addAccelerators(Menu menu, String prefix, List<Line> lines) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu submenu) {
                addAccelerators(submenu, plain(submenu.getText()) + " ", lines);
            } else if (item.getAccelerator() != null && !(item.getAccelerator() instanceof WorkstationMenus.KeyHint)) {
                lines.add(new Line(keys(item.getAccelerator()), prefix + plain(item.getText())));
            }
        }
    }

    /** The keys as menus show them, "Ctrl+E" or "Alt+↑". */
    static String keys(KeyCombination key) {
        return key.getDisplayText();
    }

    /** A menu's text without its mnemonic mark or the dots of an item that opens a window. */
    private static String plain(String text) {
        String shown = text == null ? "" : text.replace("_", "");
        return shown.endsWith("…") ? shown.substring(0, shown.length() - 1) : shown;
    }
}
