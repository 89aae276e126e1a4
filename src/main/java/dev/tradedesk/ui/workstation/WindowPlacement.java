package dev.tradedesk.ui.workstation;

import javafx.geometry.Rectangle2D;

/**
 * Where the workstation window opens: inside the visual bounds of a screen (the screen less its
 * panels and docks), so that neither the menu bar nor the status bar starts out of sight. A
 * window bigger than the screen, saved on a larger monitor or the default size on a laptop, is
 * shrunk to it; one partly off it is moved back on.
 */
final class WindowPlacement {

    private WindowPlacement() {
    }

    /** {@code wanted} moved and, where it must be, shrunk to lie within {@code screen}. */
    static Rectangle2D within(Rectangle2D wanted, Rectangle2D screen) {
        double width = Math.min(wanted.getWidth(), screen.getWidth());
        double height = Math.min(wanted.getHeight(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(wanted.getMinX(), screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(wanted.getMinY(), screen.getMaxY() - height));
        return new Rectangle2D(x, y, width, height);
    }

    /** A window of {@code width} × {@code height}, as much of it as {@code screen} holds, centred on it. */
    static Rectangle2D centred(double width, double height, Rectangle2D screen) {
        double fittedWidth = Math.min(width, screen.getWidth());
        double fittedHeight = Math.min(height, screen.getHeight());
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - fittedWidth) / 2,
                screen.getMinY() + (screen.getHeight() - fittedHeight) / 2, fittedWidth, fittedHeight);
    }
}
