package dev.tradedesk.ui.workstation;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the workstation window opens: with its corners on screen (within the screens' visual
 * bounds, the screens less their panels and docks), so that neither the menu bar nor the status
 * bar starts out of sight. A saved window that spans two monitors stays as it was; one bigger than
 * its screen (saved on a larger monitor, or the default size on a laptop) is shrunk to it, and one
 * partly off every screen is moved back onto the screen that shows most of it.
 */
final class WindowPlacement {

    /** A corner this far inside the window must be on a screen: the window's edge itself may sit on the screen's edge. */
    private static final double CORNER_INSET = 1;
    /** Share of a screen too small for the window that the window takes when un-maximized. */
    static final double UNMAXIMIZED_SHARE = 0.9;

    /** Where the window goes, and whether it opens maximized. */
    record Placement(Rectangle2D bounds, boolean maximized) {
    }

    private WindowPlacement() {
    }

    /**
     * The window's placement: {@code saved} (null at the first start) where the screens still show
     * it, else the default size centred on the primary screen. A window that had to be shrunk to
     * its screen opens maximized: as large as the screen it does not fit with its title bar, and a
     * window manager (Openbox, seen at 1366 x 768) then gave it its minimum size; maximized, the
     * window manager fits it. Its un-maximized size then keeps a margin.
     */
    static Placement place(Rectangle2D saved, List<Rectangle2D> screens, Rectangle2D primary, double defaultWidth,
            double defaultHeight) {
        Rectangle2D wanted = saved;
        Rectangle2D bounds = saved == null ? null : onScreens(saved, screens).orElse(null);
        if (bounds == null) {
            wanted = new Rectangle2D(0, 0, defaultWidth, defaultHeight);
            bounds = centred(defaultWidth, defaultHeight, primary);
        }
        boolean shrunk = bounds.getWidth() < wanted.getWidth() || bounds.getHeight() < wanted.getHeight();
        if (shrunk) {
            bounds = centred(bounds.getWidth() * UNMAXIMIZED_SHARE, bounds.getHeight() * UNMAXIMIZED_SHARE, bounds);
        }
        return new Placement(bounds, shrunk);
    }

    /**
     * {@code saved} as it is when each of its corners is on one of {@code screens}; otherwise fitted
     * onto the screen that shows most of it; empty when no screen shows any of it (a monitor
     * unplugged since).
     */
    static Optional<Rectangle2D> onScreens(Rectangle2D saved, List<Rectangle2D> screens) {
        if (cornersOnScreens(saved, screens)) {
            return Optional.of(saved);
        }
        Rectangle2D best = null;
        double bestOverlap = 0;
        for (Rectangle2D screen : screens) {
            double overlap = overlap(saved, screen);
            if (overlap > bestOverlap) {
                best = screen;
                bestOverlap = overlap;
            }
        }
        return best == null ? Optional.empty() : Optional.of(within(saved, best));
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

    private static boolean cornersOnScreens(Rectangle2D window, List<Rectangle2D> screens) {
        double left = window.getMinX() + CORNER_INSET;
        double right = window.getMaxX() - CORNER_INSET;
        double top = window.getMinY() + CORNER_INSET;
        double bottom = window.getMaxY() - CORNER_INSET;
        return onAScreen(left, top, screens) && onAScreen(right, top, screens) && onAScreen(left, bottom, screens)
                && onAScreen(right, bottom, screens);
    }

    private static boolean onAScreen(double x, double y, List<Rectangle2D> screens) {
        return screens.stream().anyMatch(screen -> screen.contains(x, y));
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double width = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double height = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return width > 0 && height > 0 ? width * height : 0;
    }
}
