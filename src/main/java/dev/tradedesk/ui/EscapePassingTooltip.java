package dev.tradedesk.ui;

import javafx.scene.control.Tooltip;

/**
 * A tooltip that Esc hides without keeping the key from the window under it. A showing popup gets
 * the window's keys first and consumes the Esc that hides it, so with the mouse resting on a control
 * Esc only hid its tooltip: the settings dialog stayed open, full screen stayed, the symbol box kept
 * its text. The window's own Esc then acts as if no tooltip had shown. Use it for every tooltip in a
 * window whose Esc does something.
 *
 * <p>A JavaFX control: build and use on the JavaFX thread.
 */
public final class EscapePassingTooltip extends Tooltip {

    public EscapePassingTooltip() {
        setConsumeAutoHidingEvents(false);
    }

    public EscapePassingTooltip(String text) {
        super(text);
        setConsumeAutoHidingEvents(false);
    }
}
