package dev.tradedesk.ui.chart;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.renderer.spi.AbstractRendererXY;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.DataSetError;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * Fills a band dataset ({@link IndicatorDataSet#band}: midline plus symmetric errors) as a solid
 * area between its lower and upper edge, in the dataset's CSS line colour (keep it subtle: lines
 * are drawn over it), and strokes both edges in its marker colour (not when it draws the columns'
 * means: {@link #renderColumns}).
 *
 * <p>Why not ChartFX's {@code ErrorStyle.ERRORSURFACE}: in 11.3.1 its surface stops a bar or two
 * short of the last point, which is the live edge a trader watches, and it can only hatch. This
 * renderer draws one extent per pixel column ({@link ColumnEnvelope}: the lowest lower edge and
 * highest upper edge, the exact envelope at pixel resolution), from {@link VisibleEnvelopes} when
 * the bars are dense (O(plot width)) or from the visible points otherwise, and breaks the area
 * where the band is undefined (NaN), so a frame draws at most two vertices per pixel of plot width.
 *
 * <p>Its axes are ranged by the view, so it contributes nothing to auto-ranging. JavaFX thread only.
 */
final class BandRenderer extends AbstractRendererXY<BandRenderer> {

    private final VisibleEnvelopes envelopes;
    private final ColumnEnvelope envelope = new ColumnEnvelope();

    BandRenderer(VisibleEnvelopes envelopes) {
        this.envelopes = envelopes;
    }

    @Override
    protected void render(GraphicsContext gc, DataSet dataSet, DataSetNode style) {
        if (!(dataSet instanceof DataSetError band) || band.getDataCount() == 0) {
            return;
        }
        gc.save();
        gc.setFill(style.getLineColor());
        gc.setStroke(style.getMarkerColor());
        gc.setLineWidth(1);
        if (envelopes.isActive()) {
            renderColumns(gc);
        } else {
            renderPoints(gc, band);
        }
        gc.restore();
    }

    /**
     * Dense bars: the columns' lowest lower and highest upper edge, from the pyramid; from
     * {@link VisibleEnvelopes#SUMMARY_BARS} bars a column, the mean lower and upper edge, where the
     * band mostly stood (its extremes over hundreds of bars span most of the pane).
     */
    private void renderColumns(GraphicsContext gc) {
        boolean means = envelopes.summarises();
        for (int c = 0; c < envelopes.columns(); c++) {
            double lower = means ? envelopes.mean(c, VisibleEnvelopes.BAND_LOWER_SUM) : envelopes.value(c, VisibleEnvelopes.BAND_LOWER_MIN);
            double upper = means ? envelopes.mean(c, VisibleEnvelopes.BAND_UPPER_SUM) : envelopes.value(c, VisibleEnvelopes.BAND_UPPER_MAX);
            if (Double.isNaN(lower) || Double.isNaN(upper)) {
                envelope.flush(gc, true, !means);
                continue;
            }
            double x = xAxis.getDisplayPosition(envelopes.x(c));
            if (envelope.breaksBefore(x)) {
                envelope.flush(gc, true, !means);
            }
            envelope.add(x, yAxis.getDisplayPosition(upper), yAxis.getDisplayPosition(lower));
        }
        // The means' edges move by pixels from one pixel column to the next, and stroking such
        // edges took more painting time than the whole pane had: the fill alone shows them.
        envelope.flush(gc, true, !means);
    }

    /** Sparse bars: every visible point, merged per pixel column. */
    private void renderPoints(GraphicsContext gc, DataSetError band) {
        int first = Math.max(0, band.getIndex(DataSet.DIM_X, xMin) - 1);
        int last = Math.min(band.getDataCount() - 1, band.getIndex(DataSet.DIM_X, xMax) + 1);
        for (int i = first; i <= last; i++) {
            double mid = band.get(DataSet.DIM_Y, i);
            double half = band.getErrorPositive(DataSet.DIM_Y, i);
            if (Double.isNaN(mid) || Double.isNaN(half)) {
                envelope.flush(gc, true, true);
                continue;
            }
            envelope.add(xAxis.getDisplayPosition(band.get(DataSet.DIM_X, i)),
                    yAxis.getDisplayPosition(mid + half), yAxis.getDisplayPosition(mid - half));
        }
        envelope.flush(gc, true, true);
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
    protected BandRenderer getThis() {
        return this;
    }
}
