package dev.tradedesk.ui.chart;

/**
 * The volume bars of one frame's up candles (close at or above open) or down candles, read straight
 * from {@link VisibleCandles} without copying: x in epoch seconds, y the candle's volume. Two
 * datasets, so CSS can colour each direction.
 *
 * <p>Threading as {@link CandleDataSet}.
 */
final class VolumeDataSet extends FrameDataSet<VolumeDataSet> {

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
}
