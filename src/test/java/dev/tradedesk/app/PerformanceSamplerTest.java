package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.PipelineStage;
import dev.tradedesk.store.CacheStats;
import dev.tradedesk.testing.MutableClock;
import dev.tradedesk.ui.perf.PerformanceSample;
import dev.tradedesk.ui.perf.PerformanceSample.StageLatency;
import dev.tradedesk.ui.workstation.UiMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PerformanceSamplerTest {

    private final PipelineMetrics pipeline = new PipelineMetrics();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T15:00:00Z"));
    private final List<PerformanceSample> samples = new ArrayList<>();
    private final PerformanceSampler sampler = new PerformanceSampler(pipeline, new UiMetrics(),
            () -> PerformanceSampler.CacheCounters.NONE, samples::add, clock);
    /** The store whose counters a test's supplier gives. */
    private final Object store = new Object();

    @Test
    void aStageThatRunsOnceAMinuteShowsItsLastRunUntilTheNextInsteadOfNothing() {
        pipeline.record(PipelineStage.STORE_WRITE, 4_000_000);
        pipeline.record(PipelineStage.FETCH, 2_000_000);
        sampler.run();
        assertThat(latest(PipelineStage.STORE_WRITE).p50Ms()).isBetween(3.99, 4.01);

        for (int second = 1; second <= 60; second++) {
            clock.advance(Duration.ofSeconds(1));
            sampler.run();
            assertThat(latest(PipelineStage.STORE_WRITE).p50Ms()).as("second " + second).isBetween(3.99, 4.01);
        }
        clock.advance(Duration.ofSeconds(1));
        sampler.run();
        assertThat(latest(PipelineStage.STORE_WRITE)).as("a minute without a run").isEqualTo(StageLatency.UNKNOWN);

        pipeline.record(PipelineStage.STORE_WRITE, 9_000_000);
        clock.advance(Duration.ofSeconds(1));
        sampler.run();
        assertThat(latest(PipelineStage.STORE_WRITE).p50Ms()).isBetween(8.99, 9.01);
    }

    @Test
    void theReadCacheHitRateIsTakenOverTheLastMinuteSoOccasionalReadsStayInView() {
        AtomicReference<CacheStats> stats = new AtomicReference<>(new CacheStats(0, 0, 0));
        PerformanceSampler cacheSampler = new PerformanceSampler(pipeline, new UiMetrics(),
                () -> new PerformanceSampler.CacheCounters(store, stats.get()), samples::add, clock);
        cacheSampler.run();
        assertThat(latestHitRate()).as("no read yet").isNaN();

        stats.set(new CacheStats(3, 1, 2)); // a chart loaded, switched away and back
        cacheSampler.run();
        for (int second = 1; second < PerformanceSampler.HIT_RATE_WINDOW; second++) {
            cacheSampler.run();
            assertThat(latestHitRate()).as("second " + second).isEqualTo(0.75);
        }
        stats.set(new CacheStats(3, 3, 2));
        cacheSampler.run();
        assertThat(latestHitRate()).as("the first reads leave the window as two misses come").isEqualTo(0.0);
        for (int second = 1; second < PerformanceSampler.HIT_RATE_WINDOW; second++) {
            cacheSampler.run();
        }
        cacheSampler.run();
        assertThat(latestHitRate()).as("a minute without a read").isNaN();
    }

    @Test
    void anotherStoresCountersAfterAProviderSwitchCountNothingAndTheSamplesGoOn() {
        Object other = new Object();
        AtomicReference<PerformanceSampler.CacheCounters> counters =
                new AtomicReference<>(new PerformanceSampler.CacheCounters(store, new CacheStats(0, 0, 0)));
        PerformanceSampler cacheSampler = new PerformanceSampler(pipeline, new UiMetrics(), counters::get, samples::add, clock);
        cacheSampler.run();
        counters.set(new PerformanceSampler.CacheCounters(store, new CacheStats(300, 100, 5)));
        cacheSampler.run();
        assertThat(latestHitRate()).isEqualTo(0.75);

        // The switch: none while the new history opens, then the other store's own counters, lower.
        counters.set(PerformanceSampler.CacheCounters.NONE);
        cacheSampler.run();
        counters.set(new PerformanceSampler.CacheCounters(other, new CacheStats(2, 8, 1)));
        cacheSampler.run();
        assertThat(latestHitRate()).as("what came before the switch, still in the window").isEqualTo(0.75);
        counters.set(new PerformanceSampler.CacheCounters(other, new CacheStats(2, 108, 1)));
        cacheSampler.run();
        assertThat(latestHitRate()).as("300 hits, 200 misses: the other store's first counters not among them")
                .isEqualTo(0.6);
        // Back to the first store, whose counters went on from 300 and 100 meanwhile.
        counters.set(new PerformanceSampler.CacheCounters(store, new CacheStats(900, 100, 5)));
        cacheSampler.run();
        assertThat(latestHitRate()).isEqualTo(0.6);
        assertThat(samples).as("a sample every run").hasSize(6);
    }

    @Test
    void aSampleThatFailsDoesNotEndTheSampling() {
        AtomicBoolean failNext = new AtomicBoolean(true);
        PerformanceSampler failing = new PerformanceSampler(pipeline, new UiMetrics(), () -> {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("the store is closing");
            }
            return PerformanceSampler.CacheCounters.NONE;
        }, samples::add, clock);

        failing.run(); // a scheduled executor runs a task that threw no more
        assertThat(samples).isEmpty();
        failing.run();
        assertThat(samples).hasSize(1);
    }

    private double latestHitRate() {
        return samples.get(samples.size() - 1).readCacheHitRate();
    }

    private StageLatency latest(PipelineStage stage) {
        return samples.get(samples.size() - 1).latency(stage);
    }
}
