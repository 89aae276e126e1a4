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
        double[] xs = new double[markers.getDataCount()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Math.floor(xAxis.getDisplayPosition(markers.get(DataSet.DIM_X, i))) + 0.5;
        }
        boolean[] labelled = labelled(xs, right);
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            if (x < left || x > right) {
                continue;
            }
            gc.strokeLine(x, top, x, bottom);
            if (labelled[i]) {
                boolean nearRightEdge = x > right - LABEL_ROOM;
                gc.setTextAlign(nearRightEdge ? TextAlignment.RIGHT : TextAlignment.LEFT);
                gc.fillText(markers.label(i), nearRightEdge ? x - 3 : x + 3, labelY);
            }
        }
        gc.restore();
    }

    /**
     * Which markers at {@code xs} (in time order) get a label: the latest always, an earlier one
     * only if its label ends before the next labelled one's begins. Switches seconds apart would
     * otherwise print their labels over each other ("cachecache on").
     */
    static boolean[] labelled(double[] xs, double right) {
        boolean[] labelled = new boolean[xs.length];
        double nextLabelStart = Double.POSITIVE_INFINITY;
        for (int i = xs.length - 1; i >= 0; i--) {
            boolean nearRightEdge = xs[i] > right - LABEL_ROOM;
            double start = nearRightEdge ? xs[i] - LABEL_ROOM : xs[i];
            double end = nearRightEdge ? xs[i] : xs[i] + LABEL_ROOM;
            if (end <= nextLabelStart) {
                labelled[i] = true;
                nextLabelStart = start;
            }
        }
        return labelled;
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
