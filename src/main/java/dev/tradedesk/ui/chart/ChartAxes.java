package dev.tradedesk.ui.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
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

    /**
     * Tick labels written by a number format, a tick at zero as "0"; ChartFX never needs to parse
     * them back.
     */
    public static StringConverter<Number> formattedBy(DoubleFunction<String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                // + 0.0 turns -0.0 into 0.0: a range starting below zero puts its zero tick at
                // ceil(-x) * unit, -0.0, which formats as "-0".
                return format.apply(value.doubleValue() + 0.0);
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        };
    }
}
