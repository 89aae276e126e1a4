package dev.tradedesk.ui;

import java.util.Objects;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Fits the popups of a window (menus, tooltips, drop-down lists) to what the display can draw.
 * Where windows cannot be transparent (an X11 display without a compositing manager, as under
 * Xvfb or a bare window manager), the theme's rounded corners and the margin it leaves for its
 * drop shadow show as white rims around each popup; there the popups are drawn square and
 * without a shadow ({@code opaque-popups.css}). A popup takes its owner window's stylesheets.
 */
public final class PopupStyle {

    static final String OPAQUE_POPUPS = "/dev/tradedesk/ui/opaque-popups.css";

    private PopupStyle() {
    }

    /** Call on the JavaFX thread, once the toolkit runs. */
    public static void fitToDisplay(Scene scene) {
        fit(scene, Platform.isSupported(ConditionalFeature.TRANSPARENT_WINDOW));
    }

    static void fit(Scene scene, boolean transparentWindows) {
        if (!transparentWindows) {
            scene.getStylesheets().add(Objects.requireNonNull(PopupStyle.class.getResource(OPAQUE_POPUPS)).toExternalForm());
        }
    }
}
