package dev.tradedesk.ui.perf;

import dev.tradedesk.feed.PipelineStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One second of the workstation's performance, as the sampler measures it: per-stage latency
 * percentiles, frame rate and frame time, tick-to-screen latency, read-cache hit rate, garbage
 * collection and heap. {@code NaN} means "not measured" (no frames drawn, no reads, a stage that
 * did not run); the panel shows it as a gap or a dash.
 *
 * <p>Validated at construction (every problem reported at once). Immutable and thread-safe, so the
 * sampler can hand it from its thread to the JavaFX thread as is.
 *
 * @param time              end of the second the sample covers, epoch millis UTC; samples must come
 *                          in increasing time
 * @param stageLatencies    latency percentiles per pipeline stage; a stage left out is unknown
 * @param framesPerSecond   frames drawn in the last second
 * @param frameTimeP99Ms    99th percentile of frame time in the last second, ms
 * @param tickToScreenP99Ms 99th percentile of the time from a tick's arrival to the frame showing
 *                          it, ms
 * @param readCacheHitRate  share of the last minute's history reads served by the read cache, 0..1
 * @param gcPauseMs         total GC pause time in the last second, ms
 * @param gcCount           garbage collections in the last second
 * @param heapUsedMb        heap in use at the sample time, MB
 * @param heapMaxMb         the heap's maximum size, MB
 * @param heapCommittedMb   heap the JVM has taken from the system at the sample time, MB: what the
 *                          used heap grows into before a collection, far below a large maximum
 */
public record PerformanceSample(
        long time,
        Map<PipelineStage, StageLatency> stageLatencies,
        double framesPerSecond,
        double frameTimeP99Ms,
        double tickToScreenP99Ms,
        double readCacheHitRate,
        double gcPauseMs,
        long gcCount,
        double heapUsedMb,
        double heapMaxMb,
        double heapCommittedMb) {

    public PerformanceSample {
        stageLatencies = stageLatencies == null ? Map.of() : Map.copyOf(stageLatencies);
        List<String> problems = new ArrayList<>();
        checkNotNegative(problems, "framesPerSecond", framesPerSecond);
        checkNotNegative(problems, "frameTimeP99Ms", frameTimeP99Ms);
        checkNotNegative(problems, "tickToScreenP99Ms", tickToScreenP99Ms);
        if (readCacheHitRate < 0 || readCacheHitRate > 1) {
            problems.add("readCacheHitRate must be within [0, 1] or NaN, was " + readCacheHitRate);
        }
        checkNotNegative(problems, "gcPauseMs", gcPauseMs);
        if (gcCount < 0) {
            problems.add("gcCount must not be negative, was " + gcCount);
        }
        checkNotNegative(problems, "heapUsedMb", heapUsedMb);
        checkNotNegative(problems, "heapMaxMb", heapMaxMb);
        checkNotNegative(problems, "heapCommittedMb", heapCommittedMb);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid performance sample: " + String.join("; ", problems));
        }
    }

    /** The latency percentiles of {@code stage}, unknown (NaN) if the sample has none. */
    public StageLatency latency(PipelineStage stage) {
        return stageLatencies.getOrDefault(stage, StageLatency.UNKNOWN);
    }

    /**
     * Latency percentiles of one pipeline stage over the sampled second, in milliseconds; NaN when
     * the stage did not run. Immutable.
     */
    public record StageLatency(double p50Ms, double p99Ms) {

        public static final StageLatency UNKNOWN = new StageLatency(Double.NaN, Double.NaN);

        public StageLatency {
            if (p50Ms < 0 || p99Ms < 0) {
                throw new IllegalArgumentException(
                        "latencies must not be negative, were p50 " + p50Ms + ", p99 " + p99Ms);
            }
        }
    }

    private static void checkNotNegative(List<String> problems, String name, double value) {
        if (value < 0) {
            problems.add(name + " must not be negative (NaN: unknown), was " + value);
        }
    }
}
