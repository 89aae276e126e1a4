package dev.tradedesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM of a crash test that prints {@code ACK <n>} once its write {@code n} is committed,
 * read line by line, and killed with SIGKILL. After the kill, {@link #killAndLastAck} also counts
 * the acknowledgements printed between the test's last read and the kill.
 */
public final class AcknowledgingChild {

    private static final String ACK = "ACK ";

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final long timeoutSeconds;

    private AcknowledgingChild(Process process, Path stderr, long timeoutSeconds) {
        this.process = process;
        this.stderr = stderr;
        this.timeoutSeconds = timeoutSeconds;
        this.reader = new Thread(() -> ChildOutput.readLines(process, lines), "crash-test-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} on this JVM's class path with {@code args}, its stderr into {@code stderr}. */
    public static AcknowledgingChild start(String mainClass, List<String> args, Path stderr, long timeoutSeconds)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new AcknowledgingChild(process, stderr, timeoutSeconds);
    }

    /** The next line the child prints; fails the test with its stderr if none comes within the timeout. */
    public String next() throws InterruptedException {
        String line = lines.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (line == null) {
            process.destroyForcibly();
            throw new AssertionError("the child printed nothing for " + timeoutSeconds + " s; stderr: " + stderr());
        }
        return line;
    }

    /** The next line, which must be an acknowledgement: the number it acknowledges. */
    public long nextAck() throws InterruptedException {
        String line = next();
        assertThat(line).startsWith(ACK);
        return Long.parseLong(line.substring(ACK.length()));
    }

    /**
     * Kills the child with SIGKILL and returns the last write it acknowledged: {@code lastRead}, or
     * a later one it printed before it died.
     */
    public long killAndLastAck(long lastRead) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL, not exited; stderr:%n%s", stderr()).isEqualTo(137);
        reader.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        long last = lastRead;
        for (String rest : lines) {
            if (rest.startsWith(ACK)) {
                last = Long.parseLong(rest.substring(ACK.length()));
            }
        }
        return last;
    }

    /** What the child printed on stderr, or why it could not be read. */
    public String stderr() {
        return ChildOutput.read(stderr);
    }
}
