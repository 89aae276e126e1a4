package dev.tradedesk.core;

/**
 * Read-only access to one live series: its retained bars and their indicator values, addressed by
 * absolute bar index in {@code [firstIndex(), size())}. The last bar may be forming
 * ({@link #hasFormingBar()}). Reads allocate nothing except {@link #snapshot()}.
 *
 * <p>Thread-safety: a view is read on the thread that updates the series; other threads receive
 * {@link IndicatorSnapshot}s.
 */
public interface IndicatorSeriesView {

    SeriesKey key();

    /** Bars ever added, including a forming one; the last bar has index {@code size() - 1}. */
    long size();

    /** Index of the oldest retained bar: {@code max(0, size() - capacity())}. */
    long firstIndex();

    /** Bars retained at most (a power of two). */
    int capacity();

    boolean hasFormingBar();

    long time(long index);

    double open(long index);

    double high(long index);

    double low(long index);

    double close(long index);

    double volume(long index);

    /** The value of {@code indicator} at bar {@code index}, {@code NaN} when undefined. */
    double value(Indicator indicator, long index);

    /** The value of {@code indicator} at the last bar, {@code NaN} when undefined or empty. */
    double latest(Indicator indicator);

    /** The last bar and its values. @throws IllegalStateException when the series is empty */
    IndicatorSnapshot snapshot();
}
