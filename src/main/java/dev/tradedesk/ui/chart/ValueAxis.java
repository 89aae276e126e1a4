package dev.tradedesk.ui.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import javafx.collections.ObservableList;
import javafx.scene.canvas.GraphicsContext;

/**
 * A chart pane's value axis, ranged by the view ({@link ChartAxes#viewRanged}), whose tick labels
 * are drawn whole or not at all ({@link ChartAxes#hideCutLabels}).
 *
 * <p>A scene-graph node: JavaFX thread only.
 */
class ValueAxis extends DefaultNumericAxis {

    ValueAxis(String name) {
        super(name);
        ChartAxes.viewRanged(this);
    }

    @Override
    protected void drawTickLabels(GraphicsContext gc, double axisWidth, double axisHeight,
            ObservableList<TickMark> tickMarks, double tickLength) {
        ChartAxes.hideCutLabels(this, tickMarks);
        super.drawTickLabels(gc, axisWidth, axisHeight, tickMarks, tickLength);
    }
}
