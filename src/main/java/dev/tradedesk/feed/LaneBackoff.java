package dev.tradedesk.feed;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * When the {@link PriceScheduler}'s lanes may send again after a failure. Failures back off
 * ({@link Backoff}: {@code Retry-After}, else exponential with jitter up to 60 s) by the count of
 * failures in a row of their own requests: the live lane's, or the closing and history lanes'
 * together. An answer to one starts its own count over, not the other's: with live prices answered
 * every second, a closed-bar request that the provider fails (a 500, a 429 without a wait) was asked
 * again every second, at its first step, as long as the failure lasted. The live lane waits by
 * delaying its next cycle, the closing and history lanes by sending nothing before the back-off ends.
 *
 * <p>Confined to the scheduler thread.
 */
final class LaneBackoff {

    private final Backoff backoff;
    /** Schedules the live lane's next cycle after the given wait. */
    private final Consumer<Duration> delayLiveCycle;

    private int liveFailuresInARow;
    private int historyFailuresInARow;
    /**
     * {@link System#nanoTime()} before which the closing and history lanes send no history request (a
     * back-off). Timed like the live lane's delayed cycle, by the scheduler's own timer, not by the
     * wall clock.
     */
    private long historyRequestsNotBefore;
    private boolean historyRequestsBackOff;

    LaneBackoff(Backoff backoff, Consumer<Duration> delayLiveCycle) {
        this.backoff = backoff;
        this.delayLiveCycle = delayLiveCycle;
    }

    /**
     * One more failure in a row of {@code lane}'s requests, with {@code problem} ({@code null}: a
     * step's bug): how long to wait before retrying.
     */
    Duration failed(ProviderException problem, PriceScheduler.Lane lane) {
        int inARow = lane == PriceScheduler.Lane.LIVE ? ++liveFailuresInARow : ++historyFailuresInARow;
        return backoff.delay(inARow, problem);
    }

    /** A step of {@code lane} threw: the lane backs off as after a failure without a {@code Retry-After}. */
    void stepFailed(PriceScheduler.Lane lane) {
        backOff(lane, failed(null, lane));
    }

    /** A request of {@code lane} came back: that lane's backing off starts over. */
    void answered(PriceScheduler.Lane lane) {
        if (lane == PriceScheduler.Lane.LIVE) {
            liveFailuresInARow = 0;
        } else {
            historyFailuresInARow = 0;
        }
    }

    /** True while the closing and history lanes send no history request: one back-off for both. */
    boolean historyRequestsBackingOff() {
        if (historyRequestsBackOff && System.nanoTime() - historyRequestsNotBefore >= 0) {
            historyRequestsBackOff = false;
        }
        return historyRequestsBackOff;
    }

    /** {@code lane} waits {@code wait}: the live lane alone, or the closing and history lanes together. */
    void backOff(PriceScheduler.Lane lane, Duration wait) {
        if (lane == PriceScheduler.Lane.LIVE) {
            delayLiveCycle.accept(wait);
        } else {
            historyRequestsBackOff = true;
            historyRequestsNotBefore = System.nanoTime() + wait.toNanos();
        }
    }
}
