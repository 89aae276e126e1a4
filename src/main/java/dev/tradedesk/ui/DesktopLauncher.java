package dev.tradedesk.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Starts the JavaFX toolkit from a plain {@code main} (the app runs from the class path, so no
 * {@code Application} subclass), opens one window and blocks the calling thread until that
 * window closes. Stops the toolkit again only if it started it.
 *
 * <p>Call from a non-JavaFX thread; not reentrant.
 */
public final class DesktopLauncher {

    /** The window could not be opened: no display, or the window failed to build. */
    public static final class WindowUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WindowUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Opens a window with {@code openWindow} on the JavaFX thread and waits until it is closed.
     *
     * @throws WindowUnavailableException if there is no display or {@code openWindow} throws
     * @throws InterruptedException       if the waiting thread is interrupted
     */
    public void runUntilClosed(Consumer<Stage> openWindow) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable open = () -> {
            try {
                Stage stage = new Stage();
                stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> closed.countDown());
                openWindow.accept(stage);
            } catch (RuntimeException | Error e) {
                failure.set(e);
                closed.countDown();
            }
        };
        boolean startedHere = startToolkit(open);
        try {
            closed.await();
        } finally {
            if (startedHere) {
                Platform.exit();
            }
        }
        if (failure.get() != null) {
            throw new WindowUnavailableException("the main window failed to open: " + failure.get(), failure.get());
        }
    }

    /** @return whether this call started the toolkit (false if it was already running, as in tests) */
    private static boolean startToolkit(Runnable firstTask) {
        try {
            Platform.startup(firstTask);
            // We own the toolkit's lifetime and end it explicitly once our window closes.
            Platform.setImplicitExit(false);
            return true;
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(firstTask);
            return false;
        } catch (UnsupportedOperationException | UnsatisfiedLinkError noDisplay) {
            throw new WindowUnavailableException("cannot open a window (" + noDisplay.getMessage()
                    + "). Start TradeDesk from a desktop session, or under a virtual display: "
                    + "xvfb-run -a java -jar tradedesk.jar", noDisplay);
        }
    }
}
