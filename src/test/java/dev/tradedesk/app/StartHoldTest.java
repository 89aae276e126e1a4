package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.tradedesk.testing.LogCapture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The start hold's release, and its one INFO line (tests log at WARN: the capture raises the hold's logger). */
class StartHoldTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void theFirstLiveFrameReleasesItAndSaysSoOnce() throws Exception {
        CompletableFuture<Void> frame = new CompletableFuture<>();
        try (LogCapture log = new LogCapture(StartHold.class, Level.INFO)) {
            StartHold hold = new StartHold(frame, Duration.ofMinutes(1), timer);
            assertThat(hold.released().toCompletableFuture()).isNotDone();

            frame.complete(null);
            hold.released().toCompletableFuture().get(5, TimeUnit.SECONDS);
            settle(log);
            assertThat(log.lines()).filteredOn(line -> line.contains("Backfill may start"))
                    .containsExactly("INFO Backfill may start: the first live frame is on screen");
        }
    }

    @Test
    void withoutAFrameTheLimitReleasesItForEverySessionWithOneLine() throws Exception {
        try (LogCapture log = new LogCapture(StartHold.class, Level.INFO)) {
            StartHold hold = new StartHold(new CompletableFuture<Void>(), Duration.ofMillis(50), timer);
            // A provider switch before any frame: the second session waits on the same hold.
            CompletableFuture<Void> first = hold.released().toCompletableFuture();
            CompletableFuture<Void> second = hold.released().toCompletableFuture();
            CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);
            settle(log);
            assertThat(log.lines()).filteredOn(line -> line.contains("Backfill may start"))
                    .containsExactly("INFO Backfill may start: no live frame after 0 s");
        }
    }

    /** Waits for the release's log line, which the timer writes, and for anything else queued behind it. */
    private void settle(LogCapture log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (log.lines().stream().noneMatch(line -> line.contains("Backfill may start")) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        timer.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }
}
