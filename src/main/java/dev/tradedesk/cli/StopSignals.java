package dev.tradedesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a command that runs until stopped is running: the first asks
 * it to stop, and it ends as it ends at the end of its {@code --duration}, with its history store
 * closed, its log flushed and the exit code its run earned; a second one ends the JVM at once, as
 * the signal would have without this.
 *
 * <p>A shutdown hook cannot do this: the JVM halts as soon as its hooks return, so a hook that
 * waited for the run's summary let the JVM halt while the store was being closed and the log
 * flushed, and the exit code was the signal's (130, 143) whatever the run did, so a script or a
 * systemd unit could not tell a good run from a failed one. {@code sun.misc.Signal} (module {@code
 * jdk.unsupported}, there for this use) is the JDK's only way to take a signal from the JVM's
 * default. Where the JVM keeps the signal ({@code -Xrs}) or it is ignored (a background job of a
 * non-interactive shell), nothing changes.
 *
 * <p>Thread-safety: the handler runs on the JVM's signal thread; {@code stop} must be safe to run
 * from it. Install and close on the command's thread.
 */
final class StopSignals implements AutoCloseable {

    private static final List<String> STOPPING = List.of("INT", "TERM");

    private final Runnable stop;
    private final AtomicBoolean stopAsked = new AtomicBoolean();
    private volatile boolean haltOnSecond;
    private final List<Signal> taken = new ArrayList<>();
    private final List<SignalHandler> jvmHandlers = new ArrayList<>();

    private StopSignals(Runnable stop) {
        this.stop = stop;
    }

    /** Takes SIGINT and SIGTERM until {@link #close}: the first runs {@code stop}. */
    static StopSignals install(Runnable stop) {
        StopSignals signals = new StopSignals(stop);
        for (String name : STOPPING) {
            Signal signal = new Signal(name);
            try {
                SignalHandler jvmHandler = Signal.handle(signal, signals::received);
                signals.taken.add(signal);
                signals.jvmHandlers.add(jvmHandler);
            } catch (IllegalArgumentException keptByTheJvm) {
                // -Xrs: the JVM's own handling stays, and the command stops as it did before.
            }
        }
        return signals;
    }

    private void received(Signal signal) {
        if (stopAsked.compareAndSet(false, true)) {
            stop.run();
        } else {
            // Asked twice: whoever sends it wants out now, stopping or not (a stalled close, say).
            if (haltOnSecond) {
                Runtime.getRuntime().halt(128 + signal.getNumber());
            }
            Runtime.getRuntime().exit(128 + signal.getNumber());
        }
    }

    /**
     * Whether the first signal has come. A shutdown hook that holds the JVM until the command has
     * stopped must not when it has: the JVM then shuts down for a second signal (or a SIGHUP after
     * it), which asks to end at once.
     */
    boolean stopAsked() {
        return stopAsked.get();
    }

    /**
     * From now on a second signal ends the JVM without running its shutdown hooks, for work that a
     * hook would wait for and that loses nothing when cut short: H2's exit hook checkpoints every
     * database it holds, and waits for one being compacted until the compaction ends (seen in a
     * thread dump: the second signal's exit waited in that hook for the whole compaction).
     */
    void haltOnSecondSignal() {
        haltOnSecond = true;
    }

    /** Gives the signals back to the JVM's handlers. */
    @Override
    public void close() {
        for (int i = 0; i < taken.size(); i++) {
            Signal.handle(taken.get(i), jvmHandlers.get(i));
        }
    }
}
