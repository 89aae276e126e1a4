package dev.tradedesk.store;

import static dev.tradedesk.store.CrashingWriter.BATCH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.testing.AcknowledgingChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        AcknowledgingChild child = AcknowledgingChild.start(CrashingWriter.class.getName(), List.of(dir.resolve("db").toString()),
                Files.createTempFile(dir, "child", ".err"), TIMEOUT_SECONDS);
        assertThat(child.next()).isEqualTo("STARTED");
        if (acksBeforeKill == 0) {
            TimeUnit.MILLISECONDS.sleep(300); // somewhere in opening, migrating or the first write
        }
        long lastAck = -1;
        for (int acks = 0; acks < acksBeforeKill; acks++) {
            lastAck = child.nextAck();
        }
        return new Killed((int) child.killAndLastAck(lastAck), child.stderr());
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
}
