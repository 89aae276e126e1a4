package dev.tradedesk.ui.chart;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.renderer.spi.AbstractRendererXY;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.DataSetError;
import java.util.Arrays;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * Fills a band dataset ({@link IndicatorDataSet#band}: midline plus symmetric errors) as a solid
 * area between its lower and upper edge, in the dataset's CSS line colour (keep it subtle: lines
 * are drawn over it), and strokes both edges in its marker colour.
 *
 * <p>Why not ChartFX's {@code ErrorStyle.ERRORSURFACE}: in 11.3.1 its surface stops a bar or two
 * short of the last point, which is the live edge a trader watches, and it can only hatch. This
 * renderer reduces the visible points to one vertex pair per pixel column (lowest lower edge,
 * highest upper edge: the exact envelope at pixel resolution) and breaks the area where the band
 * is undefined (NaN), so a frame draws at most two vertices per pixel of plot width.
 *
 * <p>Its axes are ranged by the view, so it contributes nothing to auto-ranging. JavaFX thread only.
 */
final class BandRenderer extends AbstractRendererXY<BandRenderer> {

    private double[] polygonX = new double[0];
    private double[] polygonY = new double[0];
    private double[] columnX = new double[0];
    private double[] columnTop = new double[0];
    private double[] columnBottom = new double[0];

    @Override
    protected void render(GraphicsContext gc, DataSet dataSet, DataSetNode style) {
        if (!(dataSet instanceof DataSetError band) || band.getDataCount() == 0) {
            return;
        }
        int first = Math.max(0, band.getIndex(DataSet.DIM_X, xMin) - 1);
        int last = Math.min(band.getDataCount() - 1, band.getIndex(DataSet.DIM_X, xMax) + 1);
        ensureCapacity((int) Math.ceil(xAxis.getWidth()) + 8);
        gc.save();
        gc.setFill(style.getLineColor());
        gc.setStroke(style.getMarkerColor());
        gc.setLineWidth(1);
        int columns = 0;
        int column = Integer.MIN_VALUE;
        for (int i = first; i <= last; i++) {
            double mid = band.get(DataSet.DIM_Y, i);
            double half = band.getErrorPositive(DataSet.DIM_Y, i);
            if (Double.isNaN(mid) || Double.isNaN(half)) {
                fill(gc, columns);
                columns = 0;
                column = Integer.MIN_VALUE;
                continue;
            }
            double x = xAxis.getDisplayPosition(band.get(DataSet.DIM_X, i));
            double top = yAxis.getDisplayPosition(mid + half);
            double bottom = yAxis.getDisplayPosition(mid - half);
            int pixel = (int) Math.floor(x);
            if (pixel == column) {
                int c = columns - 1;
                columnTop[c] = Math.min(columnTop[c], top);
                columnBottom[c] = Math.max(columnBottom[c], bottom);
                columnX[c] = x;
            } else {
                if (columns == columnX.length) {
                    ensureCapacity(columns * 2);
                }
                columnX[columns] = x;
                columnTop[columns] = top;
                columnBottom[columns] = bottom;
                columns++;
                column = pixel;
            }
        }
        fill(gc, columns);
        gc.restore();
    }

    /** Fills the area over the collected columns: along the top, then back along the bottom. */
    private void fill(GraphicsContext gc, int columns) {
        if (columns < 2) {
            return;
        }
        for (int c = 0; c < columns; c++) {
            polygonX[c] = columnX[c];
            polygonY[c] = columnTop[c];
            polygonX[2 * columns - 1 - c] = columnX[c];
            polygonY[2 * columns - 1 - c] = columnBottom[c];
        }
        gc.fillPolygon(polygonX, polygonY, 2 * columns);
        gc.strokePolyline(columnX, columnTop, columns);
        gc.strokePolyline(columnX, columnBottom, columns);
    }

    private void ensureCapacity(int columns) {
        if (columnX.length >= columns) {
            return;
        }
        columnX = Arrays.copyOf(columnX, columns);
        columnTop = Arrays.copyOf(columnTop, columns);
        columnBottom = Arrays.copyOf(columnBottom, columns);
        polygonX = Arrays.copyOf(polygonX, 2 * columns);
        polygonY = Arrays.copyOf(polygonY, 2 * columns);
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
