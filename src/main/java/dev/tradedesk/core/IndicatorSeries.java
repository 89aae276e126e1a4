package dev.tradedesk.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One live series: its last bars and every indicator value, in primitive power-of-two rings of a
 * fixed capacity (the oldest bar is overwritten once the ring is full), kept current bar by bar.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #update} sets the forming (still open) last bar and computes its values as if it
 *       closed now, from the committed state of the closed bars, in O(1), any number of times. A bar
 *       with the forming bar's time replaces it; a later time first closes the forming bar.</li>
 *   <li>{@link #close()} commits the forming bar; {@link #append} is {@code update} then
 *       {@code close}. Once a bar is closed its values equal {@link IndicatorBatch}'s over the same
 *       bars, bit for bit (both run {@link IndicatorPipeline}).</li>
 *   <li>{@link #appendAll} warms the series from history, bar by bar through the same
 *       {@link IndicatorPipeline} the batch path runs.</li>
 *   <li>Bars must be valid ({@link Bar#problem}) and in strictly increasing time order; otherwise an
 *       {@link IllegalArgumentException} is thrown and the series is unchanged.</li>
 * </ul>
 * Updates allocate nothing (errors aside). Not thread-safe: one thread owns a series and publishes
 * {@link #snapshot()}s to others.
 */
public final class IndicatorSeries implements IndicatorSeriesView {

    /** Bars kept per series unless configured (rounded up to a power of two: 131,072). */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final SeriesKey key;
    private final IndicatorPipeline pipeline;
    private final SeriesRing bars;
    private long closedCount;
    private boolean forming;

    /** A series keeping at least {@code capacity} bars (rounded up to a power of two). */
    public IndicatorSeries(SeriesKey key, IndicatorParameters parameters, int capacity) {
        this.key = Objects.requireNonNull(key, "key");
        this.pipeline = new IndicatorPipeline(Objects.requireNonNull(parameters, "parameters"));
        this.bars = new SeriesRing(RingCapacity.atLeast(capacity));
    }

    public IndicatorSeries(SeriesKey key, IndicatorParameters parameters) {
        this(key, parameters, DEFAULT_CAPACITY);
    }

    public IndicatorParameters parameters() {
        return pipeline.parameters();
    }

    /**
     * Appends a closed bar: the same as {@code update} then {@code close}, computed once. A forming
     * bar with the same time is replaced; one with an earlier time is closed first.
     *
     * @throws IllegalArgumentException when the bar is invalid or older than the last bar
     */
    public void append(long time, double open, double high, double low, double close, double volume) {
        start(time, open, high, low, close, volume);
        commit(high, low, close, volume);
    }

    public void append(Bar bar) {
        append(bar.time(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /**
     * Sets the forming bar and computes its values without committing them. Same time as the
     * forming bar: replaces it. Later time: closes the forming bar, then starts this one.
     *
     * @throws IllegalArgumentException when the bar is invalid or older than the last bar
     */
    public void update(long time, double open, double high, double low, double close, double volume) {
        start(time, open, high, low, close, volume);
        forming = true;
        pipeline.peek(high, low, close, volume, bars.rows(), bars.valuesOffset(closedCount));
    }

    public void update(Bar bar) {
        update(bar.time(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /**
     * Commits the forming bar: its values become final and equal the batch values.
     *
     * @throws IllegalStateException when there is no forming bar
     */
    public void close() {
        if (!forming) {
            throw new IllegalStateException("series " + key + " has no forming bar to close");
        }
        long index = closedCount;
        commit(bars.high(index), bars.low(index), bars.close(index), bars.volume(index));
    }

    /** Validates a bar, closes a forming bar it follows, and stores it at the next index. */
    private void start(long time, double open, double high, double low, double close, double volume) {
        if (!Bar.isValid(open, high, low, close, volume)) {
            throw invalid(time, Bar.problem(open, high, low, close, volume));
        }
        checkTimeOrder(time);
        if (forming && time != bars.time(closedCount)) {
            close();
        }
        bars.setBar(closedCount, time, open, high, low, close, volume);
    }

    /** Pushes the bar at the next index through the pipeline, into its row, and makes it closed. */
    private void commit(double high, double low, double close, double volume) {
        long index = closedCount;
        pipeline.push(high, low, close, volume, bars.rows(), bars.valuesOffset(index));
        closedCount = index + 1;
        forming = false;
    }

    /**
     * Appends closed bars from history (valid, in time order, after the last bar) with the batch
     * path's pipeline. Checked first, so a bad batch leaves the series unchanged.
     *
     * @throws IllegalStateException    when a bar is forming
     * @throws IllegalArgumentException when a bar is invalid or out of time order
     */
    public void appendAll(BarColumns history) {
        if (forming) {
            throw new IllegalStateException("close the forming bar of " + key + " before appending history");
        }
        checkHistory(history);
        long[] times = history.timesArray();
        double[] highs = history.highsArray();
        double[] lows = history.lowsArray();
        double[] closes = history.closesArray();
        double[] volumes = history.volumesArray();
        double[] opens = history.opensArray();
        for (int i = 0; i < history.size(); i++) {
            long index = closedCount;
            bars.setBar(index, times[i], opens[i], highs[i], lows[i], closes[i], volumes[i]);
            pipeline.push(highs[i], lows[i], closes[i], volumes[i], bars.rows(), bars.valuesOffset(index));
            closedCount = index + 1;
        }
    }

    @Override
    public SeriesKey key() {
        return key;
    }

    @Override
    public long size() {
        return forming ? closedCount + 1 : closedCount;
    }

    /** Closed bars ever added. */
    public long closedCount() {
        return closedCount;
    }

    @Override
    public long firstIndex() {
        return Math.max(0, size() - capacity());
    }

    @Override
    public int capacity() {
        return bars.capacity();
    }

    @Override
    public boolean hasFormingBar() {
        return forming;
    }

    @Override
    public long time(long index) {
        return bars.time(checked(index));
    }

    @Override
    public double open(long index) {
        return bars.open(checked(index));
    }

    @Override
    public double high(long index) {
        return bars.high(checked(index));
    }

    @Override
    public double low(long index) {
        return bars.low(checked(index));
    }

    @Override
    public double close(long index) {
        return bars.close(checked(index));
    }

    @Override
    public double volume(long index) {
        return bars.volume(checked(index));
    }

    @Override
    public double value(Indicator indicator, long index) {
        return bars.value(indicator, checked(index));
    }

    @Override
    public double latest(Indicator indicator) {
        long size = size();
        return size == 0 ? Double.NaN : bars.value(indicator, size - 1);
    }

    @Override
    public IndicatorSnapshot snapshot() {
        long index = size() - 1;
        if (index < 0) {
            throw new IllegalStateException("series " + key + " is empty");
        }
        return new IndicatorSnapshot(key, index, forming, bars.time(index), bars.open(index), bars.high(index),
                bars.low(index), bars.close(index), bars.volume(index),
                bars.value(Indicator.RSI, index), bars.value(Indicator.STOCH_K, index),
                bars.value(Indicator.STOCH_D, index), bars.value(Indicator.ATR, index),
                bars.value(Indicator.ATR_MA, index), bars.value(Indicator.VOLATILITY_RATIO, index),
                bars.value(Indicator.BAND_LOWER, index), bars.value(Indicator.BAND_UPPER, index),
                bars.value(Indicator.VOLUME_SMA, index), bars.value(Indicator.RELATIVE_VOLUME, index));
    }

    private void checkTimeOrder(long time) {
        if (forming) {
            long formingTime = bars.time(closedCount);
            if (time < formingTime) {
                throw outOfOrder(time, formingTime);
            }
        } else if (closedCount > 0) {
            long lastTime = bars.time(closedCount - 1);
            if (time <= lastTime) {
                throw outOfOrder(time, lastTime);
            }
        }
    }

    private void checkHistory(BarColumns history) {
        long previous = closedCount > 0 ? bars.time(closedCount - 1) : Long.MIN_VALUE;
        boolean first = closedCount == 0;
        for (int i = 0; i < history.size(); i++) {
            long time = history.time(i);
            if (!first && time <= previous) {
                throw outOfOrder(time, previous);
            }
            String problem = Bar.problem(history.open(i), history.high(i), history.low(i), history.close(i),
                    history.volume(i));
            if (problem != null) {
                throw invalid(time, problem);
            }
            previous = time;
            first = false;
        }
    }

    private static IllegalArgumentException invalid(long time, String problem) {
        return new IllegalArgumentException("invalid bar at " + Instant.ofEpochMilli(time) + ": " + problem);
    }

    private IllegalArgumentException outOfOrder(long time, long lastTime) {
        return new IllegalArgumentException("bar at " + Instant.ofEpochMilli(time) + " is out of time order in " + key
                + ": the last bar is at " + Instant.ofEpochMilli(lastTime));
    }

    private long checked(long index) {
        long size = size();
        if (index < firstIndex() || index >= size) {
            throw new IndexOutOfBoundsException("bar " + index + " outside the retained [" + firstIndex() + ", "
                    + size + ") of " + key);
        }
        return index;
    }
}
