package dev.tradedesk.ui.chart;

import io.fair_acc.dataset.spi.financial.OhlcvDataSet;

/**
 * The candles of one frame as the seven-dimensional dataset ChartFX's candle renderer reads
 * ({@link OhlcvDataSet}'s dimensions: x in epoch seconds, open, high, low, close, volume, open
 * interest), read straight from {@link VisibleCandles}' columns without copying.
 *
 * <p>Threading: the JavaFX thread refills the columns under this dataset's write lock and then
 * fires one invalidation; ChartFX reads under the read lock while drawing.
 */
final class CandleDataSet extends FrameDataSet<CandleDataSet> {

    private static final long serialVersionUID = 1L;
    private static final int DIMENSIONS = 7;

    private final transient VisibleCandles candles;

    CandleDataSet(String name, VisibleCandles candles) {
        super(name, DIMENSIONS);
        this.candles = candles;
    }

    @Override
    public double get(int dimIndex, int index) {
        return switch (dimIndex) {
            case OhlcvDataSet.DIM_X -> candles.x(index);
            case OhlcvDataSet.DIM_Y_OPEN -> candles.open(index);
            case OhlcvDataSet.DIM_Y_HIGH -> candles.high(index);
            case OhlcvDataSet.DIM_Y_LOW -> candles.low(index);
            case OhlcvDataSet.DIM_Y_CLOSE -> candles.close(index);
            case OhlcvDataSet.DIM_Y_VOLUME -> candles.volume(index);
            default -> 0;
        };
    }

    @Override
    public int getDataCount() {
        return candles.count();
    }
}
