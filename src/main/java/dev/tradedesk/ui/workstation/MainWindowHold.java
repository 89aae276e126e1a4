package dev.tradedesk.ui.workstation;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Dialogs over the main window that hold it as a modal dialog would, without the toolkit's
 * modality. A modal window makes JavaFX 21 on Linux freeze its owner's size, and window managers
 * such as Openbox and KDE then take the owner out of maximized (JDK-8332222, fixed in JavaFX 23):
 * the main window shrank whenever Settings or Help opened, and its saved size was lost. So these
 * dialogs are not modal, and while one shows, the main window ignores the keyboard and the mouse
 * (a click brings the dialog to the front, and back if it was minimized) so nothing in it changes
 * under the dialog; Esc there closes the dialog in front as its Cancel does.
 */
final class MainWindowHold {

    private final Stage owner;
    /** The dialogs showing over the main window, newest first. */
    private final Deque<Dialog<?>> showing = new ArrayDeque<>();
    private final EventHandler<InputEvent> ignoreInput = this::ignore;

    MainWindowHold(Stage owner) {
        this.owner = owner;
    }

    /** Makes {@code dialog} hold the main window while it shows. Call before it is shown. */
    void over(Dialog<?> dialog) {
        dialog.initModality(Modality.NONE);
        dialog.addEventHandler(DialogEvent.DIALOG_SHOWN, event -> {
            if (showing.isEmpty()) {
                owner.getScene().addEventFilter(InputEvent.ANY, ignoreInput);
            }
            showing.push(dialog);
            Window window = dialog.getDialogPane().getScene().getWindow();
            // Sized again once it shows: over a maximized window, Openbox showed it at its minimum
            // size (JDK-8316423, fixed in JavaFX 22); its size is not known before.
            Platform.runLater(() -> {
                window.sizeToScene();
                centreOver(window, owner);
            });
        });
        dialog.addEventHandler(DialogEvent.DIALOG_HIDDEN, event -> {
            showing.remove(dialog);
            if (showing.isEmpty()) {
                owner.getScene().removeEventFilter(InputEvent.ANY, ignoreInput);
            }
        });
    }

    /**
     * Puts {@code window} in the middle of {@code owner}, moved where it must be to lie on the
     * owner's screen (a maximized owner put a panel's title bar above the screen's top).
     */
    static void centreOver(Window window, Window owner) {
        Rectangle2D screen = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double width = Math.min(window.getWidth(), screen.getWidth());
        double height = Math.min(window.getHeight(), screen.getHeight());
        double x = owner.getX() + (owner.getWidth() - width) / 2;
        double y = owner.getY() + (owner.getHeight() - height) / 2;
        window.setWidth(width);
        window.setHeight(height);
        window.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width)));
        window.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height)));
    }

    private void ignore(InputEvent event) {
        event.consume();
        if (event instanceof KeyEvent key && key.getEventType() == KeyEvent.KEY_PRESSED
                && key.getCode() == KeyCode.ESCAPE && !showing.isEmpty()) {
            // The keyboard can be the main window's while a dialog shows in front of it: a click on
            // its title bar (a window manager's, so no press reaches this filter to bring the dialog
            // forward) or Alt+Tab gives it the keyboard, and the Esc pressed to leave the dialog came
            // here. Closing is the dialog's Cancel (Dialog.close takes its cancel button's result).
            showing.peek().close();
        } else if (event.getEventType() == MouseEvent.MOUSE_PRESSED && !showing.isEmpty()) {
            Window dialogWindow = showing.peek().getDialogPane().getScene().getWindow();
            if (dialogWindow instanceof Stage stage) {
                // Not modal, a dialog has a minimize button: minimized, it left a main window that
                // ignored every click with nothing on screen to answer.
                stage.setIconified(false);
                stage.toFront();
            }
        }
    }
}
