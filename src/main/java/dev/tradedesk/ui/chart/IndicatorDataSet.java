package dev.tradedesk.ui.chart;

import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorSeriesView;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.AbstractErrorDataSet;

/**
 * An indicator of the displayed series as a ChartFX dataset, read in place from the series' rings
 * (no copy, whatever the length): either one line ({@link #line}) or a band between two indicators
 * ({@link #band}), given as its midline with symmetric errors, the shape of ChartFX's error
 * datasets ({@link BandRenderer} fills it). X is the bar time in epoch seconds; undefined values
 * are NaN.
 *
 * <p>Limits are known without a scan: x from the first and last bar, y the indicator's fixed domain
 * (the StochRSI scale 0..100), so ChartFX never walks a million points to range an axis.
 *
 * <p>Threading: {@link #attach} and every change of the underlying series happen on the JavaFX
 * thread under this dataset's write lock, followed by one invalidation; ChartFX reads under the
 * read lock while drawing.
 */
@SuppressWarnings("unchecked") // ChartFX's AbstractDataSet.lock() narrows DataSet.lock() unchecked
final class IndicatorDataSet extends AbstractErrorDataSet<IndicatorDataSet> {

    private static final long serialVersionUID = 1L;

    private final Indicator lower;
    private final Indicator upper;
    private final double domainMin;
    private final double domainMax;
    private transient IndicatorSeriesView series;
    private long firstIndex;
    private int count;

    private IndicatorDataSet(String name, Indicator lower, Indicator upper, double domainMin, double domainMax) {
        super(name, 2, ErrorType.NO_ERROR, upper == null ? ErrorType.NO_ERROR : ErrorType.SYMMETRIC);
        this.lower = lower;
        this.upper = upper;
        this.domainMin = domainMin;
        this.domainMax = domainMax;
    }

    /** The line of {@code indicator}, whose values lie within {@code [domainMin, domainMax]}. */
    static IndicatorDataSet line(String name, Indicator indicator, double domainMin, double domainMax) {
        return new IndicatorDataSet(name, indicator, null, domainMin, domainMax);
    }

    /** The band between {@code lower} and {@code upper}. */
    static IndicatorDataSet band(String name, Indicator lower, Indicator upper, double domainMin, double domainMax) {
        return new IndicatorDataSet(name, lower, upper, domainMin, domainMax);
    }

    /** The line's indicator, or the band's lower edge. */
    Indicator lower() {
        return lower;
    }

    /** The band's upper edge; null for a line. */
    Indicator upper() {
        return upper;
    }

    /** Points the dataset at {@code view}'s current bars (null: no data); call under the write lock. */
    void attach(IndicatorSeriesView view) {
        series = view;
        firstIndex = view == null ? 0 : view.firstIndex();
        count = view == null ? 0 : (int) (view.size() - firstIndex);
        getAxisDescription(DIM_X).set(count == 0 ? Double.NaN : get(DIM_X, 0),
                count == 0 ? Double.NaN : get(DIM_X, count - 1));
        getAxisDescription(DIM_Y).set(domainMin, domainMax);
    }

    @Override
    public double get(int dimIndex, int index) {
        long bar = firstIndex + index;
        if (dimIndex == DIM_X) {
            return series.time(bar) / 1000.0;
        }
        if (upper == null) {
            return series.value(lower, bar);
        }
        return (series.value(lower, bar) + series.value(upper, bar)) / 2;
    }

    @Override
    public double getErrorNegative(int dimIndex, int index) {
        return halfWidth(dimIndex, index);
    }

    @Override
    public double getErrorPositive(int dimIndex, int index) {
        return halfWidth(dimIndex, index);
    }

    private double halfWidth(int dimIndex, int index) {
        if (dimIndex == DIM_X || upper == null) {
            return 0;
        }
        long bar = firstIndex + index;
        return (series.value(upper, bar) - series.value(lower, bar)) / 2;
    }

    @Override
    public int getDataCount() {
        return count;
    }

    @Override
    public IndicatorDataSet recomputeLimits(int dimIndex) {
        return this; // kept exact by attach(), without a scan
    }

    @Override
    public DataSet set(DataSet other, boolean copy) {
        throw new UnsupportedOperationException("indicator values come from the chart model");
    }
}
