package dev.tradedesk.ui.chart;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;

/**
 * The layer over the panes:
 * <ul>
 *   <li>the last-price tag on the price axis, with a dashed line across the price plot, coloured by
 *       the last price's change against the previous bar's close (pseudo-classes {@code :up} and
 *       {@code :down}, neither when unchanged);</li>
 *   <li>the crosshair: a vertical line through every pane at the bar under the cursor, a
 *       horizontal line in the hovered pane, and the time and the value at the cursor as tags on the
 *       axes;</li>
 *   <li>the readout of a bar's values in the price plot's top-left corner, wrapped to the plot's
 *       width so that it never covers the price axis;</li>
 *   <li>while the series is too short for the StochRSI pane's values, what it waits for
 *       ({@link StochRsiWarmUp}): centred in the pane while it is empty, in its top-left corner
 *       once some of it is drawn.</li>
 * </ul>
 * It never takes mouse events. Positions are given in this pane's coordinates; colours come from
 * CSS.
 *
 * <p>A scene-graph node: JavaFX thread only.
 */
final class ChartOverlay extends Pane {

    static final String READOUT = "chart-readout";
    static final String CROSSHAIR_LINE = "chart-crosshair-line";
    static final String CROSSHAIR_TAG = "chart-crosshair-tag";
    static final String LAST_PRICE_TAG = "last-price-tag";
    static final String LAST_PRICE_LINE = "last-price-line";
    static final String WARM_UP_HINT = "chart-warm-up-hint";
    static final PseudoClass UP = PseudoClass.getPseudoClass("up");
    static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");
    private static final double READOUT_INSET = 6;
    /** Pixels between a plot's right edge and a tag beside it. */
    private static final double TAG_OFFSET = 1;

    private final Line vertical = new Line();
    private final Line horizontal = new Line();
    private final Label timeTag = new Label();
    private final Label valueTag = new Label();
    private final Label readout = new Label();
    private final Line lastPriceLine = new Line();
    private final Label lastPriceTag = new Label();
    private final Label warmUpHint = new Label();
    /** What {@link #warmUpHint} was last placed for. */
    private StochRsiWarmUp.Hint placedHint;
    private Bounds hintPlot = PlotGeometry.EMPTY;

    ChartOverlay() {
        getStyleClass().add("chart-overlay");
        setMouseTransparent(true);
        setPickOnBounds(false);
        vertical.getStyleClass().add(CROSSHAIR_LINE);
        horizontal.getStyleClass().add(CROSSHAIR_LINE);
        timeTag.getStyleClass().add(CROSSHAIR_TAG);
        valueTag.getStyleClass().add(CROSSHAIR_TAG);
        readout.getStyleClass().add(READOUT);
        readout.setId("chartReadout");
        readout.setWrapText(true);
        lastPriceLine.getStyleClass().add(LAST_PRICE_LINE);
        lastPriceTag.getStyleClass().add(LAST_PRICE_TAG);
        lastPriceTag.setId("lastPriceTag");
        warmUpHint.getStyleClass().add(WARM_UP_HINT);
        warmUpHint.setId("stochWarmUpHint");
        warmUpHint.setWrapText(true);
        for (Label label : new Label[] {timeTag, valueTag, readout, lastPriceTag, warmUpHint}) {
            label.setManaged(false);
        }
        // Under the crosshair, whose lines and tags stay readable across it.
        getChildren().addAll(lastPriceLine, warmUpHint, vertical, horizontal, readout, lastPriceTag, timeTag, valueTag);
        hideCrosshair();
        hideLastPrice();
        hideWarmUpHint();
    }

    Label readout() {
        return readout;
    }

    Label lastPriceTag() {
        return lastPriceTag;
    }

    /** The crosshair's tag of the value at the cursor. */
    Label valueTag() {
        return valueTag;
    }

    Label warmUpHint() {
        return warmUpHint;
    }

    /**
     * Shows {@code hint} in {@code stochPlot}: centred while the pane is empty, else in its top-left
     * corner, where it covers least of what is drawn; hidden when null. Laid out again only when the
     * hint or the plot changed: the chart calls this every frame it redraws.
     */
    void showWarmUpHint(StochRsiWarmUp.Hint hint, Bounds stochPlot) {
        if (hint == placedHint && stochPlot.equals(hintPlot)) {
            return;
        }
        placedHint = hint;
        hintPlot = stochPlot;
        if (hint == null || stochPlot.getWidth() <= 0) {
            hideWarmUpHint();
            return;
        }
        warmUpHint.setText(hint.text());
        warmUpHint.setMaxWidth(readoutWidth(stochPlot.getWidth()));
        warmUpHint.applyCss(); // its font and padding, before it is sized
        warmUpHint.autosize();
        if (hint.paneEmpty()) {
            warmUpHint.relocate(Math.round(stochPlot.getMinX() + (stochPlot.getWidth() - warmUpHint.getWidth()) / 2),
                    Math.round(stochPlot.getMinY() + (stochPlot.getHeight() - warmUpHint.getHeight()) / 2));
        } else {
            warmUpHint.relocate(stochPlot.getMinX() + READOUT_INSET, stochPlot.getMinY() + READOUT_INSET);
        }
        warmUpHint.setVisible(true);
    }

    void hideWarmUpHint() {
        warmUpHint.setVisible(false);
    }

    void setReadout(String text, Bounds pricePlot) {
        readout.setText(text);
        readout.setMaxWidth(readoutWidth(pricePlot.getWidth()));
        readout.autosize();
        readout.relocate(pricePlot.getMinX() + READOUT_INSET, pricePlot.getMinY() + READOUT_INSET);
        readout.setVisible(!text.isEmpty());
    }

    /**
     * The pixels the readout takes from the top of a price plot {@code plotWidth} wide, with the
     * gaps above and below it; 0 while it is hidden.
     */
    double readoutSpace(double plotWidth) {
        if (!readout.isVisible() || readout.getText().isEmpty()) {
            return 0;
        }
        double width = Math.min(readout.prefWidth(-1), readoutWidth(plotWidth));
        return readout.prefHeight(width) + 2 * READOUT_INSET;
    }

    private static double readoutWidth(double plotWidth) {
        return Math.max(0, plotWidth - 2 * READOUT_INSET);
    }

    /**
     * Tags {@code text} at height {@code y} right of {@code pricePlot}, coloured by {@code change},
     * or hides it when y is outside the plot.
     */
    void showLastPrice(String text, double y, PriceChange change, Bounds pricePlot) {
        if (!(y >= pricePlot.getMinY() && y <= pricePlot.getMaxY())) {
            hideLastPrice();
            return;
        }
        lastPriceLine.setStartX(pricePlot.getMinX());
        lastPriceLine.setEndX(pricePlot.getMaxX());
        lastPriceLine.setStartY(snap(y));
        lastPriceLine.setEndY(snap(y));
        lastPriceTag.setText(text);
        lastPriceTag.pseudoClassStateChanged(UP, change == PriceChange.UP);
        lastPriceTag.pseudoClassStateChanged(DOWN, change == PriceChange.DOWN);
        lastPriceTag.autosize();
        lastPriceTag.relocate(pricePlot.getMaxX() + TAG_OFFSET, y - lastPriceTag.getHeight() / 2);
        lastPriceLine.setVisible(true);
        lastPriceTag.setVisible(true);
    }

    /**
     * The room the last-price tag takes right of the price plot, the pixel between them included;
     * 0 while it is hidden.
     */
    double lastPriceTagSpan() {
        return lastPriceTag.isVisible() ? TAG_OFFSET + lastPriceTag.getWidth() : 0;
    }

    /**
     * The room the crosshair's value tag takes right of the hovered plot, the pixel between them
     * included; 0 while it is hidden.
     */
    double valueTagSpan() {
        return valueTag.isVisible() ? TAG_OFFSET + valueTag.getWidth() : 0;
    }

    /** Where the last-price tag is drawn, in this overlay's coordinates; null when hidden. */
    Bounds lastPriceTagBounds() {
        return lastPriceTag.isVisible() ? lastPriceTag.getBoundsInParent() : null;
    }

    /** Where the crosshair's value tag is drawn; null when hidden. */
    Bounds valueTagBounds() {
        return valueTag.isVisible() ? valueTag.getBoundsInParent() : null;
    }

    /** Where the crosshair's time tag is drawn; null when hidden. */
    Bounds timeTagBounds() {
        return timeTag.isVisible() ? timeTag.getBoundsInParent() : null;
    }

    void hideLastPrice() {
        lastPriceLine.setVisible(false);
        lastPriceTag.setVisible(false);
    }

    /**
     * Shows the crosshair at {@code (x, y)}.
     *
     * @param allPlots    the union of the panes' plot areas (the vertical line spans it)
     * @param hoveredPlot the plot area under the cursor (the horizontal line spans it)
     * @param timeText    the time at the vertical line, tagged below the bottom plot
     * @param valueText   the value at the cursor, tagged right of the hovered plot
     */
    void showCrosshair(double x, double y, Bounds allPlots, Bounds hoveredPlot, String timeText, String valueText) {
        vertical.setStartX(snap(x));
        vertical.setEndX(snap(x));
        vertical.setStartY(allPlots.getMinY());
        vertical.setEndY(allPlots.getMaxY());
        horizontal.setStartX(hoveredPlot.getMinX());
        horizontal.setEndX(hoveredPlot.getMaxX());
        horizontal.setStartY(snap(y));
        horizontal.setEndY(snap(y));

        timeTag.setText(timeText);
        timeTag.autosize();
        timeTag.relocate(Math.max(allPlots.getMinX(), Math.min(x - timeTag.getWidth() / 2,
                allPlots.getMaxX() - timeTag.getWidth())), allPlots.getMaxY() + 1);
        valueTag.setText(valueText);
        valueTag.autosize();
        valueTag.relocate(hoveredPlot.getMaxX() + TAG_OFFSET, y - valueTag.getHeight() / 2);
        setCrosshairVisible(true);
    }

    void hideCrosshair() {
        setCrosshairVisible(false);
    }

    boolean isCrosshairVisible() {
        return vertical.isVisible();
    }

    /** The x of the crosshair's vertical line, NaN when hidden. */
    double crosshairX() {
        return vertical.isVisible() ? vertical.getStartX() : Double.NaN;
    }

    private void setCrosshairVisible(boolean visible) {
        vertical.setVisible(visible);
        horizontal.setVisible(visible);
        timeTag.setVisible(visible);
        valueTag.setVisible(visible);
    }

    /** Centres a 1-pixel line on a pixel, so it stays crisp. */
    private static double snap(double coordinate) {
        return Math.floor(coordinate) + 0.5;
    }
}
