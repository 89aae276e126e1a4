package dev.tradedesk.ui.chart;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/**
 * Where values land on a plot: the linear maps between a plot rectangle (in some node's
 * coordinates) and the time and value ranges it shows, the same maps ChartFX's linear axes use.
 * Computing them from the ranges the view has just set, rather than asking the axes, keeps the
 * overlay exact within the pulse, before ChartFX has laid the axes out again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param plot    the plot rectangle
 * @param fromX   the value at the plot's left edge (epoch seconds)
 * @param toX     the value at the right edge
 * @param bottomY the value at the bottom edge
 * @param topY    the value at the top edge
 */
record PlotGeometry(Bounds plot, double fromX, double toX, double bottomY, double topY) {

    static final Bounds EMPTY = new BoundingBox(0, 0, 0, 0);

    double xOf(double value) {
        return plot.getMinX() + (value - fromX) / (toX - fromX) * plot.getWidth();
    }

    double valueAtX(double x) {
        return fromX + (x - plot.getMinX()) / plot.getWidth() * (toX - fromX);
    }

    double yOf(double value) {
        return plot.getMaxY() - (value - bottomY) / (topY - bottomY) * plot.getHeight();
    }

    double valueAtY(double y) {
        return bottomY + (plot.getMaxY() - y) / plot.getHeight() * (topY - bottomY);
    }

    boolean contains(double x, double y) {
        return plot.getWidth() > 0 && plot.contains(x, y);
    }

    boolean isDefined() {
        return plot.getWidth() > 0 && plot.getHeight() > 0 && toX > fromX && topY > bottomY;
    }
}
