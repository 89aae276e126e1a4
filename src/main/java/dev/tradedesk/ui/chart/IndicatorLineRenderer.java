package dev.tradedesk.ui.chart;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import java.util.Objects;
import javafx.scene.canvas.GraphicsContext;

/**
 * Indicator lines: ChartFX's {@link ErrorDataSetRenderer} with its point reduction while the bars
 * are sparse enough, or with the level of detail off. When {@link VisibleEnvelopes} is active
 * (dense bars, level of detail on) a line is filled instead as its per-pixel-column envelope
 * ({@link ColumnEnvelope}), each extent reaching back to the previous column's last value and
 * widened by the line width: the pixels the reduced polyline would cover, from O(plot width)
 * pyramid entries rather than O(visible) points, and without the full-height zigzag per pixel
 * that a dense oscillator costs to stroke in software rendering (ten times slower, chartfx.md
 * pitfall 12). From {@link VisibleEnvelopes#SUMMARY_BARS} bars a
 * column the line is the columns' means instead: an oscillator's extremes over so many bars cover
 * most of the pane.
 *
 * <p>Its axes are ranged by the view, so it contributes nothing to auto-ranging (which also avoids
 * ChartFX 11.3.1's endless redraw with empty datasets, pitfall 6). JavaFX thread only.
 */
final class IndicatorLineRenderer extends ErrorDataSetRenderer {

    private final VisibleEnvelopes envelopes;
    private final ColumnEnvelope envelope = new ColumnEnvelope();

    IndicatorLineRenderer(VisibleEnvelopes envelopes) {
        this.envelopes = Objects.requireNonNull(envelopes);
        setErrorStyle(ErrorStyle.NONE);
        setPolyLineStyle(LineStyle.NORMAL);
        setDrawMarker(false);
        setAllowNaNs(true);
        setPointReduction(true);
    }

    @Override
    protected void render(GraphicsContext gc, DataSet dataSet, DataSetNode style) {
        if (!envelopes.isActive() || !(dataSet instanceof IndicatorDataSet line) || line.upper() != null) {
            super.render(gc, dataSet, style);
            return;
        }
        gc.save();
        gc.setFill(style.getLineColor());
        if (envelopes.summarises()) {
            fillMeanLine(gc, line, style.getLineWidth() / 2);
        } else {
            fillEnvelope(gc, line, style.getLineWidth() / 2);
        }
        gc.restore();
    }

    /**
     * Each column's extent of the line, from the previous column's last value (where the line
     * enters the column) through its own extremes, widened by {@code halfWidth} pixels above and
     * below. Without the previous last value, a move between two columns steeper than the line is
     * wide was an area as thick as the line vertically, a hairline along the slope, and the
     * oscillator's swings all but vanished between its flat stretches.
     */
    private void fillEnvelope(GraphicsContext gc, IndicatorDataSet line, double halfWidth) {
        int lowest = VisibleEnvelopes.minChannel(line.lower());
        int highest = VisibleEnvelopes.maxChannel(line.lower());
        int last = VisibleEnvelopes.lastChannel(line.lower());
        double previous = Double.NaN;
        for (int c = 0; c < envelopes.columns(); c++) {
            double low = envelopes.value(c, lowest);
            double high = envelopes.value(c, highest);
            if (Double.isNaN(low) || Double.isNaN(high)) {
                envelope.flush(gc, true, false);
                previous = Double.NaN;
                continue;
            }
            double x = xAxis.getDisplayPosition(envelopes.x(c));
            if (envelope.breaksBefore(x)) {
                envelope.flush(gc, true, false);
                previous = Double.NaN; // a closed market's gap is not bridged
            }
            double top = yAxis.getDisplayPosition(high);
            double bottom = yAxis.getDisplayPosition(low);
            if (!Double.isNaN(previous)) {
                top = Math.min(top, previous);
                bottom = Math.max(bottom, previous);
            }
            envelope.add(x, top - halfWidth, bottom + halfWidth);
            previous = yAxis.getDisplayPosition(envelopes.value(c, last));
        }
        envelope.flush(gc, true, false);
    }

    /**
     * The line through the columns' means, as the pixels it covers: each column spans from the
     * previous column's mean to its own, widened by {@code halfWidth}. Filled like the envelope,
     * since software rendering strokes a polyline that moves by many pixels from one pixel column
     * to the next far slower than it fills the same pixels (chartfx.md pitfall 12).
     */
    private void fillMeanLine(GraphicsContext gc, IndicatorDataSet line, double halfWidth) {
        int sums = VisibleEnvelopes.sumChannel(line.lower());
        double previous = Double.NaN;
        for (int c = 0; c < envelopes.columns(); c++) {
            double mean = envelopes.mean(c, sums);
            if (Double.isNaN(mean)) {
                envelope.flush(gc, true, false);
                previous = Double.NaN;
                continue;
            }
            double x = xAxis.getDisplayPosition(envelopes.x(c));
            if (envelope.breaksBefore(x)) {
                envelope.flush(gc, true, false);
                previous = Double.NaN; // the line starts again after the gap
            }
            double y = yAxis.getDisplayPosition(mean);
            double from = Double.isNaN(previous) ? y : previous;
            envelope.add(x, Math.min(from, y) - halfWidth, Math.max(from, y) + halfWidth);
            previous = y;
        }
        envelope.flush(gc, true, false);
    }

    @Override
    public void updateAxisRange(Axis axis, AxisRange range) {
        // ranged by the view
    }
}
