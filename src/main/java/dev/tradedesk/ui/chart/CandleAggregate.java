package dev.tradedesk.ui.chart;

/**
 * One candle made of the consecutive bars {@code [firstIndex, lastIndex]}: the first bar's open, the
 * highest high, the lowest low, the last bar's close and the summed volume. A mutable holder that
 * {@link CandlePyramid} fills, so that assembling a frame allocates nothing. Not thread-safe.
 */
final class CandleAggregate {

    long firstIndex;
    long lastIndex;
    long firstTime;
    long lastTime;
    double open;
    double high;
    double low;
    double close;
    double volume;

    /** Bars merged into this candle. */
    long barCount() {
        return lastIndex - firstIndex + 1;
    }
}
