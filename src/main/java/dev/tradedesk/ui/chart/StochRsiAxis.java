package dev.tradedesk.ui.chart;

import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.dataset.spi.fastutil.DoubleArrayList;

/**
 * The StochRSI pane's axis: its fixed 0..100 scale labelled at 0, 25, 50, 75 and 100, with room
 * above 100 and below 0 for half a label, so both ends are labelled whole at any pane height.
 * ChartFX picks its own tick unit, 50 on a short pane, and hides a label reaching past the axis
 * (that space is the pane above's): with a fixed margin of 4 units, a pane under about 200 pixels
 * (a 1400x900 main window's) lost its 100.
 *
 * <p>A scene-graph node: JavaFX thread only.
 */
final class StochRsiAxis extends ViewRangedAxis {

    /** The least room beyond 0 and 100, in StochRSI units, so the lines at either end stay clear of the plot's edge. */
    static final double MIN_PADDING = 4;

    private static final double[] LEVELS = {0, 25, 50, 75, 100};

    StochRsiAxis() {
        super("StochRSI");
        set(-MIN_PADDING, 100 + MIN_PADDING);
    }

    @Override
    protected void updateAxisRange(double length) {
        double padding = padding(length, tickLabelHeight() / 2);
        set(-padding, 100 + padding); // no change, no invalidation: same values on the same length
        super.updateAxisRange(length);
    }

    /** The room beyond 0 and 100 that puts their ticks {@code labelRoom} pixels inside an axis {@code length} long. */
    static double padding(double length, double labelRoom) {
        double inner = length - 2 * labelRoom;
        if (inner <= 0) {
            return MIN_PADDING;
        }
        return Math.max(MIN_PADDING, 100 * labelRoom / inner);
    }

    @Override
    protected void calculateMajorTickValues(AxisRange range, DoubleArrayList ticks) {
        for (double level : LEVELS) {
            ticks.add(level);
        }
    }
}
