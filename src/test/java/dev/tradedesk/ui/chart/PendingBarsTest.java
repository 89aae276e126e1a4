package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The lock-free hand-off: order, coalescing and no lost bars under contention. */
class PendingBarsTest {

    private final PendingBars pending = new PendingBars();
    private final ArrayList<PendingBars.Update> drained = new ArrayList<>();

    @Test
    void drainsInTheOrderOffered() {
        pending.offerClosed(1, 10, 11, 9, 10, 1);
        pending.offerClosed(2, 10, 11, 9, 10, 1);
        pending.offerForming(3, 10, 11, 9, 10, 1);

        assertThat(pending.drainTo(drained)).isTrue();
        assertThat(drained).extracting(update -> update.time).containsExactly(1L, 2L, 3L);
        assertThat(pending.drainTo(drained)).as("nothing left").isFalse();
        assertThat(drained).isEmpty();
    }

    @Test
    void formingUpdatesOfOneBarCoalesceIntoTheLatest() {
        for (int tick = 0; tick < 1000; tick++) {
            pending.offerForming(5, 10, 10 + tick, 9, 10, tick);
        }
        pending.drainTo(drained);
        assertThat(drained).hasSize(1);
        assertThat(drained.get(0).high).isEqualTo(1009);
    }

    @Test
    void aClosedBarSupersedesItsPendingFormingState() {
        pending.offerForming(5, 10, 12, 9, 11, 3);
        pending.offerClosed(5, 10, 13, 9, 12, 4);
        pending.offerForming(6, 12, 12, 12, 12, 1);
        pending.drainTo(drained);
        assertThat(drained).extracting(update -> update.kind)
                .containsExactly(PendingBars.Kind.CLOSED, PendingBars.Kind.FORMING);
        assertThat(drained.get(0).close).isEqualTo(12);
    }

    @Test
    void aNewSeriesDropsWhatWasPendingBeforeIt() {
        ChartSeries replacement =
                ChartSeries.empty(SeriesKey.of("X", Timeframe.ONE_MINUTE), IndicatorParameters.DEFAULTS, 16);
        pending.offerClosed(1, 10, 11, 9, 10, 1);
        pending.offerReplacement(replacement);
        pending.offerClosed(2, 10, 11, 9, 10, 1);
        pending.drainTo(drained);
        assertThat(drained).extracting(update -> update.kind)
                .containsExactly(PendingBars.Kind.REPLACE, PendingBars.Kind.CLOSED);
        assertThat(drained.get(0).replacement).isSameAs(replacement);
    }

    @Test
    void concurrentProducersLoseNoClosedBar() throws Exception {
        int producers = 4;
        int barsEach = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int p = 0; p < producers; p++) {
                long base = p * 1_000_000L;
                pool.execute(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < barsEach; i++) {
                        pending.offerForming(base + i, 1, 1, 1, 1, 0);
                        pending.offerClosed(base + i, 1, 1, 1, 1, 1);
                    }
                });
            }
            start.countDown();
            long closed = 0;
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.MILLISECONDS) || !pending.isEmpty()) {
                pending.drainTo(drained);
                closed += drained.stream().filter(update -> update.kind == PendingBars.Kind.CLOSED).count();
            }
            assertThat(closed).isEqualTo((long) producers * barsEach);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
