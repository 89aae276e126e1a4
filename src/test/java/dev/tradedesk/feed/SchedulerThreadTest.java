package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.testing.LogCapture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SchedulerThread} on the single-thread scheduled executor the app gives it, with a live lane
 * whose back-off schedules its next cycle on that thread, as {@link LiveLane#nextCycleIn} does.
 */
class SchedulerThreadTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger liveCycles = new AtomicInteger();
    private final SchedulerThread schedulerThread = new SchedulerThread(executor, ProviderKind.SIM,
            new LaneBackoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5), this::nextLiveCycleIn));

    @AfterEach
    void stop() throws InterruptedException {
        schedulerThread.close();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aStepWhoseUndoThrowsTooIsLoggedOnceWithTheStepsFailureAndTheLiveLaneKeepsCycling() {
        BiConsumer<String, Throwable> failingStep = (answer, failure) -> {
            throw new IllegalStateException("step bug");
        };
        Runnable failingUndo = () -> {
            throw new IllegalStateException("undo bug");
        };
        try (LogCapture log = new LogCapture()) {
            schedulerThread.whenComplete(CompletableFuture.completedFuture("answer"), PriceScheduler.Lane.LIVE,
                    failingStep, failingUndo);
            await(() -> liveCycles.get() == 1);
            schedulerThread.whenComplete(CompletableFuture.completedFuture("answer"), PriceScheduler.Lane.LIVE,
                    failingStep, failingUndo);
            await(() -> liveCycles.get() == 2);
            assertThat(log.lines()).filteredOn(line -> line.contains("undo bug")).singleElement().asString()
                    .contains("undoing a failed scheduler step failed too", "step bug");
        }
    }

    @Test
    void aRequestAStepSendsOnceTheSchedulerIsClosedIsCancelledNotSent() {
        CompletableFuture<String> inFlight = new CompletableFuture<>();
        AtomicInteger sent = new AtomicInteger();
        CompletableFuture<String> before = schedulerThread.send(() -> {
            sent.incrementAndGet();
            return inFlight;
        });

        schedulerThread.close();
        CompletableFuture<String> after = schedulerThread.send(() -> {
            sent.incrementAndGet();
            return new CompletableFuture<>();
        });

        assertThat(before).as("in flight at the close: the provider's own future, so its call is cancelled too")
                .isCancelled();
        assertThat(after).isCancelled();
        assertThat(sent).as("only the request sent before the close reached the provider").hasValue(1);
    }

    @Test
    void aRequestSentWhileTheSchedulerClosesIsCancelledWhicheverComesFirst() {
        AtomicInteger sent = new AtomicInteger();
        // The close lands while the step is inside the provider's call, after the first look at closed.
        CompletableFuture<String> request = schedulerThread.send(() -> {
            sent.incrementAndGet();
            schedulerThread.close();
            return new CompletableFuture<>();
        });

        assertThat(sent).hasValue(1);
        assertThat(request).as("close found nothing pending yet; send looked again").isCancelled();
    }

    /** The live lane's next cycle, which only counts itself here. */
    private void nextLiveCycleIn(Duration wait) {
        schedulerThread.schedule(PriceScheduler.Lane.LIVE, liveCycles::incrementAndGet, wait);
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(5)).until(condition::getAsBoolean);
    }
}
