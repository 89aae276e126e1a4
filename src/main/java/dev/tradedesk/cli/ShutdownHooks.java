package dev.tradedesk.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The JVM's shutdown hooks, for commands that hold one only while they run. */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    /**
     * A hook (not yet added) that stops a run and holds the JVM until the run has {@code finished},
     * at most {@code longest}, for the ways the JVM shuts down that {@link StopSignals} does not
     * take (SIGHUP: the terminal closed): the JVM halts as soon as its hooks return, before the run
     * has printed its summary and closed its store. Once {@code signalled} says the first Ctrl-C or
     * SIGTERM has come it holds nothing: the JVM then shuts down for a second one (or a SIGHUP
     * after it), which asks to end at once, not to wait for the close it cuts short.
     */
    static Thread holdingUntilFinished(String name, BooleanSupplier signalled, Runnable stop, CountDownLatch finished,
            Duration longest) {
        return new Thread(() -> {
            if (signalled.getAsBoolean()) {
                return;
            }
            stop.run();
            try {
                finished.await(longest.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    /**
     * Removes {@code hook}, unless the JVM is already ending (SIGHUP, or a second Ctrl-C): the hook
     * is then running or has run, and there is nothing left to undo.
     */
    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException jvmEnding) {
            // the hook is running or has run
        }
    }
}
