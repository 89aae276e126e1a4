package dev.tradedesk.ui.perf;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.renderer.spi.AbstractRendererXY;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws {@link SwitchMarkerDataSet}s as dashed vertical lines across the plot, each labelled at the
 * top with what changed ("cache off"), in the dataset's CSS line colour. Allocates nothing per
 * frame. Its axes are ranged by the view. JavaFX thread only.
 */
final class SwitchMarkerRenderer extends AbstractRendererXY<SwitchMarkerRenderer> {

    private static final double[] DASHES = {4, 3};
    private static final Font LABEL_FONT = Font.font(10);
    private static final double LABEL_LINE = 12;
    /** Room a label needs to the right of its line; closer to the edge it goes to the left. */
    private static final double LABEL_ROOM = 60;

    @Override
    protected void render(GraphicsContext gc, DataSet dataSet, DataSetNode style) {
        if (!(dataSet instanceof SwitchMarkerDataSet markers) || markers.getDataCount() == 0) {
            return;
        }
        double top = Math.min(yAxis.getDisplayPosition(yAxis.getMin()), yAxis.getDisplayPosition(yAxis.getMax()));
        double bottom = Math.max(yAxis.getDisplayPosition(yAxis.getMin()), yAxis.getDisplayPosition(yAxis.getMax()));
        double left = Math.min(xAxis.getDisplayPosition(xMin), xAxis.getDisplayPosition(xMax));
        double right = Math.max(xAxis.getDisplayPosition(xMin), xAxis.getDisplayPosition(xMax));
        double labelY = top + LABEL_LINE * (markers.labelRow() + 1);
        gc.save();
        gc.setStroke(style.getLineColor());
        gc.setFill(style.getLineColor());
        gc.setLineWidth(1);
        gc.setLineDashes(DASHES);
        gc.setFont(LABEL_FONT);
        for (int i = 0; i < markers.getDataCount(); i++) {
            double x = Math.floor(xAxis.getDisplayPosition(markers.get(DataSet.DIM_X, i))) + 0.5;
            if (x < left || x > right) {
                continue;
            }
            gc.strokeLine(x, top, x, bottom);
            boolean nearRightEdge = x > right - LABEL_ROOM;
            gc.setTextAlign(nearRightEdge ? TextAlignment.RIGHT : TextAlignment.LEFT);
            gc.fillText(markers.label(i), nearRightEdge ? x - 3 : x + 3, labelY);
        }
        gc.restore();
    }

    @Override
    public void updateAxisRange(Axis axis, AxisRange range) {
        // ranged by the view
    }

    @Override
    public boolean drawLegendSymbol(DataSetNode style, Canvas canvas) {
        return false;
    }

    @Override
    protected SwitchMarkerRenderer getThis() {
        return this;
    }
}
