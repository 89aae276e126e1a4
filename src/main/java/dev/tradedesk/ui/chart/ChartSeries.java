package dev.tradedesk.ui.chart;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeries;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.PriceDecimals;
import dev.tradedesk.core.SeriesKey;

/**
 * The series a chart displays: the live {@link IndicatorSeries} (bars and every indicator value),
 * the {@link CandlePyramid} of its bars and the pyramid of the StochRSI pane's extremes and sums, kept in
 * step, and the decimals its prices are shown with ({@link PriceDecimals}).
 *
 * <p>Bars that would break the series' time order are refused (the methods return false) rather
 * than thrown at, because they arrive from feeds and must not stop the JavaFX thread: a bar older
 * than the last one, or a bar at the time of the last bar once that bar is closed (a closed bar
 * never changes).
 *
 * <p>Not thread-safe: built on any thread, then handed over (safely published) to the JavaFX
 * thread, which alone reads and updates it.
 */
final class ChartSeries {

    /**
     * Bars of a loaded history whose prices set its decimals: the latest, as a provider's quoting
     * step can change over years (a stock that was quoted below a dollar).
     */
    static final int RECENT_BARS = 1_000;

    private final IndicatorSeries series;
    private final CandlePyramid pyramid;
    private final BlockPyramid extremes;
    private int priceDecimals = PriceDecimals.MIN;

    private ChartSeries(IndicatorSeries series) {
        this.series = series;
        this.pyramid = new CandlePyramid(series);
        this.extremes = new BlockPyramid(series, VisibleEnvelopes.CHANNELS);
    }

    /** An empty series holding at most {@code capacity} bars (rounded up to a power of two). */
    static ChartSeries empty(SeriesKey key, IndicatorParameters parameters, int capacity) {
        return new ChartSeries(new IndicatorSeries(key, parameters, capacity));
    }

    /**
     * A series warmed with {@code history} (closed bars, valid and in time order) through the same
     * pipeline as live bars, with its pyramid built. O(history).
     *
     * @throws IllegalArgumentException when a bar is invalid or out of time order
     */
    static ChartSeries warmed(SeriesKey key, IndicatorParameters parameters, int capacity, BarColumns history) {
        ChartSeries chartSeries = empty(key, parameters, capacity);
        chartSeries.series.appendAll(history);
        chartSeries.pyramid.rebuild();
        chartSeries.extremes.rebuild();
        for (int i = Math.max(0, history.size() - RECENT_BARS); i < history.size(); i++) {
            chartSeries.widenPriceDecimals(history.open(i), history.high(i), history.low(i), history.close(i));
        }
        return chartSeries;
    }

    IndicatorSeriesView view() {
        return series;
    }

    CandlePyramid pyramid() {
        return pyramid;
    }

    /** Extremes and sums of the StochRSI pane's values ({@link VisibleEnvelopes#CHANNELS}). */
    BlockPyramid extremes() {
        return extremes;
    }

    /**
     * The decimals every price of this series is shown with: the fewest that write the OHLC of its
     * recent history's bars and of every bar since exactly, from {@link PriceDecimals#MIN} to
     * {@link PriceDecimals#MAX}. It only widens, so tags and readout do not change length as a
     * price moves across a trailing zero.
     */
    int priceDecimals() {
        return priceDecimals;
    }

    private void widenPriceDecimals(double open, double high, double low, double close) {
        priceDecimals = PriceDecimals.widened(priceDecimals, open, high, low, close);
    }

    boolean isEmpty() {
        return series.size() == 0;
    }

    /** Appends a closed bar (replacing a forming bar with the same time); false if out of order. */
    boolean appendClosed(long time, double open, double high, double low, double close, double volume) {
        if (!accepts(time)) {
            return false;
        }
        series.append(time, open, high, low, close, volume);
        widenPriceDecimals(open, high, low, close);
        barChanged();
        return true;
    }

    /** Sets the forming bar (closing an earlier forming bar first); false if out of order. */
    boolean updateForming(long time, double open, double high, double low, double close, double volume) {
        if (!accepts(time)) {
            return false;
        }
        series.update(time, open, high, low, close, volume);
        widenPriceDecimals(open, high, low, close);
        barChanged();
        return true;
    }

    private void barChanged() {
        pyramid.barChanged(series.size() - 1);
        extremes.barChanged(series.size() - 1);
    }

    private boolean accepts(long time) {
        long size = series.size();
        if (size == 0) {
            return true;
        }
        long lastTime = series.time(size - 1);
        return time > lastTime || (time == lastTime && series.hasFormingBar());
    }

    long firstTime() {
        return series.time(series.firstIndex());
    }

    long lastTime() {
        return series.time(series.size() - 1);
    }

    /**
     * The index of the last retained bar whose time is at or before {@code timeMillis}, or
     * {@code firstIndex() - 1} when every retained bar is later. O(log n).
     */
    long indexAtOrBefore(long timeMillis) {
        long low = series.firstIndex();
        long high = series.size() - 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            if (series.time(middle) <= timeMillis) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high;
    }

    /**
     * The index of the first bar after {@code start} whose time is at or after {@code timeMillis},
     * or {@code size()} when none is; bar {@code start} must be retained and earlier. O(1) where no
     * bar is missing between them (bars one timeframe apart), O(log n) otherwise.
     */
    long firstIndexAtOrAfter(long timeMillis, long start) {
        long size = series.size();
        long timeframe = series.key().timeframe().millis();
        long guess = Math.min(size, start + Math.max(1, (timeMillis - series.time(start) + timeframe - 1) / timeframe));
        if (guess < size && series.time(guess) < timeMillis) {
            return firstAtOrAfter(timeMillis, guess + 1, size);
        }
        if (series.time(guess - 1) < timeMillis) {
            return guess;
        }
        return firstAtOrAfter(timeMillis, start + 1, guess - 1);
    }

    /** The first index in {@code [low, high)} whose time is at or after {@code timeMillis}, else {@code high}. */
    private long firstAtOrAfter(long timeMillis, long low, long high) {
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (series.time(middle) < timeMillis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The index of the retained bar whose time is nearest {@code timeMillis}; the series must not be empty. */
    long nearestIndex(long timeMillis) {
        long before = indexAtOrBefore(timeMillis);
        long first = series.firstIndex();
        long last = series.size() - 1;
        if (before < first) {
            return first;
        }
        if (before >= last) {
            return last;
        }
        long after = before + 1;
        return timeMillis - series.time(before) <= series.time(after) - timeMillis ? before : after;
    }
}
