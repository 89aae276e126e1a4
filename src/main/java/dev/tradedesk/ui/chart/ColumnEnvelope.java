package dev.tradedesk.ui.chart;

import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;

/**
 * Reduces dense screen points to one vertical extent per pixel column and draws them as one
 * area: what a polyline through those points covers at pixel resolution, at a fraction of the
 * rasterizing cost. A dense oscillator reduced to per-pixel minima and maxima (ChartFX's own
 * reduction) still zigzags the full height of the plot once per pixel, and stroking that zigzag
 * dominates the frame in software rendering (chartfx.md pitfall 12); filling its outline does not.
 *
 * <p>Points are added left to right in screen coordinates; {@link #flush} draws what was
 * collected (at the end, and where the data has a gap) and starts again. The area covers every
 * segment between consecutive points: each lies between the extents of the two columns it joins.
 *
 * <p>Not thread-safe; reused frame after frame by one renderer on the JavaFX thread.
 */
final class ColumnEnvelope {

    /** The widest stretch without points that an area still joins across, in pixels. */
    static final double MAX_JOINED_PIXELS = 6;

    private double[] columnX = new double[256];
    private double[] columnTop = new double[256];
    private double[] columnBottom = new double[256];
    private double[] polygonX = new double[512];
    private double[] polygonY = new double[512];
    private int columns;
    private long column = Long.MIN_VALUE;

    /**
     * Whether a point at {@code x} lies so far right of the last one that the area should end
     * before it: a stretch with no data (a closed market) more than {@link #MAX_JOINED_PIXELS}
     * wide, which a joined area would bridge with a wedge from one side's values to the other's.
     */
    boolean breaksBefore(double x) {
        return columns > 0 && x - columnX[columns - 1] > MAX_JOINED_PIXELS;
    }

    /** Adds a point at {@code x} covering {@code top..bottom} (screen y grows downwards). */
    void add(double x, double top, double bottom) {
        long pixel = (long) Math.floor(x);
        if (pixel == column) {
            int c = columns - 1;
            columnTop[c] = Math.min(columnTop[c], top);
            columnBottom[c] = Math.max(columnBottom[c], bottom);
            columnX[c] = x;
            return;
        }
        if (columns == columnX.length) {
            grow();
        }
        columnX[columns] = x;
        columnTop[columns] = top;
        columnBottom[columns] = bottom;
        columns++;
        column = pixel;
    }

    /**
     * Draws the collected columns with the context's current paints, then starts a new area.
     *
     * @param fill        whether to fill the area
     * @param strokeEdges whether to stroke its top and bottom edges (a sparse line is its edges)
     */
    void flush(GraphicsContext gc, boolean fill, boolean strokeEdges) {
        if (columns == 1) {
            // A lone column between gaps (a short session at a far zoom) still shows, one pixel wide.
            gc.fillRect(columnX[0] - 0.5, columnTop[0], 1, Math.max(1, columnBottom[0] - columnTop[0]));
        } else if (columns >= 2) {
            if (fill) {
                for (int c = 0; c < columns; c++) {
                    polygonX[c] = columnX[c];
                    polygonY[c] = columnTop[c];
                    polygonX[2 * columns - 1 - c] = columnX[c];
                    polygonY[2 * columns - 1 - c] = columnBottom[c];
                }
                gc.fillPolygon(polygonX, polygonY, 2 * columns);
            }
            if (strokeEdges) {
                gc.strokePolyline(columnX, columnTop, columns);
                gc.strokePolyline(columnX, columnBottom, columns);
            }
        }
        columns = 0;
        column = Long.MIN_VALUE;
    }

    private void grow() {
        int capacity = columnX.length * 2;
        columnX = Arrays.copyOf(columnX, capacity);
        columnTop = Arrays.copyOf(columnTop, capacity);
        columnBottom = Arrays.copyOf(columnBottom, capacity);
        polygonX = new double[2 * capacity];
        polygonY = new double[2 * capacity];
    }
}
