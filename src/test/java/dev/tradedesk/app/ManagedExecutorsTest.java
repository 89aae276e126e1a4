package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ManagedExecutorsTest {

    @Test
    void threadsAreNamedAfterTheirRole() throws Exception {
        try (ManagedExecutors executors = new ManagedExecutors(Duration.ofSeconds(1))) {
            AtomicReference<String> name = new AtomicReference<>();
            executors.singleThread("settings-writer").submit(() -> name.set(Thread.currentThread().getName())).get();
            assertThat(name.get()).isEqualTo("tradedesk-settings-writer");
        }
    }

    @Test
    void closeLetsQueuedWorkFinishThenStopsEveryThread() throws Exception {
        ManagedExecutors executors = new ManagedExecutors(Duration.ofSeconds(5));
        ExecutorService single = executors.singleThread("a");
        ScheduledExecutorService scheduled = executors.scheduled("b");
        AtomicBoolean queuedTaskRan = new AtomicBoolean();
        single.execute(() -> sleep(100));
        single.execute(() -> queuedTaskRan.set(true));
        scheduled.scheduleAtFixedRate(() -> { }, 0, 10, TimeUnit.MILLISECONDS);

        executors.close();

        assertThat(queuedTaskRan).isTrue();
        assertThat(single.isTerminated()).isTrue();
        assertThat(scheduled.isTerminated()).isTrue();
    }

    @Test
    void closeInterruptsTasksThatOutliveTheGracePeriod() throws Exception {
        ManagedExecutors executors = new ManagedExecutors(Duration.ofMillis(100));
        ExecutorService stuck = executors.singleThread("stuck");
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        stuck.execute(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        started.await();

        executors.close();

        assertThat(stuck.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
