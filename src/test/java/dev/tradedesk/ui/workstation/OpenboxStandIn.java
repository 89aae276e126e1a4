package dev.tradedesk.ui.workstation;

import com.sun.javafx.stage.WindowHelper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Does to JavaFX 21's Stages what Openbox did to them on Linux, which Monocle's headless windows
 * never do, so that the tests can see the workstation's work-arounds at work:
 * <ul>
 * <li>JDK-8316423: a Stage comes up at its minimum size, whatever size it was given before
 * show(), and where the window manager puts it, here the screen's top left corner (the
 * Performance panel came up at (0, 12)); one that sets no minimum at {@link #SIZE_WITHOUT_MINIMUM}
 * square (Settings opened at 200 × 200). A Stage shown maximized first comes up so, un-maximized,
 * and is then maximized.</li>
 * <li>JDK-8332222: a modal Stage takes its owner out of maximized, or out of full screen.</li>
 * </ul>
 * Both happen as show() ends, after JavaFX's own sizing of the Stage and before show() returns:
 * what the application asks for after show() holds, as it did under Openbox.
 * Menus, tooltips and other popup windows are left alone: they are no Stages, and the window
 * manager does not manage them.
 *
 * <p>The size is set on the toolkit's window, which tells the Stage as it does of a size the window
 * manager chose. Set on the Stage, it would reach Monocle's window only on the next pulse, when a
 * Stage shown maximized is maximized again: Monocle would shrink the maximized window too, which
 * Openbox did not.
 *
 * <p>Install and close on the JavaFX thread.
 */
final class OpenboxStandIn implements AutoCloseable {

    static final double SIZE_WITHOUT_MINIMUM = 200;

    private final List<Stage> shown = new ArrayList<>();
    private final Set<Stage> hooked = new HashSet<>();
    private final InvalidationListener showingChanged = this::showingChanged;
    private final ListChangeListener<Window> windowsChanged = this::windowsChanged;
    private boolean installed;

    private OpenboxStandIn() {
    }

    /** Acts on every Stage shown from now until {@link #close()}. */
    static OpenboxStandIn install() {
        OpenboxStandIn standIn = new OpenboxStandIn();
        Window.getWindows().addListener(standIn.windowsChanged);
        standIn.installed = true;
        return standIn;
    }

    /** The Stages shown while installed, first shown first, for the tests to close. */
    List<Stage> shownStages() {
        return List.copyOf(shown);
    }

    @Override
    public void close() {
        installed = false;
        Window.getWindows().removeListener(windowsChanged);
        hooked.forEach(stage -> stage.showingProperty().removeListener(showingChanged));
    }

    /** A window joins the list as show() begins, before its size is settled. */
    private void windowsChanged(ListChangeListener.Change<? extends Window> change) {
        while (change.next()) {
            for (Window window : change.getAddedSubList()) {
                if (window instanceof Stage stage && !hooked.contains(stage)) {
                    hooked.add(stage);
                    stage.showingProperty().addListener(showingChanged);
                }
            }
        }
    }

    /**
     * Runs once show() has done all its own sizing, WINDOW_SHOWN and the size to the scene JavaFX
     * applies again after it, and before show() returns. An invalidation listener, as it is added
     * while the property is being set to true: a change listener would take that for its old value.
     */
    private void showingChanged(Observable showing) {
        Stage stage = (Stage) ((ReadOnlyProperty<?>) showing).getBean();
        if (stage.isShowing() && installed) {
            shown.add(stage);
            showAtMinimumSize(stage);
            leaveOwnerMaximizedOrFullScreenIfModal(stage);
        }
    }

    private static void showAtMinimumSize(Stage stage) {
        boolean maximized = stage.isMaximized();
        stage.setMaximized(false);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowHelper.getPeer(stage).setBounds((float) screen.getMinX(), (float) screen.getMinY(), true, true,
                (float) minimum(stage.getMinWidth()), (float) minimum(stage.getMinHeight()), -1, -1, 0, 0, 0, 0);
        stage.setMaximized(maximized);
    }

    private static double minimum(double stagesMinimum) {
        return stagesMinimum > 0 ? stagesMinimum : SIZE_WITHOUT_MINIMUM;
    }

    private static void leaveOwnerMaximizedOrFullScreenIfModal(Stage stage) {
        if (stage.getModality() != Modality.NONE && stage.getOwner() instanceof Stage owner) {
            owner.setMaximized(false);
            owner.setFullScreen(false);
        }
    }
}
