package dev.tradedesk.ui.chart;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Mouse interaction on the chart: the wheel zooms the time axis around the cursor, a primary-button
 * drag pans, a double click resets to the default view, and the cursor position feeds the
 * crosshair. Every gesture only changes the {@link ChartModel}'s range; the view redraws at the
 * next pulse.
 *
 * <p>JavaFX thread only.
 */
final class ChartMouseControl {

    /** Zoom factor per wheel notch (40 units of scroll delta on most platforms). */
    static final double ZOOM_PER_NOTCH = 1.15;
    private static final double NOTCH = 40;

    /** Receives cursor positions in the overlay's coordinates; NaN when the cursor left. */
    interface CursorListener {
        void cursorAt(double x, double y);
    }

    private final ChartModel model;
    private final Node coordinates;
    private final Supplier<PlotGeometry> timeGeometry;
    private final CursorListener cursor;
    private double dragLastX = Double.NaN;

    /**
     * @param coordinates  the node whose coordinates {@code timeGeometry} and the listener use
     * @param timeGeometry the current mapping between x and time (epoch seconds)
     */
    ChartMouseControl(ChartModel model, Node coordinates, Supplier<PlotGeometry> timeGeometry, CursorListener cursor) {
        this.model = Objects.requireNonNull(model);
        this.coordinates = Objects.requireNonNull(coordinates);
        this.timeGeometry = Objects.requireNonNull(timeGeometry);
        this.cursor = Objects.requireNonNull(cursor);
    }

    void install(Node target) {
        target.addEventFilter(ScrollEvent.SCROLL, this::onScroll);
        target.addEventFilter(MouseEvent.MOUSE_MOVED, this::onMoved);
        target.addEventFilter(MouseEvent.MOUSE_PRESSED, this::onPressed);
        target.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        target.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> endDrag(target));
        target.addEventFilter(MouseEvent.MOUSE_EXITED, event -> cursor.cursorAt(Double.NaN, Double.NaN));
        target.addEventFilter(MouseEvent.MOUSE_CLICKED, this::onClicked);
    }

    private void onScroll(ScrollEvent event) {
        PlotGeometry geometry = timeGeometry.get();
        if (event.getDeltaY() == 0 || geometry == null || !geometry.isDefined()) {
            return;
        }
        Point2D local = coordinates.sceneToLocal(event.getSceneX(), event.getSceneY());
        double anchorSeconds = geometry.valueAtX(local.getX());
        model.zoom(Math.pow(ZOOM_PER_NOTCH, -event.getDeltaY() / NOTCH), Math.round(anchorSeconds * 1000));
        event.consume();
    }

    private void onMoved(MouseEvent event) {
        Point2D local = coordinates.sceneToLocal(event.getSceneX(), event.getSceneY());
        cursor.cursorAt(local.getX(), local.getY());
    }

    private void onPressed(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY) {
            dragLastX = event.getSceneX();
        }
    }

    private void onDragged(MouseEvent event) {
        onMoved(event);
        PlotGeometry geometry = timeGeometry.get();
        if (Double.isNaN(dragLastX) || geometry == null || !geometry.isDefined()) {
            return;
        }
        double dx = event.getSceneX() - dragLastX;
        dragLastX = event.getSceneX();
        ((Node) event.getSource()).setCursor(Cursor.CLOSED_HAND);
        double millisPerPixel = (geometry.toX() - geometry.fromX()) * 1000 / geometry.plot().getWidth();
        long delta = Math.round(-dx * millisPerPixel);
        if (delta != 0) {
            model.pan(delta);
        }
        event.consume();
    }

    private void endDrag(Node target) {
        dragLastX = Double.NaN;
        target.setCursor(null);
    }

    private void onClicked(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
            model.resetView();
            event.consume();
        }
    }
}
