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
 * ({@link ColumnEnvelope}), each extent widened by the line width: the pixels the reduced polyline
 * would cover, from O(plot width) pyramid entries rather than O(visible) points, and without the
 * full-height zigzag per pixel that a dense oscillator costs to stroke in software rendering
 * (ten times slower, chartfx.md pitfall 12).
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
        int lowest = VisibleEnvelopes.minChannel(line.lower());
        int highest = VisibleEnvelopes.maxChannel(line.lower());
        double halfWidth = style.getLineWidth() / 2;
        gc.save();
        gc.setFill(style.getLineColor());
        for (int c = 0; c < envelopes.columns(); c++) {
            double low = envelopes.value(c, lowest);
            double high = envelopes.value(c, highest);
            if (Double.isNaN(low) || Double.isNaN(high)) {
                envelope.flush(gc, true, false);
                continue;
            }
            envelope.add(xAxis.getDisplayPosition(envelopes.x(c)), yAxis.getDisplayPosition(high) - halfWidth,
                    yAxis.getDisplayPosition(low) + halfWidth);
        }
        envelope.flush(gc, true, false);
        gc.restore();
    }

    @Override
    public void updateAxisRange(Axis axis, AxisRange range) {
        // ranged by the view
    }
}
