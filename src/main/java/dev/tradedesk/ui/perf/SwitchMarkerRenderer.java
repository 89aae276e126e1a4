package dev.tradedesk.ui.perf;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.renderer.spi.AbstractRendererXY;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws {@link SwitchMarkerDataSet}s as dashed vertical lines across the plot, each labelled at the
 * top with what changed ("cache off"), in the dataset's CSS line colour. Every line is drawn first,
 * then every label on a cleared box over them: drawn with its own lines, a label had the other
 * switch's lines (ChartFX draws datasets last first) and the chart's own curves run through its
 * text. Belongs last in a chart's renderers, so that the chart's lines are under the labels too.
 * Its axes are ranged by the view. JavaFX thread only.
 */
final class SwitchMarkerRenderer extends AbstractRendererXY<SwitchMarkerRenderer> {

    private static final double[] DASHES = {4, 3};
    private static final Font LABEL_FONT = Font.font(10);
    private static final double LABEL_LINE = 12;
    /** Room a label needs to the right of its line; closer to the edge it goes to the left. */
    private static final double LABEL_ROOM = 60;
    /** Gap between a line and its label's text. */
    private static final double LABEL_GAP = 3;

    /** Label widths by label: the labels are a few constants, measured once each. */
    private final Map<String, Double> labelWidths = new HashMap<>();
    private final Function<String, Double> measure = SwitchMarkerRenderer::textWidth;

    @Override
    public void render() {
        super.render();
        if (getDatasets().isEmpty()) {
            return;
        }
        GraphicsContext gc = getChart().getCanvas().getGraphicsContext2D();
        List<DataSetNode> nodes = getDatasetNodes();
        for (int i = 0; i < nodes.size(); i++) {
            DataSetNode style = nodes.get(i);
            if (style.isVisible() && style.getDataSet() instanceof SwitchMarkerDataSet markers) {
                drawLabels(gc, markers, style);
            }
        }
    }

    /** The lines of one switch; {@link #render()} draws the labels once every line is drawn. */
    @Override
    protected void render(GraphicsContext gc, DataSet dataSet, DataSetNode style) {
        if (!(dataSet instanceof SwitchMarkerDataSet markers) || markers.getDataCount() == 0) {
            return;
        }
        double top = plotTop();
        double bottom = Math.max(yAxis.getDisplayPosition(yAxis.getMin()), yAxis.getDisplayPosition(yAxis.getMax()));
        double left = plotLeft();
        double right = plotRight();
        gc.save();
        gc.setStroke(style.getLineColor());
        gc.setLineWidth(1);
        gc.setLineDashes(DASHES);
        for (int i = 0; i < markers.getDataCount(); i++) {
            double x = lineX(markers, i);
            if (x >= left && x <= right) {
                gc.strokeLine(x, top, x, bottom);
            }
        }
        gc.restore();
    }

    private void drawLabels(GraphicsContext gc, SwitchMarkerDataSet markers, DataSetNode style) {
        int count = markers.getDataCount();
        if (count == 0) {
            return;
        }
        double left = plotLeft();
        double right = plotRight();
        double baseline = plotTop() + LABEL_LINE * (markers.labelRow() + 1);
        double[] xs = new double[count];
        for (int i = 0; i < count; i++) {
            xs[i] = lineX(markers, i);
        }
        boolean[] labelled = labelled(xs, right);
        gc.save();
        gc.setFill(style.getLineColor());
        gc.setFont(LABEL_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < count; i++) {
            double x = xs[i];
            if (!labelled[i] || x < left || x > right) {
                continue;
            }
            String label = markers.label(i);
            double width = labelWidths.computeIfAbsent(label, measure);
            double textLeft = x > right - LABEL_ROOM ? x - LABEL_GAP - width : x + LABEL_GAP;
            // Whole pixels, clear of the line's own pixel column: a label covers what runs under it, not its line.
            double boxLeft = Math.floor(textLeft - 1);
            double boxRight = Math.ceil(textLeft + width + 1);
            gc.clearRect(boxLeft, baseline - LABEL_LINE + 2, boxRight - boxLeft, LABEL_LINE);
            gc.fillText(label, textLeft, baseline);
        }
        gc.restore();
    }

    private double lineX(SwitchMarkerDataSet markers, int index) {
        return Math.floor(xAxis.getDisplayPosition(markers.get(DataSet.DIM_X, index))) + 0.5;
    }

    private double plotTop() {
        return Math.min(yAxis.getDisplayPosition(yAxis.getMin()), yAxis.getDisplayPosition(yAxis.getMax()));
    }

    private double plotLeft() {
        return Math.min(xAxis.getDisplayPosition(xMin), xAxis.getDisplayPosition(xMax));
    }

    private double plotRight() {
        return Math.max(xAxis.getDisplayPosition(xMin), xAxis.getDisplayPosition(xMax));
    }

    private static double textWidth(String label) {
        Text text = new Text(label);
        text.setFont(LABEL_FONT);
        return text.getLayoutBounds().getWidth();
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
