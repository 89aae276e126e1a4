package dev.tradedesk.ui.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PerformanceSampleHandOffTest {

    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final List<PerformanceSample> delivered = new ArrayList<>();
    private final PerformanceSampleHandOff handOff = new PerformanceSampleHandOff(fxQueue::add, delivered::add);

    private void runFxQueue() {
        while (!fxQueue.isEmpty()) {
            fxQueue.poll().run();
        }
    }

    @Test
    void deliversEachSampleOnTheFxExecutorWhenItKeepsUp() {
        handOff.offer(PerformanceSamples.at(0, true));
        runFxQueue();
        handOff.offer(PerformanceSamples.at(1, true));
        runFxQueue();
        assertThat(delivered).extracting(PerformanceSample::time)
                .containsExactly(PerformanceSamples.START, PerformanceSamples.START + 1000);
    }

    @Test
    void aBusyFxThreadGetsOneTaskAndOnlyTheNewestSample() {
        for (int second = 0; second < 5; second++) {
            handOff.offer(PerformanceSamples.at(second, true));
        }
        assertThat(fxQueue).hasSize(1);
        runFxQueue();
        assertThat(delivered).singleElement().extracting(PerformanceSample::time).isEqualTo(PerformanceSamples.START + 4000);
    }

    @Test
    void neverLosesTheLastSampleOfferedFromAnotherThread() throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor(task -> new Thread(task, "test-fx"));
        CountDownLatch last = new CountDownLatch(1);
        PerformanceSampleHandOff concurrent = new PerformanceSampleHandOff(fx, sample -> {
            if (sample.time() == PerformanceSamples.START + 999_000) {
                last.countDown();
            }
        });
        try {
            for (int second = 0; second < 1000; second++) {
                concurrent.offer(PerformanceSamples.at(second, true));
            }
            assertThat(last.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            fx.shutdownNow();
        }
    }
}
