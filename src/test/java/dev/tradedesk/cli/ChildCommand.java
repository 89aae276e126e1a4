package dev.tradedesk.cli;

import dev.tradedesk.app.Main;
import dev.tradedesk.testing.ChildOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A command run in a child JVM, so that a test can stop it with a signal as a terminal's Ctrl-C or
 * {@code systemctl stop} would, without signalling the test's own JVM. SIGTERM stands for both:
 * {@link ProcessHandle#destroy} sends it on every Unix, and a child of a background job may ignore
 * SIGINT; {@link StopSignals} takes the two alike.
 */
final class ChildCommand implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 60;

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    private ChildCommand(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(() -> ChildOutput.readLines(process, lines), "child-command-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code tradedesk args...}, its stderr written to {@code stderr}. */
    static ChildCommand start(Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ChildCommand(new ProcessBuilder(command).redirectError(stderr.toFile()).start(), stderr);
    }

    /** Waits for a line on stdout that starts with {@code prefix}; fails with what the child said if none comes. */
    String awaitLineStartingWith(String prefix) throws InterruptedException {
        while (true) {
            String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                process.destroyForcibly();
                throw new AssertionError("no line starting with '" + prefix + "'; stdout " + seen + ", stderr:\n" + stderr());
            }
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** SIGTERM; {@code Process.destroy} would also close the pipe the child's last lines come on. */
    void stop() {
        process.toHandle().destroy();
    }

    /** Waits for the child to end and its stdout to be read whole; returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not end; stdout " + stdout() + ", stderr:\n" + stderr());
        }
        reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        return process.exitValue();
    }

    /** Every line the child printed on stdout so far. */
    List<String> stdout() {
        lines.drainTo(seen);
        return List.copyOf(seen);
    }

    String stderr() {
        return ChildOutput.read(stderr);
    }

    /** Whether the child is still running. */
    boolean alive() {
        return process.isAlive();
    }

    /**
     * Kills the child if it still runs and waits until it has ended: a test that failed midway must
     * not leave it running, writing into the test's temporary folder while JUnit deletes it (and
     * failing that deletion with a second error over the first) or holding its database open.
     */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the child " + process.pid() + " did not end " + TIMEOUT_SECONDS + " s after SIGKILL");
        }
        reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }
}
