package dev.tradedesk.core;

/**
 * The last {@code capacity} bars of a series and their indicator values, in two primitive
 * power-of-two rings addressed by the bar's absolute index since the series began: index {@code i}
 * lives in slot {@code i & mask}, so writing bar {@code i + capacity} overwrites bar {@code i}.
 * Times are a {@code long[]}; the rest of a bar (open, high, low, close, volume, then the
 * {@link Indicator#COUNT} values in {@link Indicator} order) is one {@value #STRIDE}-double row of a
 * {@code double[]}, so a live update writes two adjacent cache lines rather than sixteen separate
 * arrays. Memory is fixed at construction. No checks: the owner ({@link IndicatorSeries}) keeps
 * indices in range. Not thread-safe.
 */
final class SeriesRing {

    /** Doubles per row: 5 bar fields, 10 values, 1 padding to 128 bytes. */
    static final int STRIDE = 16;
    static final int VALUES = 5;

    private final int mask;
    private final long[] times;
    private final double[] rows;

    /** @param capacity a power of two ({@link RingCapacity#atLeast}) */
    SeriesRing(int capacity) {
        this.mask = capacity - 1;
        this.times = new long[capacity];
        this.rows = new double[capacity * STRIDE];
    }

    int capacity() {
        return times.length;
    }

    void setBar(long index, long time, double open, double high, double low, double close, double volume) {
        int slot = (int) (index & mask);
        times[slot] = time;
        int row = slot * STRIDE;
        double[] r = rows;
        r[row] = open;
        r[row + 1] = high;
        r[row + 2] = low;
        r[row + 3] = close;
        r[row + 4] = volume;
    }

    /** The whole row array and the offset of bar {@code index}'s values, for {@link IndicatorPipeline#copyTo}. */
    double[] rows() {
        return rows;
    }

    int valuesOffset(long index) {
        return (int) (index & mask) * STRIDE + VALUES;
    }

    long time(long index) {
        return times[(int) (index & mask)];
    }

    double open(long index) {
        return field(index, 0);
    }

    double high(long index) {
        return field(index, 1);
    }

    double low(long index) {
        return field(index, 2);
    }

    double close(long index) {
        return field(index, 3);
    }

    double volume(long index) {
        return field(index, 4);
    }

    double value(Indicator indicator, long index) {
        return field(index, VALUES + indicator.ordinal());
    }

    private double field(long index, int field) {
        return rows[(int) (index & mask) * STRIDE + field];
    }
}
