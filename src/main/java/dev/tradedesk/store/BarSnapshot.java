package dev.tradedesk.store;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable run of bars read from the store, in time order, kept column by column in
 * primitive arrays (48 bytes per bar, no object per bar). The read cache hands the same
 * instance to every reader, so nothing here lets a caller change it: columns are exposed as
 * read-only buffers or copied out with {@link #appendTo(BarColumns)}. Thread-safe.
 */
public final class BarSnapshot {

    /** No bars. */
    public static final BarSnapshot EMPTY = new BarSnapshot(new long[0], new double[0], new double[0], new double[0],
            new double[0], new double[0]);

    private final long[] times;
    private final double[] opens;
    private final double[] highs;
    private final double[] lows;
    private final double[] closes;
    private final double[] volumes;

    private BarSnapshot(long[] times, double[] opens, double[] highs, double[] lows, double[] closes, double[] volumes) {
        this.times = times;
        this.opens = opens;
        this.highs = highs;
        this.lows = lows;
        this.closes = closes;
        this.volumes = volumes;
    }

    /** Copies the bars in {@code columns}; later changes to {@code columns} do not show here. */
    public static BarSnapshot copyOf(BarColumns columns) {
        int size = columns.size();
        if (size == 0) {
            return EMPTY;
        }
        return new BarSnapshot(Arrays.copyOf(columns.timesArray(), size), Arrays.copyOf(columns.opensArray(), size),
                Arrays.copyOf(columns.highsArray(), size), Arrays.copyOf(columns.lowsArray(), size),
                Arrays.copyOf(columns.closesArray(), size), Arrays.copyOf(columns.volumesArray(), size));
    }

    public int size() {
        return times.length;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    public long time(int index) {
        return times[index];
    }

    public double open(int index) {
        return opens[index];
    }

    public double high(int index) {
        return highs[index];
    }

    public double low(int index) {
        return lows[index];
    }

    public double close(int index) {
        return closes[index];
    }

    public double volume(int index) {
        return volumes[index];
    }

    public Bar bar(int index) {
        return new Bar(times[index], opens[index], highs[index], lows[index], closes[index], volumes[index]);
    }

    /** Read-only views of the columns, without copying, for batch computations. */
    public LongBuffer times() {
        return LongBuffer.wrap(times).asReadOnlyBuffer();
    }

    public DoubleBuffer opens() {
        return DoubleBuffer.wrap(opens).asReadOnlyBuffer();
    }

    public DoubleBuffer highs() {
        return DoubleBuffer.wrap(highs).asReadOnlyBuffer();
    }

    public DoubleBuffer lows() {
        return DoubleBuffer.wrap(lows).asReadOnlyBuffer();
    }

    public DoubleBuffer closes() {
        return DoubleBuffer.wrap(closes).asReadOnlyBuffer();
    }

    public DoubleBuffer volumes() {
        return DoubleBuffer.wrap(volumes).asReadOnlyBuffer();
    }

    /** Appends every bar to {@code target}, which may then be changed freely. */
    public void appendTo(BarColumns target) {
        for (int i = 0; i < times.length; i++) {
            target.add(times[i], opens[i], highs[i], lows[i], closes[i], volumes[i]);
        }
    }

    /** One {@link Bar} per bar: convenient for tests and small ranges, not for hot paths. */
    public List<Bar> toBars() {
        List<Bar> bars = new ArrayList<>(times.length);
        for (int i = 0; i < times.length; i++) {
            bars.add(bar(i));
        }
        return bars;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BarSnapshot that && Arrays.equals(times, that.times) && Arrays.equals(opens, that.opens)
                && Arrays.equals(highs, that.highs) && Arrays.equals(lows, that.lows)
                && Arrays.equals(closes, that.closes) && Arrays.equals(volumes, that.volumes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(closes);
    }

    @Override
    public String toString() {
        return times.length == 0 ? "BarSnapshot[empty]"
                : "BarSnapshot[" + times.length + " bars, " + times[0] + ".." + times[times.length - 1] + "]";
    }
}
