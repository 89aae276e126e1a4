package dev.tradedesk.core;

/**
 * The last {@code capacity} bars of a series in primitive rings ({@code long[]} times,
 * {@code double[]} prices and volumes), addressed by the bar's absolute index since the series
 * began: index {@code i} lives in slot {@code i & mask}, so writing bar {@code i + capacity}
 * overwrites bar {@code i}. Memory is fixed at construction. No checks on the hot path: the owner
 * ({@link IndicatorSeries}) keeps indices in range. Not thread-safe.
 */
final class BarRing {

    private final int mask;
    private final long[] times;
    private final double[] opens;
    private final double[] highs;
    private final double[] lows;
    private final double[] closes;
    private final double[] volumes;

    /** @param capacity a power of two ({@link RingCapacity#atLeast}) */
    BarRing(int capacity) {
        this.mask = capacity - 1;
        this.times = new long[capacity];
        this.opens = new double[capacity];
        this.highs = new double[capacity];
        this.lows = new double[capacity];
        this.closes = new double[capacity];
        this.volumes = new double[capacity];
    }

    int capacity() {
        return times.length;
    }

    void set(long index, long time, double open, double high, double low, double close, double volume) {
        int slot = (int) (index & mask);
        times[slot] = time;
        opens[slot] = open;
        highs[slot] = high;
        lows[slot] = low;
        closes[slot] = close;
        volumes[slot] = volume;
    }

    long time(long index) {
        return times[(int) (index & mask)];
    }

    double open(long index) {
        return opens[(int) (index & mask)];
    }

    double high(long index) {
        return highs[(int) (index & mask)];
    }

    double low(long index) {
        return lows[(int) (index & mask)];
    }

    double close(long index) {
        return closes[(int) (index & mask)];
    }

    double volume(long index) {
        return volumes[(int) (index & mask)];
    }
}
