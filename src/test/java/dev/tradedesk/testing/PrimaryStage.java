package dev.tradedesk.testing;

import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows a test's scene on the primary stage TestFX hands to a {@code @Start} method.
 *
 * <p>Every test class of a JVM gets the same primary stage, as the class before left it: closed
 * but still 1400 × 900 (where the workstation window placed it), maximized or in full screen. A
 * showing stage given a new scene keeps its own size and stretches the scene to it, so a scene
 * asked for at 1200 × 800 was laid out 1400 wide, and what a test measured depended on which
 * classes ran before it (surefire's order follows the file system's). The workstation window also
 * gives the stage its minimum size (900 × 600), which held a later test's narrower window at 900.
 *
 * <p>JavaFX thread only.
 */
public final class PrimaryStage {

    private PrimaryStage() {
    }

    /** Shows {@code scene} on {@code stage} at the scene's own size, whatever an earlier test left the stage as. */
    public static void show(Stage stage, Scene scene) {
        stage.setFullScreen(false);
        stage.setMaximized(false);
        stage.setIconified(false);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setMaxWidth(Double.MAX_VALUE);
        stage.setMaxHeight(Double.MAX_VALUE);
        stage.setScene(scene);
        stage.show();
        stage.sizeToScene();
        stage.centerOnScreen();
    }
}
