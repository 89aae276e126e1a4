package dev.tradedesk.app;

import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.PipelineStage;
import dev.tradedesk.store.CacheStats;
import dev.tradedesk.ui.perf.PerformanceSample;
import dev.tradedesk.ui.perf.PerformanceSample.StageLatency;
import dev.tradedesk.ui.workstation.UiMetrics;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a second, on its own thread, turns what every part measured into one
 * {@link PerformanceSample}: per-stage latency (the pipeline's HdrHistograms), frame rate and frame
 * time, tick-to-screen latency and UI apply time (measured on the JavaFX thread), read-cache hit
 * rate, garbage collection and heap. Also keeps the totals since start, for the smoke test.
 *
 * <p>Call {@link #run()} from one thread only (a scheduled executor); {@link #totals()} from any.
 */
final class PerformanceSampler implements Runnable {

    private static final List<PipelineStage> STAGES = List.of(PipelineStage.FETCH, PipelineStage.PARSE,
            PipelineStage.INDICATORS, PipelineStage.STORE_WRITE, PipelineStage.PUBLISH);
    /**
     * How long an idle stage shows its last run: a store write, say, runs only when bars close
     * (once a minute on a 1-minute feed), so most seconds have none.
     */
    static final long IDLE_STAGE_HOLD_MILLIS = 60_000;
    /** Samples (seconds) over which the read-cache hit rate is taken. */
    static final int HIT_RATE_WINDOW = 60;
    private static final double MB = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(PerformanceSampler.class);

    /** Everything measured since start, for a summary. */
    record Totals(Histogram frameIntervals, Histogram tickToScreen, Histogram framesPerSecond, long samples) {
    }

    /**
     * The read cache's counters and the store they are of: a provider switch puts another store's
     * counters (or none, while it opens) in their place, which say nothing of the second just gone.
     *
     * @param store the store counted, compared by identity; null when none is open
     */
    record CacheCounters(Object store, CacheStats stats) {

        static final CacheCounters NONE = new CacheCounters(null, new CacheStats(0, 0, 0));
    }

    private final PipelineMetrics pipeline;
    private final UiMetrics ui;
    private final Supplier<CacheCounters> cache;
    private final Consumer<PerformanceSample> out;
    private final Clock clock;
    private final Histogram totalFrames = new Histogram(3);
    private final Histogram totalTicks = new Histogram(3);
    private final Histogram fpsPerSecond = new Histogram(3);
    private long samples;
    private long lastSampleNanos = System.nanoTime();
    private Object lastStore;
    private long lastHits;
    private long lastMisses;
    private boolean failureLogged;
    /**
     * Hits and misses of the last {@link #HIT_RATE_WINDOW} samples: the chart reads history now and
     * then (a symbol or timeframe chosen, a reload), so a rate per second is mostly undefined and its
     * lone points between gaps do not show.
     */
    private final long[] windowHits = new long[HIT_RATE_WINDOW];
    private final long[] windowMisses = new long[HIT_RATE_WINDOW];
    private long lastGcCount;
    private long lastGcMillis;
    private boolean firstLiveFrameLogged;
    private final Map<PipelineStage, LastRun> lastRuns = new EnumMap<>(PipelineStage.class);

    /** A stage's latest second with work, and when it was sampled. */
    private record LastRun(StageLatency latency, long atMillis) {
    }

    PerformanceSampler(PipelineMetrics pipeline, UiMetrics ui, Supplier<CacheCounters> cache, Consumer<PerformanceSample> out,
            Clock clock) {
        this.pipeline = pipeline;
        this.ui = ui;
        this.cache = cache;
        this.out = out;
        this.clock = clock;
        long[] gc = gcCountAndMillis();
        lastGcCount = gc[0];
        lastGcMillis = gc[1];
    }

    /**
     * Takes a sample. Never throws: a scheduled task that throws is run no more, and the panel and
     * the status bar's figures stood still for good, without a word (seen after a provider switch).
     */
    @Override
    public void run() {
        try {
            sample();
        } catch (RuntimeException failed) {
            if (!failureLogged) {
                failureLogged = true;
                log.error("A performance sample failed; the next ones are taken all the same (further failures at DEBUG)",
                        failed);
            } else {
                log.debug("A performance sample failed: {}", failed.toString());
            }
        }
    }

    private void sample() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastSampleNanos) / 1e9);
        lastSampleNanos = now;
        logFirstLiveFrameOnce();
        Map<PipelineStage, StageLatency> stages = new EnumMap<>(PipelineStage.class);
        long nowMillis = clock.millis();
        for (PipelineStage stage : STAGES) {
            stages.put(stage, latestRun(stage, latency(pipeline.interval(stage)), nowMillis));
        }
        stages.put(PipelineStage.RENDER, latency(ui.takeApplyWork()));
        Histogram frames = ui.takeFrameIntervals();
        Histogram ticks = ui.takeTickToScreen();
        double fps = frames.getTotalCount() / seconds;
        double frameP99 = frames.getTotalCount() == 0 ? Double.NaN : frames.getValueAtPercentile(99) / 1e6;
        double tickP99 = ticks.getTotalCount() == 0 ? Double.NaN : ticks.getValueAtPercentile(99) / 1e6;
        synchronized (this) {
            totalFrames.add(frames);
            totalTicks.add(ticks);
            if (frames.getTotalCount() > 0) {
                fpsPerSecond.recordValue(Math.round(fps * 1000));
            }
            samples++;
        }
        CacheCounters counters = cache.get();
        CacheStats stats = counters.stats();
        int slot = (int) (samples % HIT_RATE_WINDOW);
        boolean sameStore = counters.store() != null && counters.store() == lastStore;
        windowHits[slot] = sameStore ? Math.max(0, stats.hits() - lastHits) : 0;
        windowMisses[slot] = sameStore ? Math.max(0, stats.misses() - lastMisses) : 0;
        lastStore = counters.store();
        lastHits = stats.hits();
        lastMisses = stats.misses();
        long hits = Arrays.stream(windowHits).sum();
        long misses = Arrays.stream(windowMisses).sum();
        long[] gc = gcCountAndMillis();
        long gcCount = gc[0] - lastGcCount;
        long gcMillis = gc[1] - lastGcMillis;
        lastGcCount = gc[0];
        lastGcMillis = gc[1];
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.accept(new PerformanceSample(nowMillis, stages, fps, frameP99, tickP99,
                hits + misses == 0 ? Double.NaN : (double) hits / (hits + misses), gcMillis, gcCount,
                heap.getUsed() / MB, (heap.getMax() > 0 ? heap.getMax() : heap.getCommitted()) / MB,
                heap.getCommitted() / MB));
    }

    /**
     * The start-up figure of a normal {@code gui} run (the smoke test reports its own): logged once,
     * as time since the JVM started and as an epoch instant, so that a script can also measure
     * from before the launcher ran (installer/measure-first-frame.sh).
     */
    private void logFirstLiveFrameOnce() {
        long firstFrame = ui.firstLiveFrameWallMillis();
        if (!firstLiveFrameLogged && firstFrame != 0) {
            firstLiveFrameLogged = true;
            log.info("First live frame {} ms after the JVM started (epoch ms {})",
                    firstFrame - ManagementFactory.getRuntimeMXBean().getStartTime(), firstFrame);
        }
    }

    /** Frame intervals, tick-to-screen latencies and per-second frame rates (×1000) since start. */
    synchronized Totals totals() {
        return new Totals(totalFrames.copy(), totalTicks.copy(), fpsPerSecond.copy(), samples);
    }

    /** This second's latency of {@code stage}, or, if it did not run, its last run's within the hold. */
    private StageLatency latestRun(PipelineStage stage, StageLatency thisSecond, long nowMillis) {
        if (thisSecond != StageLatency.UNKNOWN) {
            lastRuns.put(stage, new LastRun(thisSecond, nowMillis));
            return thisSecond;
        }
        LastRun last = lastRuns.get(stage);
        return last != null && nowMillis - last.atMillis() <= IDLE_STAGE_HOLD_MILLIS ? last.latency() : StageLatency.UNKNOWN;
    }

    private static StageLatency latency(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return StageLatency.UNKNOWN;
        }
        return new StageLatency(histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6);
    }

    private static long[] gcCountAndMillis() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }
}
