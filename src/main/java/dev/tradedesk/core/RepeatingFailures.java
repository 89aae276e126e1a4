package dev.tradedesk.core;

import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Tells a failure once and then only how often it repeats. A store whose disk is full, or a step
 * that fails the same way at every retry, otherwise logs the same lines, stack trace and all, every
 * second until the app is restarted. Failures are the same when their class and message are, or,
 * told by a reason of the caller's choosing, when their reasons are. Pure: no I/O, time from the
 * given source. Thread-safe.
 */
public final class RepeatingFailures {

    /** What to say of a failure just seen. */
    public enum Verdict {
        /** A new failure, or the first after a success: log it in full. */
        TELL,
        /** The same failure again: count it, say nothing. */
        QUIET,
        /** The same failure again, and a summary is due: say how often it repeated. */
        SUMMARIZE
    }

    private final long summaryEveryNanos;
    private final LongSupplier nanoTime;
    private String current;
    private long repeats;
    private long lastToldNanos;

    /** @param summaryEvery how often a repeating failure is summarized */
    public RepeatingFailures(Duration summaryEvery, LongSupplier nanoTime) {
        this.summaryEveryNanos = summaryEvery.toNanos();
        this.nanoTime = nanoTime;
    }

    public static RepeatingFailures everyMinute() {
        return new RepeatingFailures(Duration.ofMinutes(1), System::nanoTime);
    }

    public Verdict seen(Throwable failure) {
        return seen(reasonOf(failure));
    }

    /** As {@link #seen(Throwable)}, for a failure the caller tells by its {@code reason}. */
    public synchronized Verdict seen(String reason) {
        long now = nanoTime.getAsLong();
        if (!reason.equals(current)) {
            current = reason;
            repeats = 0;
            lastToldNanos = now;
            return Verdict.TELL;
        }
        repeats++;
        if (now - lastToldNanos >= summaryEveryNanos) {
            lastToldNanos = now;
            return Verdict.SUMMARIZE;
        }
        return Verdict.QUIET;
    }

    /**
     * Tells {@code failure} as {@link #seen} decides: in full with {@code tell}, or with
     * {@code summarize} given how often it repeated since it was told; nothing while it repeats
     * quietly. Both run outside this object's lock, and the count is the one the verdict saw.
     */
    public void report(Throwable failure, Runnable tell, LongConsumer summarize) {
        report(reasonOf(failure), tell, summarize);
    }

    /** As {@link #report(Throwable, Runnable, LongConsumer)}, for a failure told by its {@code reason}. */
    public void report(String reason, Runnable tell, LongConsumer summarize) {
        Verdict verdict;
        long repeated;
        synchronized (this) {
            verdict = seen(reason);
            repeated = repeats;
        }
        switch (verdict) {
            case TELL -> tell.run();
            case SUMMARIZE -> summarize.accept(repeated);
            case QUIET -> { }
        }
    }

    /**
     * The failure being repeated, as it is compared: its reason, or the class and message of a
     * {@link Throwable}; null when none is (nothing failed since the last success).
     */
    public synchronized String repeating() {
        return current;
    }

    /** How often the failure being repeated came again since it was first told. */
    public synchronized long repeats() {
        return repeats;
    }

    /**
     * A success: the next failure is told in full. Returns how many failures the run that just
     * ended had (0 when there was none), for a line saying it is over.
     */
    public synchronized long succeeded() {
        long ended = current == null ? 0 : repeats + 1;
        current = null;
        repeats = 0;
        return ended;
    }

    private static String reasonOf(Throwable failure) {
        return failure.getClass().getName() + ": " + failure.getMessage();
    }
}
