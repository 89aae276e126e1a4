package dev.tradedesk.ui.perf;

import dev.tradedesk.feed.PipelineStage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The performance panel's state, free of controls so it can be tested without a scene: the last
 * {@value #HISTORY_SECONDS} samples in a fixed ring of primitive columns (one {@code long[]} of
 * times, one {@code double[]} per {@link PerformanceMetric}; the oldest sample is overwritten), the
 * latest sample, and the two optimisation switches.
 *
 * <p>Switches: {@link #switchProperty} is a plain {@link BooleanProperty} the view binds a toggle
 * to; every change is passed to that switch's callback (so the app can turn the optimisation on or
 * off) and recorded as a marker at the time of the latest sample, so the charts can show where the
 * behaviour changed. A switch turned back before the next sample takes back its marker: the two
 * would stand on one line with opposite labels, and no sample saw the state between. Markers older
 * than the oldest sample are dropped, and at most {@value #MAX_MARKERS} are kept per switch.
 *
 * <p>Reading: index 0 is the oldest sample, {@code size() - 1} the latest. Nothing is allocated per
 * sample besides what listeners of {@link #latestProperty()} do.
 *
 * <p>Confined to the JavaFX thread (any one thread in tests); {@link PerformanceSampleHandOff}
 * brings samples there from the sampler's thread.
 */
public final class PerformanceViewModel {

    /** How much history the panel keeps and charts, at one sample per second. */
    public static final int HISTORY_SECONDS = 300;
    /** The pipeline stages the panel charts, in the order a bar passes them. */
    public static final List<PipelineStage> CHARTED_STAGES = List.of(PipelineStage.FETCH, PipelineStage.PARSE,
            PipelineStage.INDICATORS, PipelineStage.STORE_WRITE, PipelineStage.PUBLISH, PipelineStage.RENDER);
    static final int MAX_MARKERS = 64;
    /** {@link #markerTime} of a marker set before the first sample, until that sample arrives. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private static final PerformanceMetric[] METRICS = PerformanceMetric.values();

    private final int capacity;
    private final long[] times;
    private final double[][] columns;
    private int oldest;
    private int size;
    private final ReadOnlyObjectWrapper<PerformanceSample> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final Map<PerformanceSwitch, BooleanProperty> switches = new EnumMap<>(PerformanceSwitch.class);
    /** Per switch, by ordinal: an array, so {@link #accept} iterates without an iterator. */
    private final SwitchMarkers[] markers = new SwitchMarkers[PerformanceSwitch.values().length];
    private final ObjectProperty<PerformanceMetric.Percentile> chartedPercentile =
            new SimpleObjectProperty<>(this, "chartedPercentile", PerformanceMetric.Percentile.P99);

    /**
     * @param readCache                 whether the read cache is on now
     * @param readCacheSwitched         told the new state whenever it changes (the user's toggle)
     * @param candleLevelOfDetail       whether candle level of detail is on now
     * @param candleLevelOfDetailSwitched told the new state whenever it changes
     */
    public PerformanceViewModel(boolean readCache, Consumer<Boolean> readCacheSwitched,
            boolean candleLevelOfDetail, Consumer<Boolean> candleLevelOfDetailSwitched) {
        this(HISTORY_SECONDS, readCache, readCacheSwitched, candleLevelOfDetail, candleLevelOfDetailSwitched);
    }

    PerformanceViewModel(int capacity, boolean readCache, Consumer<Boolean> readCacheSwitched,
            boolean candleLevelOfDetail, Consumer<Boolean> candleLevelOfDetailSwitched) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, was " + capacity);
        }
        this.capacity = capacity;
        this.times = new long[capacity];
        this.columns = new double[METRICS.length][capacity];
        addSwitch(PerformanceSwitch.READ_CACHE, readCache, readCacheSwitched);
        addSwitch(PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL, candleLevelOfDetail, candleLevelOfDetailSwitched);
    }

    /**
     * Adds a sample as the newest, dropping the oldest when the ring is full. A sample not newer
     * than the latest is ignored (charts need increasing time).
     *
     * @return whether the sample was added
     */
    public boolean accept(PerformanceSample sample) {
        Objects.requireNonNull(sample);
        if (size > 0 && sample.time() <= latestTime()) {
            return false;
        }
        int slot;
        if (size < capacity) {
            slot = index(size);
            size++;
        } else {
            slot = oldest;
            oldest = (oldest + 1) % capacity;
        }
        times[slot] = sample.time();
        for (PerformanceMetric metric : METRICS) {
            columns[metric.ordinal()][slot] = metric.of(sample);
        }
        for (SwitchMarkers history : markers) {
            history.stampPending(sample.time());
            history.dropBefore(time(0));
        }
        latest.set(sample);
        return true;
    }

    /** The latest sample, null before the first; changes once per accepted sample. */
    public ReadOnlyObjectProperty<PerformanceSample> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Time of sample {@code index} (0 = oldest), epoch millis. */
    public long time(int index) {
        return times[index(checked(index))];
    }

    /** Time of the latest sample; {@link #NO_TIME} before the first. */
    public long latestTime() {
        return size == 0 ? NO_TIME : times[index(size - 1)];
    }

    /** {@code metric} of sample {@code index} (0 = oldest); NaN when unknown. */
    public double value(PerformanceMetric metric, int index) {
        return columns[metric.ordinal()][index(checked(index))];
    }

    /** The largest known value of {@code metric} in the history; NaN if there is none. */
    public double max(PerformanceMetric metric) {
        double max = Double.NaN;
        double[] column = columns[metric.ordinal()];
        for (int i = 0; i < size; i++) {
            double value = column[index(i)];
            if (!Double.isNaN(value) && (Double.isNaN(max) || value > max)) {
                max = value;
            }
        }
        return max;
    }

    /** The smallest known value of {@code metric} in the history; NaN if there is none. */
    public double min(PerformanceMetric metric) {
        double min = Double.NaN;
        double[] column = columns[metric.ordinal()];
        for (int i = 0; i < size; i++) {
            double value = column[index(i)];
            if (!Double.isNaN(value) && (Double.isNaN(min) || value < min)) {
                min = value;
            }
        }
        return min;
    }

    /** Which latency percentile the stage chart shows; p99 at first. */
    public ObjectProperty<PerformanceMetric.Percentile> chartedPercentileProperty() {
        return chartedPercentile;
    }

    /** The on/off state of {@code optimisation}; bind a toggle to it. */
    public BooleanProperty switchProperty(PerformanceSwitch optimisation) {
        return switches.get(optimisation);
    }

    public BooleanProperty readCacheProperty() {
        return switchProperty(PerformanceSwitch.READ_CACHE);
    }

    public BooleanProperty candleLevelOfDetailProperty() {
        return switchProperty(PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL);
    }

    /** How many times {@code optimisation} was switched within the history. */
    public int markerCount(PerformanceSwitch optimisation) {
        return markers[optimisation.ordinal()].size;
    }

    /**
     * When switch change {@code index} (0 = oldest) happened, as the time of the latest sample then;
     * {@link #NO_TIME} before the first sample.
     */
    public long markerTime(PerformanceSwitch optimisation, int index) {
        return markers[optimisation.ordinal()].time(index);
    }

    /** Whether switch change {@code index} (0 = oldest) turned the optimisation on. */
    public boolean markerOn(PerformanceSwitch optimisation, int index) {
        return markers[optimisation.ordinal()].on(index);
    }

    private void addSwitch(PerformanceSwitch optimisation, boolean initial, Consumer<Boolean> switched) {
        Objects.requireNonNull(switched);
        BooleanProperty property = new SimpleBooleanProperty(this, optimisation.name(), initial);
        SwitchMarkers history = new SwitchMarkers();
        property.addListener((observable, before, on) -> {
            history.add(latestTime(), on);
            switched.accept(on);
        });
        switches.put(optimisation, property);
        markers[optimisation.ordinal()] = history;
    }

    private int index(int logical) {
        return (oldest + logical) % capacity;
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size - 1));
        }
        return index;
    }

    /** One switch's changes: a small ring of times and new states. */
    private static final class SwitchMarkers {
        private final long[] times = new long[MAX_MARKERS];
        private final boolean[] states = new boolean[MAX_MARKERS];
        private int oldest;
        private int size;

        /** Records a change, or cancels the newest one when it was at the same sample's time. */
        void add(long time, boolean on) {
            if (size > 0 && times[(oldest + size - 1) % MAX_MARKERS] == time) {
                size--;
                return;
            }
            int slot = (oldest + size) % MAX_MARKERS;
            if (size == MAX_MARKERS) {
                oldest = (oldest + 1) % MAX_MARKERS;
            } else {
                size++;
            }
            times[slot] = time;
            states[slot] = on;
        }

        /** Gives changes made before the first sample that sample's time. */
        void stampPending(long time) {
            for (int i = 0; i < size; i++) {
                int slot = (oldest + i) % MAX_MARKERS;
                if (times[slot] == NO_TIME) {
                    times[slot] = time;
                }
            }
        }

        void dropBefore(long time) {
            while (size > 0 && times[oldest] < time) {
                oldest = (oldest + 1) % MAX_MARKERS;
                size--;
            }
        }

        long time(int index) {
            return times[slot(index)];
        }

        boolean on(int index) {
            return states[slot(index)];
        }

        private int slot(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("marker " + index + " outside 0.." + (size - 1));
            }
            return (oldest + index) % MAX_MARKERS;
        }
    }
}
