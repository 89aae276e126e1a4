package dev.tradedesk.ui.perf;

import dev.tradedesk.feed.PipelineStage;
import java.util.EnumMap;
import java.util.Map;

/** Plausible, deterministic samples for tests and the demo: one a second from {@link #START}. */
final class PerformanceSamples {

    static final long START = 1_750_000_000_000L;

    private PerformanceSamples() {
    }

    /** Sample number {@code second}; the read cache's hit rate is 0 while {@code cacheOn} is false. */
    static PerformanceSample at(int second, boolean cacheOn) {
        double wave = Math.sin(second / 9.0);
        Map<PipelineStage, PerformanceSample.StageLatency> stages = new EnumMap<>(PipelineStage.class);
        stages.put(PipelineStage.FETCH, latency(38 + 6 * wave, 110 + 40 * Math.abs(wave)));
        stages.put(PipelineStage.PARSE, latency(0.4, 1.3 + 0.4 * wave));
        stages.put(PipelineStage.INDICATORS, latency(0.05, 0.2 + 0.05 * wave));
        stages.put(PipelineStage.STORE_WRITE, latency(cacheOn ? 2.1 : 5.5, cacheOn ? 7 : 18));
        stages.put(PipelineStage.PUBLISH, latency(0.02, 0.09));
        stages.put(PipelineStage.RENDER, latency(3.2, 11 + 3 * wave));
        boolean gcSecond = second % 17 == 0;
        double heapUsed = 180 + (second % 40) * 6;
        return new PerformanceSample(START + second * 1000L, stages, 58 + 2 * wave, 19 + 4 * Math.abs(wave),
                70 + 25 * Math.abs(wave) + (cacheOn ? 0 : 40), cacheOn ? 0.93 + 0.04 * wave : 0,
                gcSecond ? 9 + second % 5 : 0, gcSecond ? 2 : 0, heapUsed, 1024, 512);
    }

    private static PerformanceSample.StageLatency latency(double p50, double p99) {
        return new PerformanceSample.StageLatency(p50, p99);
    }
}
