package dev.tradedesk.ui.chart;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.AbstractDataSet;

/**
 * A dataset read straight from columns the view refills for each frame ({@link VisibleCandles}),
 * x in epoch seconds, ascending.
 *
 * <p>Its x limits must be set after every refill ({@link #refreshLimits()}): ChartFX's
 * {@link #getIndex} answers 0 for any x at or below the cached minimum and the last index for any x
 * at or above the cached maximum, and its renderers draw from {@code getIndex} of the axis' ends.
 * Limits left from a fill at the live edge made a range panned back into history draw only its
 * first two candles.
 *
 * <p>Threading as {@link CandleDataSet}.
 */
@SuppressWarnings("unchecked") // ChartFX's AbstractDataSet.lock() narrows DataSet.lock() unchecked
abstract class FrameDataSet<D extends FrameDataSet<D>> extends AbstractDataSet<D> {

    private static final long serialVersionUID = 1L;

    FrameDataSet(String name, int dimensions) {
        super(name, dimensions);
    }

    /** Sets the x limits to the columns just filled; call under the write lock. */
    final void refreshLimits() {
        int count = getDataCount();
        getAxisDescription(DIM_X).set(count == 0 ? Double.NaN : get(DIM_X, 0),
                count == 0 ? Double.NaN : get(DIM_X, count - 1));
    }

    @Override
    public final DataSet set(DataSet other, boolean copy) {
        throw new UnsupportedOperationException(getName() + " is computed from the chart model");
    }
}
