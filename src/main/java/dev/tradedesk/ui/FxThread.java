package dev.tradedesk.ui;

import javafx.application.Platform;

/** Running work on the JavaFX thread from wherever a caller is. */
public final class FxThread {

    private FxThread() {
    }

    /** Runs {@code action} now if on the JavaFX thread, else as soon as that thread can. */
    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
