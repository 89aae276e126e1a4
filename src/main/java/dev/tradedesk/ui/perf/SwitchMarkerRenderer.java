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
 * Draws {@link SwitchMarkerDataSet}s as dashed vertical lines across the plot, labelled at the top
 * with what changed ("cache off"), or only "off" where that has no room, where the label fits beside
 * its line clear of every switch's lines ({@link #placeLabels}), in the dataset's CSS line colour. Every line is drawn first,
 * then every label on a cleared box over them: drawn with its own lines, a label had the other
 * switch's lines (ChartFX draws datasets last first) and the chart's own curves run through its
 * text. Belongs last in a chart's renderers, so that the chart's lines are under the labels too.
 * Its axes are ranged by the view. JavaFX thread only.
 */
final class SwitchMarkerRenderer extends AbstractRendererXY<SwitchMarkerRenderer> {

    private static final double[] DASHES = {4, 3};
    private static final Font LABEL_FONT = Font.font(10);
    private static final double LABEL_LINE = 12;
    /** Gap between a line and its label's text, and between a label and the next line or label. */
    static final double LABEL_GAP = 3;

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
        double[][] lines = new double[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            DataSetNode style = nodes.get(i);
            lines[i] = style.isVisible() && style.getDataSet() instanceof SwitchMarkerDataSet markers
                    ? lineXs(markers) : new double[0];
        }
        for (int i = 0; i < nodes.size(); i++) {
            DataSetNode style = nodes.get(i);
            if (lines[i].length > 0 && style.getDataSet() instanceof SwitchMarkerDataSet markers) {
                drawLabels(gc, markers, lines[i], otherLines(lines, i), style);
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

    private void drawLabels(GraphicsContext gc, SwitchMarkerDataSet markers, double[] xs, double[] others,
            DataSetNode style) {
        int count = xs.length;
        double baseline = plotTop() + LABEL_LINE * (markers.labelRow() + 1);
        double[] widths = new double[count];
        double[] briefWidths = new double[count];
        for (int i = 0; i < count; i++) {
            widths[i] = labelWidths.computeIfAbsent(markers.label(i), measure);
            briefWidths[i] = labelWidths.computeIfAbsent(markers.briefLabel(i), measure);
        }
        LabelPlaces places = placeLabels(xs, widths, briefWidths, others, plotLeft(), plotRight());
        gc.save();
        gc.setFill(style.getLineColor());
        gc.setFont(LABEL_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < count; i++) {
            double textLeft = places.starts()[i];
            if (Double.isNaN(textLeft)) {
                continue;
            }
            boolean brief = places.brief()[i];
            // Whole pixels, clear of the line's own pixel column: a label covers what runs under it, not its line.
            double boxLeft = Math.floor(textLeft - 1);
            double boxRight = Math.ceil(textLeft + (brief ? briefWidths[i] : widths[i]) + 1);
            gc.clearRect(boxLeft, baseline - LABEL_LINE + 2, boxRight - boxLeft, LABEL_LINE);
            gc.fillText(brief ? markers.briefLabel(i) : markers.label(i), textLeft, baseline);
        }
        gc.restore();
    }

    private double[] lineXs(SwitchMarkerDataSet markers) {
        double[] xs = new double[markers.getDataCount()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = lineX(markers, i);
        }
        return xs;
    }

    /** The lines of every switch but the one at {@code index}. */
    private static double[] otherLines(double[][] lines, int index) {
        int count = 0;
        for (int i = 0; i < lines.length; i++) {
            count += i == index ? 0 : lines[i].length;
        }
        double[] others = new double[count];
        int at = 0;
        for (int i = 0; i < lines.length; i++) {
            if (i != index) {
                System.arraycopy(lines[i], 0, others, at, lines[i].length);
                at += lines[i].length;
            }
        }
        return others;
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
     * Where the labels of one switch's markers at {@code xs} (in time order) start, and which of
     * each marker's two labels stands there: its whole label ({@code widths} wide, "cache off") or,
     * where that has no room, its brief one ({@code briefWidths} wide, "off"); a start of NaN leaves
     * the marker unlabelled. A label stands right of its line, or left of it where that has no room,
     * inside the plot from {@code left} to {@code right}, always between its own line and the
     * nearest lines before and after it, of its own switch ({@code xs}) or another one
     * ({@code others}, in any order), clear of them and of the other labels: a label over an
     * earlier line of its switch hid that line's top and read as if the switch changed there
     * ("cache on" over the line where the cache went off), and one over another switch's line cut
     * that line in two. The latest markers are placed first, each whole on either side before
     * brief on either side; one with no room for either goes unlabelled, its line drawn whole.
     * Another switch's line in the same pixel column as a marker stands beside its label like the
     * marker's own.
     */
    static LabelPlaces placeLabels(double[] xs, double[] widths, double[] briefWidths, double[] others, double left,
            double right) {
        double[] starts = new double[xs.length];
        boolean[] brief = new boolean[xs.length];
        double nextLabelStart = Double.POSITIVE_INFINITY;
        for (int i = xs.length - 1; i >= 0; i--) {
            double x = xs[i];
            double lineBefore = i > 0 ? xs[i - 1] : Double.NEGATIVE_INFINITY;
            double lineAfter = i < xs.length - 1 ? xs[i + 1] : right;
            for (double other : others) {
                if (other < x) {
                    lineBefore = Math.max(lineBefore, other);
                } else if (other > x) {
                    lineAfter = Math.min(lineAfter, other);
                }
            }
            double before = Math.max(left, lineBefore + LABEL_GAP);
            double after = Math.min(right, Math.min(nextLabelStart, lineAfter) - LABEL_GAP);
            if (x < left || x > right) {
                starts[i] = Double.NaN;
            } else {
                starts[i] = beside(x, widths[i], before, after);
                if (Double.isNaN(starts[i])) {
                    starts[i] = beside(x, briefWidths[i], before, after);
                    brief[i] = !Double.isNaN(starts[i]);
                }
            }
            if (!Double.isNaN(starts[i])) {
                nextLabelStart = starts[i];
            }
        }
        return new LabelPlaces(starts, brief);
    }

    /**
     * Where a label {@code width} wide starts right of the line at {@code x}, or else left of it,
     * from {@code before} to {@code after}; NaN where it fits neither side.
     */
    private static double beside(double x, double width, double before, double after) {
        if (x + LABEL_GAP + width <= after) {
            return x + LABEL_GAP;
        }
        if (x - LABEL_GAP - width >= before) {
            return x - LABEL_GAP - width;
        }
        return Double.NaN;
    }

    /** Where each marker's label starts (NaN: none), and whether it is the brief one. */
    record LabelPlaces(double[] starts, boolean[] brief) {
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
