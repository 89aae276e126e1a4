package dev.tradedesk.ui.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.dataset.events.ChartBits;
import java.util.Arrays;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.canvas.GraphicsContext;

/**
 * A chart pane's axis, time or value, ranged by the view ({@link ChartAxes#viewRanged}), whose
 * tick labels are drawn whole or not at all ({@link #hideCutLabels}) and never under a
 * tag the overlay draws beside the axis (the last price, the crosshair's value or time): a label
 * half hidden behind a tag reads as a different number.
 *
 * <p>A scene-graph node: JavaFX thread only.
 */
class ViewRangedAxis extends DefaultNumericAxis {

    /** The tags an axis can carry: one for the last price, one for the crosshair. */
    enum Tag { LAST_VALUE, CURSOR }

    /** Pixels between an end label and the end of the axis, so rounding never puts it a hair past. */
    private static final double END_LABEL_MARGIN = 0.5;
    /** Ticks are multiples of the unit added up in floating point: a tick may lie a hair from a multiple. */
    private static final double TICK_TOLERANCE = 1e-9;

    /** Per tag, its start and end along the axis in the axis' own coordinates; NaN when not shown. */
    private final double[] tagSpans = noTags();
    /** The labels hidden under tags at the last drawing, one bit per tick mark. */
    private long coveredWhenDrawn;
    /** Measures a label as ChartFX does, in the axis' current label style. */
    private final TickMark labelProbe = new TickMark(getTickLabelStyle());

    ViewRangedAxis(String name) {
        super(name);
        ChartAxes.viewRanged(this);
    }

    ViewRangedAxis(String name, double lowerBound, double upperBound, double tickUnit) {
        super(name, lowerBound, upperBound, tickUnit);
        ChartAxes.viewRanged(this);
    }

    /**
     * Keeps the tick labels clear of {@code tag}, which now covers {@code from} to {@code to} along
     * the axis (in the coordinates of its tick positions), or of nothing when either is NaN. Draws
     * the axis again only when that changes which labels are hidden.
     */
    void tagAt(Tag tag, double from, double to) {
        int at = 2 * tag.ordinal();
        if (Double.compare(tagSpans[at], from) == 0 && Double.compare(tagSpans[at + 1], to) == 0) {
            return;
        }
        tagSpans[at] = from;
        tagSpans[at + 1] = to;
        if (coveredLabels(getTickMarks()) != coveredWhenDrawn) {
            getBitState().setDirty(ChartBits.AxisCanvas);
        }
    }

    /**
     * Sets the range to {@code min} .. {@code max}, widened where ChartFX would put its top or
     * bottom tick within half a label of that end of the axis, {@code length} pixels long: ChartFX
     * hides a label reaching past the axis' parent (and {@link #hideCutLabels} one reaching past
     * its canvas), so such a tick lay inside the plot unlabelled, and the axis read as if it
     * stopped a step short ("232.5" two pixels below the top of a 1400x900 export, unlabelled
     * above "232.0"). The end moves out by less than half a label, just enough for the label to
     * fit; the tick it labels stays inside the plot.
     */
    void setKeepingEndLabels(double min, double max, double length) {
        set(min, max);
        double room = tickLabelHeight() / 2 + END_LABEL_MARGIN;
        if (!(max > min) || !(length > 4 * room)) {
            return;
        }
        double low = min;
        double high = max;
        // A wider range may step its ticks by a larger unit, which moves them: check again.
        for (int pass = 0; pass < 3; pass++) {
            double unit = computePreferredTickUnit(length);
            double top = Math.floor(high / unit + TICK_TOLERANCE) * unit;
            double bottom = Math.ceil(low / unit - TICK_TOLERANCE) * unit;
            double raised = (high - top) / (high - low) * length < room ? (top * length - room * low) / (length - room) : high;
            double lowered = (bottom - low) / (raised - low) * length < room
                    ? (bottom * length - room * raised) / (length - room) : low;
            if (raised == high && lowered == low) {
                return;
            }
            high = raised;
            low = lowered;
            set(low, high);
        }
    }

    /** The height of one line of tick label in the axis' current label style. */
    double tickLabelHeight() {
        labelProbe.setValue(0, "0");
        return labelProbe.getHeight();
    }

    void clearTag(Tag tag) {
        tagAt(tag, Double.NaN, Double.NaN);
    }

    @Override
    protected void drawTickLabels(GraphicsContext gc, double axisWidth, double axisHeight,
            ObservableList<TickMark> tickMarks, double tickLength) {
        hideCutLabels(tickMarks);
        coveredWhenDrawn = coveredLabels(tickMarks);
        for (int i = 0; i < tickMarks.size() && i < Long.SIZE; i++) {
            if ((coveredWhenDrawn & 1L << i) != 0) {
                tickMarks.get(i).setVisible(false);
            }
        }
        super.drawTickLabels(gc, axisWidth, axisHeight, tickMarks, tickLength);
    }

    /**
     * Hides the tick labels that would not fit whole on the axis' canvas, which reaches the axis
     * padding past either end: ChartFX draws them cut there ("16:0" at the right end of a time
     * axis). ChartFX's own check is against the axis' parent, which on a time axis is wider than the
     * canvas. ChartFX sets every label visible again before the next drawing.
     */
    private void hideCutLabels(List<TickMark> ticks) {
        double first = -getAxisPadding();
        double last = getLength() + getAxisPadding();
        for (TickMark tick : ticks) {
            double half = halfLength(tick);
            if (tick.getPosition() - half < first || tick.getPosition() + half > last) {
                tick.setVisible(false);
            }
        }
    }

    /** One bit per tick mark (the first 64) whose label overlaps a tag. */
    private long coveredLabels(List<TickMark> ticks) {
        long covered = 0;
        for (int i = 0; i < ticks.size() && i < Long.SIZE; i++) {
            TickMark tick = ticks.get(i);
            double half = halfLength(tick);
            for (int at = 0; at < tagSpans.length; at += 2) {
                if (tick.getPosition() + half > tagSpans[at] && tick.getPosition() - half < tagSpans[at + 1]) {
                    covered |= 1L << i;
                }
            }
        }
        return covered;
    }

    /** Half a label's length along the axis. */
    private double halfLength(TickMark tick) {
        boolean horizontal = getSide() != null && getSide().isHorizontal();
        return (horizontal ? tick.getWidth() : tick.getHeight()) / 2;
    }

    private static double[] noTags() {
        double[] spans = new double[2 * Tag.values().length];
        Arrays.fill(spans, Double.NaN);
        return spans;
    }
}
