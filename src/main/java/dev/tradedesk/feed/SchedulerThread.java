package dev.tradedesk.feed;

import dev.tradedesk.core.RepeatingFailures;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PriceScheduler}'s one thread as its lanes use it: a step scheduled after a delay, a
 * request's outcome handled there, and every request remembered until it is answered, so that
 * {@link #close} cancels it. No exception escapes a step: whatever a step or a listener throws is
 * logged (a step that fails the same way at every retry, as when the store's disk is full, is told
 * once, then summarized), the lane's bookkeeping is undone (an undo that throws as well is logged the
 * same way) and the lane backs off
 * ({@link LaneBackoff}). A provider that throws instead of failing its request fails the request
 * ({@link #send}). After {@link #close} nothing new starts, and an answer arriving then is ignored.
 *
 * <p>Thread-safety: {@link #close} and {@link #closed} may be called from any thread, and
 * {@link #schedule} by {@link PriceScheduler#start} for the first cycle; the other calls are made
 * on the scheduler thread.
 */
final class SchedulerThread {

    private static final Logger log = LoggerFactory.getLogger(SchedulerThread.class);

    private final ScheduledExecutorService thread;
    private final ProviderKind provider;
    private final LaneBackoff laneBackoff;
    private final RepeatingFailures repeatingBugs = RepeatingFailures.everyMinute();
    private final RepeatingFailures repeatingUndoBugs = RepeatingFailures.everyMinute();

    private volatile boolean closed;
    /** Requests in flight, cancelled by {@link #close}. */
    private final Set<Future<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile Future<?> nextStep;

    SchedulerThread(ScheduledExecutorService thread, ProviderKind provider, LaneBackoff laneBackoff) {
        this.thread = thread;
        this.provider = provider;
        this.laneBackoff = laneBackoff;
    }

    /** Runs {@code task} as a step of {@code lane} after {@code delay}; {@link #close} cancels it. Nothing once closed. */
    void schedule(PriceScheduler.Lane lane, Runnable task, Duration delay) {
        if (closed) {
            return;
        }
        try {
            nextStep = thread.schedule(() -> guarded(lane, task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shutDown) {
            closed = true;
        }
    }

    /**
     * Sends a request to the provider ({@code call}) and remembers it until it is answered, so that
     * {@link #close} can cancel it. A provider that throws instead of returning a failed future, or
     * returns none, gets the failed future it should have returned: the lane that sent the request
     * takes a failed request's path (its bookkeeping undone, the connection backing off). Thrown at
     * the lane, it left the lane waiting for an answer that never comes (a repair's history lane busy
     * for the rest of the session). The throw is logged and counted with the request's failure
     * ({@link ProviderConnection#failed}), as a failure of any other class than
     * {@link ProviderException} is. Once closed, a request is not sent: its future comes back cancelled.
     */
    <T> CompletableFuture<T> send(Supplier<CompletableFuture<T>> call) {
        if (closed) {
            return CompletableFuture.failedFuture(new CancellationException("the scheduler is closed"));
        }
        CompletableFuture<T> request = requestOrItsFailure(call);
        pending.add(request);
        request.whenComplete((value, failure) -> pending.remove(request));
        if (closed) {
            // Closed while this step sent it (close does not wait for the step), and perhaps after
            // close cancelled what was pending: cancelled here, it is not sent to a provider whose
            // connections are closing, where it would fail and be told as the provider's failure.
            request.cancel(false);
        }
        return request;
    }

    private <T> CompletableFuture<T> requestOrItsFailure(Supplier<CompletableFuture<T>> call) {
        try {
            return Objects.requireNonNull(call.get(), "the provider returned no request");
        } catch (RuntimeException | Error bug) {
            return CompletableFuture.failedFuture(bug);
        }
    }

    /** Hands {@code request}'s answer or failure to {@code step} on this thread, as a guarded step of {@code lane}. */
    <T> void whenComplete(CompletionStage<T> request, PriceScheduler.Lane lane, BiConsumer<T, Throwable> step) {
        whenComplete(request, lane, step, () -> { });
    }

    /** As {@link #whenComplete(CompletionStage, PriceScheduler.Lane, BiConsumer)}, running {@code reset} if the step throws. */
    <T> void whenComplete(CompletionStage<T> request, PriceScheduler.Lane lane, BiConsumer<T, Throwable> step,
            Runnable reset) {
        request.whenCompleteAsync((value, failure) -> guarded(lane, () -> step.accept(value, failure), reset), thread);
    }

    void guarded(PriceScheduler.Lane lane, Runnable step) {
        guarded(lane, step, () -> { });
    }

    /**
     * Keeps the scheduler alive whatever a step or a listener throws: log, undo the lane's
     * bookkeeping ({@code reset}), back off, carry on. A live step's bug restarts the cycle loop. An
     * undo that throws too is logged and contained, and the lane backs off all the same.
     */
    void guarded(PriceScheduler.Lane lane, Runnable step, Runnable reset) {
        if (closed) {
            return; // a response that arrives after close starts nothing new
        }
        try {
            step.run();
        } catch (RuntimeException | Error bug) {
            repeatingBugs.report(bug, () -> log.error("{}: scheduler step failed; retrying after a pause", provider, bug),
                    repeats -> log.error("{}: scheduler steps still fail: {} more the same way: {}", provider, repeats,
                            bug.toString()));
            undo(reset, bug);
            laneBackoff.stepFailed(lane);
        }
    }

    /**
     * Runs a failed step's {@code reset}. Its throw would escape the guard into the executor's future,
     * where nobody looks: unlogged, and the lane never backing off (a live step's bug never restarting
     * the cycle loop, so the live lane stopped for the session).
     */
    private void undo(Runnable reset, Throwable stepBug) {
        try {
            reset.run();
        } catch (RuntimeException | Error undoBug) {
            // Its own record: one that repeats at every retry alternating with the step's would make both new each time.
            repeatingUndoBugs.report(undoBug,
                    () -> log.error("{}: undoing a failed scheduler step failed too (the step failed with {}); "
                            + "retrying after a pause", provider, stepBug.toString(), undoBug),
                    repeats -> log.error("{}: undoing failed scheduler steps still fails: {} more the same way: {}",
                            provider, repeats, undoBug.toString()));
        }
    }

    boolean closed() {
        return closed;
    }

    /** Stops after the current step; in-flight requests are cancelled. Idempotent. Any thread. */
    void close() {
        closed = true;
        Future<?> scheduled = nextStep;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        pending.forEach(future -> future.cancel(false));
    }
}
