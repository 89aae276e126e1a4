package dev.tradedesk.ui.workstation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.value.ChangeListener;
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
 * so nothing in it changes under the dialog: a click, or the keyboard coming to the main window,
 * brings the dialog to the front with the keyboard (and back if it was minimized), and Esc pressed
 * there before it came closes the dialog in front as its Cancel does.
 *
 * <p>JavaFX thread only.
 */
final class MainWindowHold {

    private final Stage owner;
    /** The dialogs showing over the main window, newest first. */
    private final Deque<Dialog<?>> showing = new ArrayDeque<>();
    private final EventHandler<InputEvent> ignoreInput = this::ignore;
    /**
     * The window manager gives the main window the keyboard on a click on its title bar, which sends
     * the application no press, and on Alt+Tab; the dialog stayed in front, and every key but Esc
     * went nowhere until the user clicked it. Only the gain is answered, never the dialog's loss of
     * the keyboard, so the two windows cannot take it from each other in turn.
     */
    private final ChangeListener<Boolean> ownerFocused = (property, was, focused) -> {
        if (focused) {
            // Once the toolkit has told the whole gain (the scene's focus owner hears of it after
            // this listener): a request for the dialog in its midst would cross it.
            Platform.runLater(this::bringFrontDialogForward);
        }
    };

    MainWindowHold(Stage owner) {
        this.owner = owner;
    }

    /** Makes {@code dialog} hold the main window while it shows. Call before it is shown. */
    void over(Dialog<?> dialog) {
        dialog.initModality(Modality.NONE);
        dialog.addEventHandler(DialogEvent.DIALOG_SHOWN, event -> {
            if (showing.isEmpty()) {
                owner.getScene().addEventFilter(InputEvent.ANY, ignoreInput);
                owner.focusedProperty().addListener(ownerFocused);
            }
            showing.push(dialog);
            Window window = dialog.getDialogPane().getScene().getWindow();
            // Sized again once it shows: over a maximized window, Openbox showed it at its minimum
            // size (JDK-8316423, fixed in JavaFX 22); its size is not known before.
            Platform.runLater(() -> {
                window.sizeToScene();
                centreOver(window, owner);
                keepCentredUntilMoved(dialog, window);
            });
        });
        dialog.addEventHandler(DialogEvent.DIALOG_HIDDEN, event -> {
            showing.remove(dialog);
            if (showing.isEmpty()) {
                owner.getScene().removeEventFilter(InputEvent.ANY, ignoreInput);
                owner.focusedProperty().removeListener(ownerFocused);
            }
        });
    }

    /**
     * Centres {@code window} over the main window again whenever that moves or changes size while
     * the dialog shows, until the dialog is moved itself (by the user or the window manager). An
     * alert shown as the main window opened was centred over the size the window manager first gave
     * it (its minimum, JDK-8316423), and stayed there once the main window had its own.
     */
    private void keepCentredUntilMoved(Dialog<?> dialog, Window window) {
        InvalidationListener follow = new InvalidationListener() {
            private double placedX = window.getX();
            private double placedY = window.getY();

            @Override
            public void invalidated(Observable ownerBounds) {
                if (window.getX() != placedX || window.getY() != placedY) {
                    stopFollowing(this);
                    return;
                }
                centreOver(window, owner);
                placedX = window.getX();
                placedY = window.getY();
            }
        };
        ownerBounds().forEach(bound -> bound.addListener(follow));
        // Once: a dialog shown again follows anew.
        dialog.addEventHandler(DialogEvent.DIALOG_HIDDEN, new EventHandler<DialogEvent>() {
            @Override
            public void handle(DialogEvent hidden) {
                stopFollowing(follow);
                dialog.removeEventHandler(DialogEvent.DIALOG_HIDDEN, this);
            }
        });
    }

    private void stopFollowing(InvalidationListener follow) {
        ownerBounds().forEach(bound -> bound.removeListener(follow));
    }

    private List<ReadOnlyDoubleProperty> ownerBounds() {
        return List.of(owner.xProperty(), owner.yProperty(), owner.widthProperty(), owner.heightProperty());
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
            // its title bar or Alt+Tab gives it the keyboard, and the Esc pressed to leave the dialog
            // comes here before the dialog has it back, or ever if the window manager refuses the
            // dialog the keyboard. Closing is the dialog's Cancel (Dialog.close takes its cancel
            // button's result).
            showing.peek().close();
        } else if (event.getEventType() == MouseEvent.MOUSE_PRESSED) {
            bringFrontDialogForward();
        }
    }

    private void bringFrontDialogForward() {
        Window dialogWindow = showing.isEmpty() ? null : showing.peek().getDialogPane().getScene().getWindow();
        // Not while it hides: the main window can get the keyboard back before the dialog is gone.
        if (dialogWindow instanceof Stage stage && stage.isShowing()) {
            // Not modal, a dialog has a minimize button: minimized, it left a main window that
            // ignored every click with nothing on screen to answer.
            stage.setIconified(false);
            stage.toFront();
            stage.requestFocus();
        }
    }
}
