package dev.tradedesk.ui.perf;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.spi.AbstractDataSet;

/**
 * One {@link PerformanceMetric}'s history as a ChartFX dataset, read in place from the view model's
 * ring (no copy): x is minutes before the latest sample (the latest is 0), y the value, NaN where
 * unknown. On a log axis values below {@code floor} are drawn at the floor, so a stage that took
 * 0 ms stays on the chart.
 *
 * <p>Threading: the ring changes only on the JavaFX thread, between pulses, and ChartFX reads it on
 * the JavaFX thread while drawing, so no dataset lock is taken (taking the write lock on the JavaFX
 * thread could even deadlock with the read lock a chart holds after a layout outside a pulse).
 * After each change the view calls {@link #refresh()}, which updates the axis descriptions ChartFX
 * uses for index searches and fires one invalidation.
 */
final class MetricDataSet extends AbstractDataSet<MetricDataSet> {

    private static final long serialVersionUID = 1L;
    private static final double MINUTE_MILLIS = 60_000.0;

    private final transient PerformanceViewModel model;
    private final double floor;
    private PerformanceMetric metric;

    MetricDataSet(String name, PerformanceViewModel model, PerformanceMetric metric, double floor) {
        super(name, 2);
        this.model = model;
        this.metric = metric;
        this.floor = floor;
    }

    /** Switches the dataset to another metric (p50 to p99); call {@link #refresh()} after. */
    void show(PerformanceMetric shown) {
        this.metric = shown;
    }

    PerformanceMetric metric() {
        return metric;
    }

    /** Minutes from the latest sample back to {@code time}: 0 for the latest, negative before. */
    static double minutesBeforeLatest(long time, PerformanceViewModel model) {
        return (time - model.latestTime()) / MINUTE_MILLIS;
    }

    @Override
    public double get(int dimIndex, int index) {
        if (dimIndex == DIM_X) {
            return minutesBeforeLatest(model.time(index), model);
        }
        double value = model.value(metric, index);
        return Double.isNaN(value) ? value : Math.max(value, floor);
    }

    @Override
    public int getDataCount() {
        return model.size();
    }

    /** Brings the axis descriptions up to date with the ring and tells the chart to redraw. */
    void refresh() {
        int count = getDataCount();
        if (count == 0) {
            getAxisDescription(DIM_X).clear();
            getAxisDescription(DIM_Y).clear();
        } else {
            getAxisDescription(DIM_X).set(get(DIM_X, 0), get(DIM_X, count - 1));
            double min = Double.NaN;
            double max = Double.NaN;
            for (int i = 0; i < count; i++) {
                double y = get(DIM_Y, i);
                min = Double.isNaN(min) || y < min ? y : min;
                max = Double.isNaN(max) || y > max ? y : max;
            }
            getAxisDescription(DIM_Y).set(min, max);
        }
        fireInvalidated(ChartBits.DataSetData);
    }

    @Override
    public DataSet set(DataSet other, boolean copy) {
        throw new UnsupportedOperationException("performance history comes from the view model");
    }
}
