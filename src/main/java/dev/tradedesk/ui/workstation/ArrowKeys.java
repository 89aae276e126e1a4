package dev.tradedesk.ui.workstation;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;

/**
 * Who the arrow keys belong to in the main window: the chart, which they pan, unless the keyboard
 * is in a control that uses them itself (a caret, rows, a value, a menu). Everywhere else,
 * on a button for one, JavaFX would only move the keyboard to the next control with them, and the
 * arrows the window's help lists as "Pan" did not pan. Tab still moves the keyboard.
 *
 * <p>Stateless; reads the scene graph, so JavaFX thread only.
 */
final class ArrowKeys {

    /**
     * Controls whose own behaviour takes the arrows: text and combo boxes, spinners, lists and
     * tables (the watchlist runs the window's Left and Right itself: its rows need Up and Down only),
     * sliders, scrolling panes, tab panes, radio buttons (the next choice of their group) and menu
     * buttons.
     */
    private static final List<Class<?>> USING_THEM = List.of(TextInputControl.class, ComboBoxBase.class,
            ChoiceBox.class, Spinner.class, ListView.class, TableView.class, TreeView.class, TreeTableView.class,
            Slider.class, ScrollBar.class, ScrollPane.class, TabPane.class, RadioButton.class, MenuButton.class);

    private ArrowKeys() {
    }

    /**
     * True if {@code focusOwner}, or the control it is part of (a combo box's editor, a spinner's),
     * uses the arrow keys itself; false for null, where they are the chart's.
     */
    static boolean usedBy(Node focusOwner) {
        for (Node node = focusOwner; node != null; node = node.getParent()) {
            for (Class<?> user : USING_THEM) {
                if (user.isInstance(node)) {
                    return true;
                }
            }
        }
        return false;
    }
}
