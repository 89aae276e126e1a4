package dev.tradedesk.ui.perf;

import dev.tradedesk.feed.PipelineStage;

/**
 * The quantities the performance panel keeps a history of, one column of its ring each: the p50 and
 * p99 latency of each charted pipeline stage, then the frame, cache, GC and heap figures of
 * {@link PerformanceSample}.
 */
public enum PerformanceMetric {
    FETCH_P50(PipelineStage.FETCH, Percentile.P50),
    FETCH_P99(PipelineStage.FETCH, Percentile.P99),
    PARSE_P50(PipelineStage.PARSE, Percentile.P50),
    PARSE_P99(PipelineStage.PARSE, Percentile.P99),
    INDICATORS_P50(PipelineStage.INDICATORS, Percentile.P50),
    INDICATORS_P99(PipelineStage.INDICATORS, Percentile.P99),
    STORE_WRITE_P50(PipelineStage.STORE_WRITE, Percentile.P50),
    STORE_WRITE_P99(PipelineStage.STORE_WRITE, Percentile.P99),
    PUBLISH_P50(PipelineStage.PUBLISH, Percentile.P50),
    PUBLISH_P99(PipelineStage.PUBLISH, Percentile.P99),
    RENDER_P50(PipelineStage.RENDER, Percentile.P50),
    RENDER_P99(PipelineStage.RENDER, Percentile.P99),
    FRAMES_PER_SECOND,
    FRAME_TIME_P99,
    TICK_TO_SCREEN_P99,
    /** The read-cache hit rate in percent (0..100), as charted. */
    CACHE_HIT_PERCENT,
    GC_PAUSE,
    GC_COUNT,
    HEAP_USED,
    HEAP_COMMITTED;

    /** Which latency percentile a stage metric is. */
    public enum Percentile {
        P50, P99
    }

    private final PipelineStage stage;
    private final Percentile percentile;

    PerformanceMetric() {
        this(null, null);
    }

    PerformanceMetric(PipelineStage stage, Percentile percentile) {
        this.stage = stage;
        this.percentile = percentile;
    }

    /** The latency metric of {@code stage} at {@code percentile}. */
    public static PerformanceMetric latency(PipelineStage stage, Percentile percentile) {
        for (PerformanceMetric metric : values()) {
            if (metric.stage == stage && metric.percentile == percentile) {
                return metric;
            }
        }
        throw new IllegalArgumentException("no latency metric for " + stage);
    }

    /** This metric's value in {@code sample}; NaN when unknown. */
    public double of(PerformanceSample sample) {
        if (stage != null) {
            PerformanceSample.StageLatency latency = sample.latency(stage);
            return percentile == Percentile.P50 ? latency.p50Ms() : latency.p99Ms();
        }
        return switch (this) {
            case FRAMES_PER_SECOND -> sample.framesPerSecond();
            case FRAME_TIME_P99 -> sample.frameTimeP99Ms();
            case TICK_TO_SCREEN_P99 -> sample.tickToScreenP99Ms();
            case CACHE_HIT_PERCENT -> sample.readCacheHitRate() * 100;
            case GC_PAUSE -> sample.gcPauseMs();
            case GC_COUNT -> sample.gcCount();
            case HEAP_USED -> sample.heapUsedMb();
            case HEAP_COMMITTED -> sample.heapCommittedMb();
            default -> throw new AssertionError(this);
        };
    }
}
