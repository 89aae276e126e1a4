package dev.tradedesk.core;

import java.util.Arrays;

/**
 * Indicator values of a batch of bars, one primitive column per {@link Indicator}: row {@code i}
 * holds the values of bar {@code i}, {@code NaN} where undefined. Filled by
 * {@link IndicatorPipeline#pushAll} and {@link IndicatorBatch}; reusable chunk after chunk, growing
 * only when a larger batch arrives. Not thread-safe.
 */
public final class IndicatorColumns {

    private final double[][] columns = new double[Indicator.COUNT][];
    private int size;

    public IndicatorColumns(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, was " + initialCapacity);
        }
        for (int i = 0; i < Indicator.COUNT; i++) {
            columns[i] = new double[initialCapacity];
        }
    }

    public int size() {
        return size;
    }

    /** Value of {@code indicator} at row {@code index}. */
    public double get(Indicator indicator, int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " outside [0, " + size + ")");
        }
        return columns[indicator.ordinal()][index];
    }

    /** The backing array of {@code indicator}, valid for rows {@code [0, size())}. */
    public double[] column(Indicator indicator) {
        return columns[indicator.ordinal()];
    }

    /** Sets the row count, growing the columns if needed (existing rows are kept). */
    void resize(int rows) {
        if (rows > columns[0].length) {
            for (int i = 0; i < Indicator.COUNT; i++) {
                columns[i] = Arrays.copyOf(columns[i], Math.max(rows, columns[i].length * 2));
            }
        }
        size = rows;
    }

    /** The columns, indexed by {@link Indicator#ordinal()}. */
    double[][] columns() {
        return columns;
    }
}
