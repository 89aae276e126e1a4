package dev.tradedesk.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Bar rows written into a named pipe on a thread of its own, for a child command to read, until it
 * stops reading: the child is then under way whatever the machine's speed. {@link #close} ends the
 * writer whatever the child did, also when it never opened the pipe (it failed to start, or the test
 * failed first), where the writer would otherwise wait in the pipe's open for good.
 */
final class PipeRows implements AutoCloseable {

    private static final String HEADER = "timestamp,open,high,low,close,volume\n";
    /** Rows the pipe gets at most: 2000-01-03 plus this many minutes is years before today. */
    private static final int MOST_ROWS = 5_000_000;

    private final Path pipe;
    private final CountDownLatch primed = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread writer;

    private PipeRows(Path pipe, int primedAfter, int stallAfter) {
        this.pipe = pipe;
        this.writer = new Thread(() -> writeRows(primedAfter, stallAfter), "pipe-rows-" + pipe.getFileName());
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Makes {@code file} a named pipe; the test is skipped where {@code mkfifo} cannot (the stop tests
     * need a pipe a child reads from while the test writes).
     */
    static Path namedPipe(Path file) throws IOException, InterruptedException {
        assumeTrue(new ProcessBuilder("mkfifo", file.toString()).start().waitFor() == 0, "mkfifo makes a named pipe");
        return file;
    }

    /** Starts writing minute bars into {@code pipe}, a named pipe; primed once {@code primedAfter} rows are in it. */
    static PipeRows start(Path pipe, int primedAfter) {
        return new PipeRows(pipe, primedAfter, MOST_ROWS);
    }

    /**
     * Writes {@code rows} minute bars into {@code pipe} and then nothing more, keeping it open
     * until {@link #close}, as a writer that stalls does: its reader then waits in a read. Primed
     * once the rows are in the pipe (all but a pipe's buffer of them read).
     */
    static PipeRows startThenStall(Path pipe, int rows) {
        return new PipeRows(pipe, rows, rows);
    }

    /** Whether the reader has taken {@code primedAfter} rows (all but a pipe's buffer of them) in time. */
    boolean awaitPrimed(long timeout, TimeUnit unit) throws InterruptedException {
        return primed.await(timeout, unit);
    }

    /** Whether the writer still runs. */
    boolean writing() {
        return writer.isAlive();
    }

    /**
     * Ends the writer: opens the pipe for reading and writing, which never waits on Linux, so a writer
     * waiting in its open for a reader gets one, and closes it again, so that with the child gone the
     * writer's next write fails (a broken pipe) and it ends. Again until it has ended: a writer that
     * had not reached its open yet would wait there for good after a single try. Call it once the
     * child has ended.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        closing.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ChildCommand.TIMEOUT_SECONDS);
        while (writer.isAlive() && System.nanoTime() < deadline) {
            try (FileChannel unblock = FileChannel.open(pipe, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                // Opened: the writer's open returns, if it was waiting.
            }
            writer.join(100);
        }
        if (writer.isAlive()) {
            throw new AssertionError("the rows' writer into " + pipe + " did not end");
        }
    }

    private void writeRows(int primedAfter, int stallAfter) {
        long minute = Instant.parse("2000-01-03T00:00:00Z").toEpochMilli();
        try (BufferedWriter rows = Files.newBufferedWriter(pipe, StandardCharsets.UTF_8)) {
            rows.write(HEADER);
            for (int i = 0; i < stallAfter; i++) {
                rows.write(Instant.ofEpochMilli(minute + i * 60_000L) + ",10,11,9,10.5,100\n");
                if (i == primedAfter) {
                    rows.flush();
                    primed.countDown();
                }
            }
            rows.flush();
            primed.countDown();
            closing.await();
        } catch (IOException readerGone) {
            // Broken pipe: the reader stopped reading, as it should.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
