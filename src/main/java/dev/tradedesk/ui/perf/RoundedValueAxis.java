package dev.tradedesk.ui.perf;

import dev.tradedesk.ui.chart.ChartAxes;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.fastutil.DoubleArrayList;

/**
 * A small chart's linear value axis: from 0 to a round top at or above the largest value shown
 * ({@link #showUpTo}). At each layout it takes the finest step of 1, 2 or 5 times a power of ten
 * whose ticks, spaced as ChartFX spaces labels (two font sizes apart), fit the axis' length, and
 * ends the axis on the first tick at or above that value: the top is always a labelled tick, and
 * the line fills most of the plot. Tick labels are plain numbers ({@link PerformanceFormat#tick}).
 *
 * <p>ChartFX's own labels turned to "0E0, 3E3, 5E3, 8E3, 1E4" on a 0..10,000 axis, stepped by
 * 2.5 ("0.0, 2.5, 5.0"), and the top of an axis set to a round number was often no tick at all.
 *
 * <p>A scene-graph node: JavaFX thread only.
 */
final class RoundedValueAxis extends DefaultNumericAxis {

    private static final double[] STEP_MULTIPLIERS = {1, 2, 5};
    /** Fewer intervals than this read as no scale at all (a short axis still shows 0, a middle and its top). */
    private static final int MIN_INTERVALS = 2;

    private double largest = 1;
    private double step = 0.5;
    private int intervals = MIN_INTERVALS;

    RoundedValueAxis(String name) {
        super(name, "");
        ChartAxes.viewRanged(this);
        setTickLabelFormatter(ChartAxes.formattedBy(value -> PerformanceFormat.tick(value, step)));
        fit(getLength());
    }

    /**
     * Ranges the axis from 0 up to a round number at or above {@code value}; ChartFX draws it again
     * at the next pulse only when that range changes. A value that is not a positive number
     * (no samples yet) keeps the axis as it was.
     */
    void showUpTo(double value) {
        if (value > 0 && Double.isFinite(value) && value != largest) {
            largest = value;
            fit(getLength());
        }
    }

    @Override
    protected void updateAxisRange(double length) {
        fit(length); // the same value on the same length sets the same range: no invalidation
        super.updateAxisRange(length);
    }

    @Override
    public double computePreferredTickUnit(double length) {
        return step;
    }

    /** Ticks as whole multiples of the step: summed steps (0.01 five times) can pass the top and lose its label. */
    @Override
    protected void calculateMajorTickValues(AxisRange range, DoubleArrayList ticks) {
        for (int i = 0; i <= intervals; i++) {
            ticks.add(i * step);
        }
    }

    private void fit(double length) {
        double labelSpacing = getTickLabelFont().getSize() * 2;
        int fitting = (int) Math.min(getMaxMajorTickLabelCount(), Math.floor(length / labelSpacing));
        step = step(largest, Math.max(MIN_INTERVALS, fitting));
        intervals = intervalsUpTo(largest, step);
        set(0, intervals * step);
    }

    /**
     * The finest step of 1, 2 or 5 times a power of ten that reaches {@code largest} (positive) in
     * at most {@code maxIntervals} steps.
     */
    static double step(double largest, int maxIntervals) {
        int exponent = (int) Math.floor(Math.log10(largest / maxIntervals));
        while (true) {
            for (double multiplier : STEP_MULTIPLIERS) {
                double step = multiplier * Math.pow(10, exponent);
                if (intervalsUpTo(largest, step) <= maxIntervals) {
                    return step;
                }
            }
            exponent++;
        }
    }

    /** How many steps reach {@code largest}: a value a rounding error above a tick ends there. */
    private static int intervalsUpTo(double largest, double step) {
        return Math.max(1, (int) Math.ceil(largest / step - 1e-9));
    }
}
