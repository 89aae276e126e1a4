package dev.tradedesk.cli;

import dev.tradedesk.app.LogMarkers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * What the first Ctrl-C or SIGTERM does to {@code import}, decided by how far it got, and said on
 * stderr at once, whatever the import's thread is waiting for. Before the last chunk is read, the
 * stop wins: the import's input is closed, which ends a read waiting on a pipe or stdin that has
 * not written yet (or an open of a named pipe no writer has opened), and the import rolls its
 * transaction back. From the last chunk on, the commit wins: the stop is too late, and the line
 * says so, and that a compaction that follows loses nothing if a second signal cuts it short.
 *
 * <p>Closing the channel is what ends a read waiting on a pipe on Java 17: interrupting the
 * import's thread would too, but H2 closes its own file channel when the thread that uses it is
 * interrupted, and that thread holds the import's transaction.
 *
 * <p>Thread-safety: {@link #ask} runs on the JVM's signal thread, the rest on the import's thread;
 * the phase changes atomically, so a stop and the commit never both win.
 */
final class ImportStop {

    /** How far the import got, for a stop asked now. */
    enum Phase {
        /** Opening or reading the input: a stop rolls the import back. */
        READING,
        /** A stop was asked while reading. */
        STOPPED,
        /** The last chunk was read: the bars are committed whatever comes. */
        COMMITTING,
        /** Committed, compacting the database file. */
        COMPACTING,
        /** Committed, closing. */
        ENDING
    }

    private final PrintWriter err;
    private final Logger log;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.READING);
    private final CompletableFuture<FileChannel> input = new CompletableFuture<>();
    private volatile long imported;

    ImportStop(PrintWriter err, Logger log) {
        this.err = err;
        this.log = log;
    }

    /** Thrown where the import finds the stop asked, to roll its transaction back. */
    static final class Stopped extends IOException {
        Stopped() {
            super("import stopped");
        }
    }

    /**
     * Opens {@code file} for the import. The open runs on a thread of its own, as opening a named
     * pipe waits for its writer and nothing but a writer ends that wait: a stop meanwhile throws
     * {@link Stopped} here at once, and leaves that thread waiting until a writer comes or the JVM
     * ends (it closes what it opened too late).
     *
     * @throws Stopped     if the stop was asked first
     * @throws IOException if {@code file} cannot be opened
     */
    FileChannel open(Path file) throws IOException {
        Thread opener = new Thread(() -> {
            try {
                FileChannel channel = FileChannel.open(file);
                if (!input.complete(channel)) {
                    channel.close();
                }
            } catch (IOException | RuntimeException e) {
                input.completeExceptionally(e);
            }
        }, "tradedesk-import-open");
        opener.setDaemon(true);
        opener.start();
        try {
            return input.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException failed) {
                throw failed;
            }
            throw e;
        }
    }

    /** Whether a stop was asked while reading, so that the import must roll back. */
    boolean asked() {
        return phase.get() == Phase.STOPPED;
    }

    /**
     * Called once the last chunk is read, just before the commit.
     *
     * @return false if a stop was asked first: roll back instead
     */
    boolean commitFirst() {
        return phase.compareAndSet(Phase.READING, Phase.COMMITTING);
    }

    /** The commit of {@code bars} is done, and the database file is compacted next. */
    void compacting(long bars) {
        imported = bars;
        phase.set(Phase.COMPACTING);
    }

    /** Whether the database file is compacted once the store closes. */
    boolean compacts() {
        return phase.get() == Phase.COMPACTING;
    }

    /** The commit, and the compaction if any, is done. */
    void ending() {
        phase.set(Phase.ENDING);
    }

    /** The first Ctrl-C or SIGTERM: says what it does now, and ends a wait on the input. */
    void ask() {
        Phase was = phase.getAndUpdate(now -> now == Phase.READING ? Phase.STOPPED : now);
        switch (was) {
            case READING -> {
                tell("stopping: nothing will be imported (its transaction is rolled back); closing the input");
                closeInput();
            }
            case COMMITTING -> tell("too late to stop: the whole input is read and its bars are being committed;"
                    + " the import ends as usual");
            case COMPACTING -> tell("too late to stop: the import is done (" + Counted.of(imported, "bar") + " stored);"
                    + " compacting the history database file (about 2 s a million bars stored), which a second Ctrl-C or SIGTERM"
                    + " cuts short without losing any bar");
            case ENDING -> tell("too late to stop: the bars are imported; the import is ending");
            case STOPPED -> {
                // Only the first signal comes here.
            }
        }
    }

    private void closeInput() {
        if (!input.completeExceptionally(new Stopped()) && !input.isCompletedExceptionally()) {
            try {
                input.getNow(null).close();
            } catch (IOException | RuntimeException e) {
                log.warn("Could not close the import's input to stop it", e);
            }
        }
    }

    private void tell(String message) {
        err.println("tradedesk: " + message);
        err.flush();
        log.info(LogMarkers.TOLD_ON_CONSOLE, "Ctrl-C or SIGTERM: {}", message);
    }
}
