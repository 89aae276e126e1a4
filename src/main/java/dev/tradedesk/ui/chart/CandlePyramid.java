package dev.tradedesk.ui.chart;

import dev.tradedesk.core.IndicatorSeriesView;
import java.util.List;
import java.util.Objects;

/**
 * Exact candles of any run of consecutive bars, from a {@link BlockPyramid} of highs (largest),
 * lows (smallest) and volumes (summed) at every power-of-two resolution; open and close need no
 * storage, they are the first bar's open and the last bar's close. 24 bytes per bar of capacity.
 *
 * <p>Costs: {@link #aggregate} over any range is O(log length) (an aligned block of {@code 2^k}
 * bars is one entry); keeping current costs O(log capacity) per appended or updated bar. Aggregates are exact: open, high, low and close are the bars' own values; volumes are summed
 * pairwise (exact for integral volumes, to within rounding otherwise).
 *
 * <p>Not thread-safe: it belongs to the thread that updates its series.
 */
final class CandlePyramid {

    private static final int HIGH = 0;
    private static final int LOW = 1;
    private static final int VOLUME = 2;

    private final IndicatorSeriesView bars;
    private final BlockPyramid pyramid;
    private final double[] values = new double[3];

    CandlePyramid(IndicatorSeriesView bars) {
        this.bars = Objects.requireNonNull(bars, "bars");
        pyramid = new BlockPyramid(bars, List.of(
                new BlockPyramid.Channel(BlockPyramid.Source.high(), BlockPyramid.Op.MAX),
                new BlockPyramid.Channel(BlockPyramid.Source.low(), BlockPyramid.Op.MIN),
                new BlockPyramid.Channel(BlockPyramid.Source.volume(), BlockPyramid.Op.SUM)));
    }

    /** Recomputes every level from the retained bars, e.g. after a history load. */
    void rebuild() {
        pyramid.rebuild();
    }

    /** Brings the blocks containing bar {@code index} up to date after it was appended or updated. */
    void barChanged(long index) {
        pyramid.barChanged(index);
    }

    /** The exact candle of the bars {@code [from, to)}, which must be retained and not empty. */
    void aggregate(long from, long to, CandleAggregate out) {
        pyramid.reduce(from, to, values);
        fill(from, to, out);
    }

    private void fill(long start, long end, CandleAggregate out) {
        out.firstIndex = start;
        out.lastIndex = end - 1;
        out.firstTime = bars.time(start);
        out.lastTime = bars.time(end - 1);
        out.open = bars.open(start);
        out.close = bars.close(end - 1);
        out.high = values[HIGH];
        out.low = values[LOW];
        out.volume = values[VOLUME];
    }
}
