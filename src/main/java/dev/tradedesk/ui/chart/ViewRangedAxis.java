package dev.tradedesk.ui.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import javafx.collections.ObservableList;
import javafx.scene.canvas.GraphicsContext;

/**
 * A chart pane's axis, time or value, ranged by the view ({@link ChartAxes#viewRanged}), whose
 * tick labels are drawn whole or not at all ({@link ChartAxes#hideCutLabels}).
 *
 * <p>A scene-graph node: JavaFX thread only.
 */
class ViewRangedAxis extends DefaultNumericAxis {

    ViewRangedAxis(String name) {
        super(name);
        ChartAxes.viewRanged(this);
    }

    ViewRangedAxis(String name, double lowerBound, double upperBound, double tickUnit) {
        super(name, lowerBound, upperBound, tickUnit);
        ChartAxes.viewRanged(this);
    }

    @Override
    protected void drawTickLabels(GraphicsContext gc, double axisWidth, double axisHeight,
            ObservableList<TickMark> tickMarks, double tickLength) {
        ChartAxes.hideCutLabels(this, tickMarks);
        super.drawTickLabels(gc, axisWidth, axisHeight, tickMarks, tickLength);
    }
}
