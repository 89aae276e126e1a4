package dev.tradedesk.core;

import java.util.Arrays;

/**
 * A batch of bars stored column by column in primitive arrays: the shape in which bars move in bulk
 * (store queries, CSV import, provider pages, batch indicator runs) without one object per bar.
 *
 * <p>Grows by doubling when {@link #add} runs out of room; {@link #clear()} keeps the arrays, so a
 * batch can be reused chunk after chunk with no allocation. The {@code ...Array()} accessors expose
 * the backing arrays, valid for indices {@code [0, size())}, for batch computations. Not
 * thread-safe.
 */
public final class BarColumns {

    private long[] times;
    private double[] opens;
    private double[] highs;
    private double[] lows;
    private double[] closes;
    private double[] volumes;
    private int size;

    public BarColumns(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, was " + initialCapacity);
        }
        times = new long[initialCapacity];
        opens = new double[initialCapacity];
        highs = new double[initialCapacity];
        lows = new double[initialCapacity];
        closes = new double[initialCapacity];
        volumes = new double[initialCapacity];
    }

    /** Appends a bar; the caller has validated it (see {@link Bar#problem}). */
    public void add(long time, double open, double high, double low, double close, double volume) {
        if (size == times.length) {
            grow();
        }
        times[size] = time;
        opens[size] = open;
        highs[size] = high;
        lows[size] = low;
        closes[size] = close;
        volumes[size] = volume;
        size++;
    }

    public void add(Bar bar) {
        add(bar.time(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /** Appends the first {@code count} bars of {@code other}. */
    public void addAll(BarColumns other, int count) {
        if (count < 0 || count > other.size) {
            throw new IndexOutOfBoundsException("count " + count + " of " + other.size + " bars");
        }
        while (times.length - size < count) {
            grow();
        }
        System.arraycopy(other.times, 0, times, size, count);
        System.arraycopy(other.opens, 0, opens, size, count);
        System.arraycopy(other.highs, 0, highs, size, count);
        System.arraycopy(other.lows, 0, lows, size, count);
        System.arraycopy(other.closes, 0, closes, size, count);
        System.arraycopy(other.volumes, 0, volumes, size, count);
        size += count;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int capacity() {
        return times.length;
    }

    /** Empties the batch, keeping its arrays for reuse. */
    public void clear() {
        size = 0;
    }

    public long time(int index) {
        return times[checked(index)];
    }

    public double open(int index) {
        return opens[checked(index)];
    }

    public double high(int index) {
        return highs[checked(index)];
    }

    public double low(int index) {
        return lows[checked(index)];
    }

    public double close(int index) {
        return closes[checked(index)];
    }

    public double volume(int index) {
        return volumes[checked(index)];
    }

    public Bar bar(int index) {
        checked(index);
        return new Bar(times[index], opens[index], highs[index], lows[index], closes[index], volumes[index]);
    }

    public long[] timesArray() {
        return times;
    }

    public double[] opensArray() {
        return opens;
    }

    public double[] highsArray() {
        return highs;
    }

    public double[] lowsArray() {
        return lows;
    }

    public double[] closesArray() {
        return closes;
    }

    public double[] volumesArray() {
        return volumes;
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " outside [0, " + size + ")");
        }
        return index;
    }

    private void grow() {
        int capacity = Math.max(16, times.length * 2);
        times = Arrays.copyOf(times, capacity);
        opens = Arrays.copyOf(opens, capacity);
        highs = Arrays.copyOf(highs, capacity);
        lows = Arrays.copyOf(lows, capacity);
        closes = Arrays.copyOf(closes, capacity);
        volumes = Arrays.copyOf(volumes, capacity);
    }
}
