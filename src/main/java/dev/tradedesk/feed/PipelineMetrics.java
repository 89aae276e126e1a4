package dev.tradedesk.feed;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency of each {@link PipelineStage} in HdrHistograms. Recording is wait-free and allocation
 * free from any thread; readers take an interval histogram (what happened since the last read, for
 * the live performance panel) or the running total (for {@code record}'s summary).
 *
 * <p>Thread-safe: any number of recording threads; {@link #interval} and {@link #total} may be
 * called from any thread and are serialised internally.
 */
public final class PipelineMetrics {

    /** One hour in nanoseconds: anything slower is clamped, not dropped. */
    private static final long HIGHEST = TimeUnit.HOURS.toNanos(1);

    private final Map<PipelineStage, Recorder> recorders = new EnumMap<>(PipelineStage.class);
    private final Map<PipelineStage, Histogram> totals = new EnumMap<>(PipelineStage.class);
    private final Map<PipelineStage, Histogram> recycled = new EnumMap<>(PipelineStage.class);

    public PipelineMetrics() {
        for (PipelineStage stage : PipelineStage.values()) {
            recorders.put(stage, new Recorder(HIGHEST, 3));
            totals.put(stage, new Histogram(HIGHEST, 3));
        }
    }

    public void record(PipelineStage stage, long nanos) {
        recorders.get(stage).recordValue(Math.max(0, Math.min(nanos, HIGHEST)));
    }

    /**
     * What was recorded for {@code stage} since the previous call (for any stage), also folded into
     * the total. The returned histogram is a copy the caller owns.
     */
    public synchronized Histogram interval(PipelineStage stage) {
        Histogram interval = recorders.get(stage).getIntervalHistogram(recycled.get(stage));
        totals.get(stage).add(interval);
        recycled.put(stage, interval);
        return interval.copy();
    }

    /** Everything recorded for {@code stage} so far. The returned histogram is a copy. */
    public synchronized Histogram total(PipelineStage stage) {
        interval(stage);
        return totals.get(stage).copy();
    }
}
