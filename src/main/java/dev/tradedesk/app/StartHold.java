package dev.tradedesk.app;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a start can do without (the backfill, the read cache) waits for the workstation's first
 * live frame, or at most a limit, so that it does not take the CPU the first frame needs on a
 * small machine. One hold per workstation: a market session started later (a provider switch
 * before the first frame) waits for the same moment, and the moment is logged once.
 */
final class StartHold {

    private static final Logger log = LoggerFactory.getLogger(StartHold.class);

    private final CompletableFuture<Void> released = new CompletableFuture<>();

    /** Starts the hold; {@code timer} runs the limit and the log line. */
    StartHold(CompletionStage<?> firstLiveFrame, Duration limit, ScheduledExecutorService timer) {
        firstLiveFrame.thenRun(() -> released.complete(null));
        timer.schedule(() -> released.complete(null), limit.toMillis(), TimeUnit.MILLISECONDS);
        released.thenRunAsync(() -> log.info("Backfill may start: {}", firstLiveFrame.toCompletableFuture().isDone()
                ? "the first live frame is on screen" : "no live frame after " + limit.toSeconds() + " s"), timer);
    }

    /** Completes at the first live frame, or once the limit is over without one. */
    CompletionStage<Void> released() {
        return released;
    }
}
