package dev.tradedesk.store;

import static dev.tradedesk.store.CrashingWriter.BATCH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.testing.ChildOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at several points of a writing process: every batch the child acknowledged
 * (its transaction committed) is in the database, no batch is half there, and the database
 * opens each time without repair. The same database goes through every kill; each new child
 * first recovers it, then continues writing.
 */
class CrashSafetyTest {

    /** Acknowledged batches to wait for before each kill; 0 kills during start-up or the first write. */
    private static final int[] KILL_AFTER_ACKS = {0, 1, 3, 6, 10};
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    private record Killed(int lastAcknowledged, String stderr) {
    }

    @Test
    void everyAcknowledgedBatchSurvivesSigkillAndNoBatchIsHalfWritten() throws Exception {
        int lastAcknowledged = -1;
        for (int acks : KILL_AFTER_ACKS) {
            Killed killed = runAndKill(acks);
            lastAcknowledged = Math.max(lastAcknowledged, killed.lastAcknowledged());
            verify(lastAcknowledged, killed.stderr());
        }
        assertThat(lastAcknowledged).as("every child wrote what it was waited for").isGreaterThanOrEqualTo(19);
    }

    private Killed runAndKill(int acksBeforeKill) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile(dir, "child", ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dir.resolve("db").toString())
                .redirectError(stderr.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> ChildOutput.readLines(child, lines), "crash-test-stdout");
        reader.setDaemon(true);
        reader.start();
        int lastAck = -1;
        int acks = 0;
        String line = take(lines, child, stderr);
        assertThat(line).isEqualTo("STARTED");
        if (acksBeforeKill == 0) {
            TimeUnit.MILLISECONDS.sleep(300); // somewhere in opening, migrating or the first write
        }
        while (acks < acksBeforeKill) {
            line = take(lines, child, stderr);
            lastAck = Integer.parseInt(line.substring("ACK ".length()));
            acks++;
        }
        child.destroyForcibly();
        assertThat(child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL, not exited").isEqualTo(137);
        reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        for (String rest : lines) { // acknowledged between our last read and the kill
            if (rest.startsWith("ACK ")) {
                lastAck = Integer.parseInt(rest.substring("ACK ".length()));
            }
        }
        return new Killed(lastAck, Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private void verify(int lastAcknowledged, String childStderr) {
        try (StoreFixture reopened = new StoreFixture(dir.resolve("db"))) {
            BarColumns stored = new BarColumns(1_024);
            reopened.store.readRange(CrashingWriter.SERIES, Long.MIN_VALUE, Long.MAX_VALUE, stored);
            assertThat(stored.size() % BATCH).as("no batch is half written").isZero();
            int lastStored = stored.size() / BATCH - 1;
            assertThat(lastStored).as("every acknowledged batch is stored").isGreaterThanOrEqualTo(lastAcknowledged);
            assertThat(lastStored).as("at most one batch committed but not yet acknowledged")
                    .isLessThanOrEqualTo(lastAcknowledged + 1);
            BarColumns expected = new BarColumns(stored.size());
            for (int batch = 0; batch <= lastStored; batch++) {
                CrashingWriter.addBars(expected, batch, batch == lastStored ? batch : batch + 1);
            }
            assertThat(BarSnapshot.copyOf(stored)).as("every bar at the version of its last committed batch")
                    .isEqualTo(BarSnapshot.copyOf(expected));
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("after a kill with batch " + lastAcknowledged + " acknowledged: " + e.getMessage()
                    + "\nchild stderr:\n" + childStderr, e);
        }
    }

    private static String take(BlockingQueue<String> lines, Process child, Path stderr) throws InterruptedException {
        String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            child.destroyForcibly();
            throw new AssertionError("the child printed nothing for " + TIMEOUT_SECONDS + " s; stderr: " + ChildOutput.read(stderr));
        }
        return line;
    }
}
