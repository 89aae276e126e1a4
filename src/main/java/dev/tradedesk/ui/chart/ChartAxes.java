package dev.tradedesk.ui.chart;

import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.util.StringConverter;

/** Axes shared by the chart panes and the performance panel's small charts. */
public final class ChartAxes {

    private ChartAxes() {
    }

    /**
     * Makes {@code axis} one whose range the view sets: no auto-ranging, no animation, no axis
     * title, no minor ticks.
     */
    public static DefaultNumericAxis viewRanged(DefaultNumericAxis axis) {
        axis.setAutoRanging(false);
        axis.setAutoGrowRanging(false);
        axis.setAnimated(false);
        axis.getAxisLabel().setVisible(false);
        axis.getMinorTickStyle().setVisible(false);
        return axis;
    }

    /** Tick labels written by a number format; ChartFX never needs to parse them back. */
    public static StringConverter<Number> formattedBy(DoubleFunction<String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        };
    }

    /**
     * Hides the tick labels of {@code axis} that would not fit whole on its canvas, which reaches
     * the axis padding past either end: ChartFX draws them cut there ("16:0" at the right end of a
     * time axis). ChartFX's own check is against the axis' parent, which on a time axis is wider
     * than the canvas. Call before drawing the labels; ChartFX sets every label visible again
     * before the next drawing.
     */
    static void hideCutLabels(AbstractAxis axis, List<TickMark> ticks) {
        boolean horizontal = axis.getSide().isHorizontal();
        double first = -axis.getAxisPadding();
        double last = axis.getLength() + axis.getAxisPadding();
        for (TickMark tick : ticks) {
            double half = (horizontal ? tick.getWidth() : tick.getHeight()) / 2;
            if (tick.getPosition() - half < first || tick.getPosition() + half > last) {
                tick.setVisible(false);
            }
        }
    }
}
