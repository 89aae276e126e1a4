package dev.tradedesk.ui.chart;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.AbstractDataSet;

/**
 * The volume bars of one frame's up candles (close at or above open) or down candles, read straight
 * from {@link VisibleCandles} without copying: x in epoch seconds, y the candle's volume. Two
 * datasets, so CSS can colour each direction.
 *
 * <p>Threading as {@link CandleDataSet}.
 */
@SuppressWarnings("unchecked") // ChartFX's AbstractDataSet.lock() narrows DataSet.lock() unchecked
final class VolumeDataSet extends AbstractDataSet<VolumeDataSet> {

    private static final long serialVersionUID = 1L;

    private final transient VisibleCandles candles;
    private final boolean up;

    VolumeDataSet(String name, VisibleCandles candles, boolean up) {
        super(name, 2);
        this.candles = candles;
        this.up = up;
    }

    @Override
    public double get(int dimIndex, int index) {
        int candle = up ? candles.upCandle(index) : candles.downCandle(index);
        return dimIndex == DIM_X ? candles.x(candle) : candles.volume(candle);
    }

    @Override
    public int getDataCount() {
        return up ? candles.upCount() : candles.downCount();
    }

    @Override
    public DataSet set(DataSet other, boolean copy) {
        throw new UnsupportedOperationException("volumes are computed from the chart model");
    }
}
