package dev.tradedesk.ui.chart;

import java.util.function.DoubleFunction;
import javafx.util.StringConverter;

/** Axis tick labels written by a number format; ChartFX never needs to parse them back. */
public final class AxisLabels {

    private AxisLabels() {
    }

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
