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
}
