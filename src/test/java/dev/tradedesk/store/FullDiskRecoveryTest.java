package dev.tradedesk.store;

import static dev.tradedesk.store.TestBars.MINUTE;
import static dev.tradedesk.store.TestBars.T0;
import static dev.tradedesk.store.TestBars.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk makes H2 close the database; once space is freed, the store reopens it by itself:
 * through a real pool, on a disk whose writes fail on demand ({@link FullDisk}).
 */
class FullDiskRecoveryTest {

    private static final SeriesKey AAPL = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);

    @TempDir
    Path dir;

    @Test
    void writesWorkAgainOnceTheDiskHasRoomWithoutRestartingTheStoreAndNothingIsLostOrDoubled() {
        try (LogCapture logs = new LogCapture(DatabaseRecovery.class, Level.INFO); FullDisk disk = new FullDisk(dir);
                StoreFixture fixture = new StoreFixture(dir, disk)) {
            HistoryStore store = fixture.store;
            store.track(AAPL, T0);
            write(store, T0, 100);

            disk.fill();
            assertThatThrownBy(() -> write(store, T0 + 100 * MINUTE, 10))
                    .isInstanceOf(StoreException.class).hasMessageContaining("No space left on device");
            assertThatThrownBy(() -> write(store, T0 + 110 * MINUTE, 10))
                    .isInstanceOf(StoreException.class).hasMessageContaining("No space left on device");

            disk.free();
            fixture.clock.advance(DatabaseRecovery.MAX_WAIT);
            write(store, T0 + 120 * MINUTE, 10);

            assertThat(store.missingRanges(AAPL, T0, T0 + 130 * MINUTE))
                    .as("the bars refused while the disk was full stay missing, for the next repair pass")
                    .containsExactly(new TimeRange(T0 + 100 * MINUTE, T0 + 120 * MINUTE));
            write(store, T0 + 100 * MINUTE, 20); // as the repair pass does
            BarColumns stored = new BarColumns(256);
            store.readRange(AAPL, Long.MIN_VALUE, Long.MAX_VALUE, stored);
            assertThat(columns(stored)).as("every bar once, as written").isEqualTo(columns(minutes(T0, 130, 0)));
            assertThat(store.missingRanges(AAPL, T0, T0 + 130 * MINUTE)).isEmpty();
            assertThat(store.range(AAPL, T0, T0 + 129 * MINUTE).size()).as("a chart's read").isEqualTo(130);
            assertThat(logs.lines().stream().filter(line -> line.contains("H2 closed the history database")).count())
                    .as("the outage is told once").isEqualTo(1);
            assertThat(logs.lines().stream().filter(line -> line.contains("works again")).count()).isEqualTo(1);
        }
    }

    @Test
    void whileTheDiskIsFullWritesAreTriedOnlyWhenTheirWaitIsOverAndReadsWorkThroughout() {
        try (FullDisk disk = new FullDisk(dir); StoreFixture fixture = new StoreFixture(dir, disk)) {
            HistoryStore store = fixture.store;
            write(store, T0, 10);
            disk.fill();
            assertThatThrownBy(() -> write(store, T0 + 10 * MINUTE, 1)).isInstanceOf(StoreException.class);

            assertThat(readAll(store)).as("the first reopen comes at once; an open needs no space").isEqualTo(10);
            assertThatThrownBy(() -> write(store, T0 + 10 * MINUTE, 1)).as("the first write is tried at once: still full")
                    .isInstanceOf(StoreException.class);

            for (Duration wait : List.of(DatabaseRecovery.FIRST_WAIT, DatabaseRecovery.FIRST_WAIT.multipliedBy(2))) {
                assertThat(readAll(store)).as("a read reopens the database the write closed").isEqualTo(10);
                int opens = disk.databaseOpens();
                fixture.clock.advance(wait.minusMillis(1));
                assertThatThrownBy(() -> write(store, T0 + 10 * MINUTE, 1)).as("no write before the wait is over")
                        .isInstanceOf(StoreException.class).hasMessageContaining("No space left on device");
                assertThat(readAll(store)).as("reads meanwhile").isEqualTo(10);
                assertThat(disk.databaseOpens()).as("the refused write did not reach H2, which would have closed it")
                        .isEqualTo(opens);
                fixture.clock.advance(Duration.ofMillis(1));
                assertThatThrownBy(() -> write(store, T0 + 10 * MINUTE, 1)).isInstanceOf(StoreException.class);
            }

            disk.free();
            fixture.clock.advance(DatabaseRecovery.wait(3));
            write(store, T0 + 10 * MINUTE, 1);
            assertThat(readAll(store)).isEqualTo(11);
        }
    }

    @Test
    void theStoredBarsAndTheirLedgerAreReadThroughAFullDiskOutageAsTheLiveWriterKeepsTrying() {
        try (LogCapture logs = new LogCapture(DatabaseRecovery.class, Level.INFO); FullDisk disk = new FullDisk(dir);
                StoreFixture fixture = new StoreFixture(dir, disk)) {
            HistoryStore store = fixture.store;
            store.track(AAPL, T0);
            write(store, T0, 120);
            disk.fill();

            List<Integer> triedAt = new java.util.ArrayList<>();
            for (int second = 0; second < 70; second++) {
                long minute = T0 + (120 + second) * MINUTE;
                int opens = disk.databaseOpens();
                assertThatThrownBy(() -> write(store, minute, 1)).as("the live write of second %d", second)
                        .isInstanceOf(StoreException.class)
                        .hasMessageEndingWith("it is reopened by itself, and writes work again once the disk has room");
                assertThat(readAll(store)).as("the history a chart loads, second %d", second).isEqualTo(120);
                assertThat(store.missingRanges(AAPL, T0, minute + MINUTE)).as("the ledger the scheduler reads")
                        .containsExactly(new TimeRange(T0 + 120 * MINUTE, minute + MINUTE));
                if (disk.databaseOpens() > opens) {
                    triedAt.add(second); // H2 closed the database under the write, and the read reopened it
                }
                fixture.clock.advance(Duration.ofSeconds(1));
            }
            assertThat(triedAt).as("the seconds a write reached H2 (the first closed the database)")
                    .containsExactly(0, 1, 2, 4, 8, 16, 32, 62);

            disk.free();
            fixture.clock.advance(DatabaseRecovery.MAX_WAIT);
            write(store, T0 + 190 * MINUTE, 1);
            assertThat(readAll(store)).as("writes commit again once the disk has room").isEqualTo(121);
            assertThat(logs.lines().stream().filter(line -> line.contains("H2 closed the history database")).count())
                    .isEqualTo(1);
        }
    }

    @Test
    void barsAReaderSawBeforeTheDiskRefusedTheirWriteAreReadNoMoreOnceItFailed() throws Exception {
        try (FullDisk disk = new FullDisk(dir); StoreFixture fixture = new StoreFixture(dir, disk)) {
            HistoryStore store = fixture.store;
            store.track(AAPL, T0);
            write(store, T0, 120);
            long window = T0 + 120 * MINUTE;

            refuseAfterARead(disk, () -> write(store, window, 60), () ->
                    assertThat(store.range(AAPL, T0, window + 59 * MINUTE).size()).as("a chart's read").isEqualTo(180));

            assertThat(store.range(AAPL, T0, window + 59 * MINUTE).size())
                    .as("the same read after the write failed, from the file H2 reopened, not from the read cache")
                    .isEqualTo(120);
            assertThat(store.missingRanges(AAPL, T0, window + 60 * MINUTE))
                    .containsExactly(new TimeRange(window, window + 60 * MINUTE));
        }
    }

    @Test
    void aSeriesAReaderSawDeletedBeforeTheDiskRefusedTheDeleteIsReadAgainOnceItFailed() throws Exception {
        try (FullDisk disk = new FullDisk(dir); StoreFixture fixture = new StoreFixture(dir, disk)) {
            HistoryStore store = fixture.store;
            write(store, T0, 120);

            refuseAfterARead(disk, () -> store.deleteSeries(AAPL), () ->
                    assertThat(store.range(AAPL, T0, T0 + 119 * MINUTE).size()).as("a chart's read").isZero());

            assertThat(store.range(AAPL, T0, T0 + 119 * MINUTE).size()).as("the same read after the delete failed")
                    .isEqualTo(120);
        }
    }

    @Test
    void aReopenThatCannotOpenTheFileFailsAtOnceAndWaitsItsTurnUntilTheFileOpens() {
        try (FullDisk disk = new FullDisk(dir); StoreFixture fixture = new StoreFixture(dir, disk)) {
            HistoryStore store = fixture.store;
            Thread reader = Thread.currentThread();
            write(store, T0, 10);
            closeWithOpensFailing(disk, store);

            assertThatThrownBy(() -> readAll(store)).as("the reopen is due at once").isInstanceOf(StoreException.class);
            assertThat(disk.refusedOpensBy(reader)).as("tries to open the file: one, no waiting for the old database to"
                    + " let go of it").isEqualTo(1);
            assertThatThrownBy(() -> readAll(store)).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> write(store, T0 + 10 * MINUTE, 1)).isInstanceOf(StoreException.class);
            assertThat(disk.refusedOpensBy(reader)).as("no reopen before its wait is over").isEqualTo(1);
            for (int failed = 1; failed <= 3; failed++) {
                fixture.clock.advance(DatabaseRecovery.wait(failed).minusMillis(1));
                assertThatThrownBy(() -> readAll(store)).isInstanceOf(StoreException.class);
                assertThat(disk.refusedOpensBy(reader)).as("a read 1 ms before reopen %d is due", failed + 1)
                        .isEqualTo(failed);
                fixture.clock.advance(Duration.ofMillis(1));
                assertThatThrownBy(() -> readAll(store)).isInstanceOf(StoreException.class);
                assertThat(disk.refusedOpensBy(reader)).as("reopen %d", failed + 1).isEqualTo(failed + 1);
            }

            disk.allowOpens();
            disk.free();
            fixture.clock.advance(DatabaseRecovery.wait(4));
            assertThat(readAll(store)).isEqualTo(10);
            write(store, T0 + 10 * MINUTE, 1);
            assertThat(readAll(store)).isEqualTo(11);
        }
    }

    @Test
    void aReopenThatCannotOpenTheFileIsToldAsSuchToCallersAndInTheLogOnceThenSummarized() {
        try (LogCapture logs = new LogCapture(DatabaseRecovery.class, Level.INFO); FullDisk disk = new FullDisk(dir);
                StoreFixture fixture = new StoreFixture(dir, disk)) {
            HistoryStore store = fixture.store;
            write(store, T0, 10);
            closeWithOpensFailing(disk, store);

            assertThat(catchThrowable(() -> readAll(store))).as("the read whose reopen failed")
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("the history database could not be reopened: Too many open files")
                    .hasMessageNotContaining("writes work again once the disk has room");
            assertThat(catchThrowable(() -> readAll(store))).as("a read before the next reopen is due")
                    .hasMessageContaining("could not be reopened: Too many open files");
            assertThat(catchThrowable(() -> write(store, T0 + 10 * MINUTE, 1))).as("a write meanwhile")
                    .hasMessageContaining("could not be reopened: Too many open files");
            for (int failed = 1; failed <= 6; failed++) { // 1 + 2 + 4 + 8 + 16 + 30 s: a summary is due
                fixture.clock.advance(DatabaseRecovery.wait(failed));
                assertThat(catchThrowable(() -> readAll(store))).hasMessageContaining("Too many open files");
            }
            assertThat(logs.lines().stream().filter(line -> line.startsWith("WARN")
                    && line.contains("could not be reopened after H2 closed it: Too many open files")).count())
                    .as("the cause told once").isEqualTo(1);
            assertThat(logs.lines().stream().filter(line -> line.contains("Still cannot reopen")).toList())
                    .as("then summarized").singleElement().asString().startsWith("WARN")
                    .contains("6 more reopens failed the same way: Too many open files");

            disk.allowOpens();
            fixture.clock.advance(DatabaseRecovery.MAX_WAIT);
            assertThat(readAll(store)).isEqualTo(10);
            assertThat(logs.text()).contains("reopened after 7 failed reopens could not open it (Too many open files)");
            assertThat(catchThrowable(() -> write(store, T0 + 10 * MINUTE, 1))).as("the disk is still full")
                    .hasMessageContaining("writes work again once the disk has room");
        }
    }

    /** Makes H2 close the database (a write on a full disk) while its file cannot be opened. */
    private static void closeWithOpensFailing(FullDisk disk, HistoryStore store) {
        disk.fill();
        disk.failOpens();
        assertThatThrownBy(() -> write(store, T0 + 10 * MINUTE, 1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("No space left on device");
    }

    @Test
    void aReopenWaitsForTheClosedDatabaseToLetGoButNotForAFileThatCannotBeOpened() {
        SQLException metTheClosedDatabase = new SQLException("The database has been closed", "90098",
                ErrorCode.DATABASE_IS_CLOSED, new MVStoreException(DataUtils.ERROR_WRITING_FAILED, "Writing failed"));
        SQLException locked = new SQLException("Database may be already in use", "90020", ErrorCode.DATABASE_ALREADY_OPEN_1,
                new MVStoreException(DataUtils.ERROR_FILE_LOCKED, "The file is locked"));
        MVStoreException couldNotOpen = new MVStoreException(DataUtils.ERROR_READING_FAILED, "Could not open file");
        couldNotOpen.initCause(new java.io.IOException("Too many open files"));
        SQLException openFailed = new SQLException("IO Exception", "90028", ErrorCode.IO_EXCEPTION_1, couldNotOpen);

        assertThat(DatabaseRecovery.stillReleasing(metTheClosedDatabase)).isTrue();
        assertThat(DatabaseRecovery.stillReleasing(locked)).isTrue();
        assertThat(DatabaseRecovery.stillReleasing(openFailed)).isFalse();
    }

    @Test
    void aCallAfterTheStoreClosedNeverOpensTheDatabaseFileAgain() {
        try (FullDisk disk = new FullDisk(dir)) {
            HistoryStore store = disk.open(StoreFixture.options(dir, new MutableClock(Instant.parse("2024-03-01T12:00:00Z"))));
            write(store, T0, 10);
            disk.fill();
            assertThatThrownBy(() -> write(store, T0 + 10 * MINUTE, 1)).isInstanceOf(StoreException.class);
            store.close();
            int opens = disk.databaseOpens();

            Throwable read = catchThrowable(() -> readAll(store)); // the reopen was due
            Throwable written = catchThrowable(() -> write(store, T0 + 10 * MINUTE, 1));

            assertThat(disk.databaseOpens()).as("opens of the database file after the close").isEqualTo(opens);
            assertThat(read).isInstanceOf(StoreException.class).hasMessageContaining("was closed with the store");
            assertThat(written).isInstanceOf(StoreException.class).hasMessageContaining("was closed with the store");
        }
    }

    @Test
    void aReopenCutShortByTheStoreClosingIsToldAsTheCloseNotAsAFileThatCannotBeOpened() throws Exception {
        try (LogCapture logs = new LogCapture(DatabaseRecovery.class, Level.INFO); FullDisk disk = new FullDisk(dir)) {
            HistoryStore store = disk.open(StoreFixture.options(dir, new MutableClock(Instant.parse("2024-03-01T12:00:00Z"))));
            write(store, T0, 10);
            disk.fill();
            assertThatThrownBy(() -> write(store, T0 + 10 * MINUTE, 1)).isInstanceOf(StoreException.class);
            Thread reader = Thread.currentThread();
            AtomicReference<Thread> closing = new AtomicReference<>();
            // The reopen finds the file still locked, as while the closed database holds it, and the
            // store closes then: its close waits for the reopen, which gives up before its next try.
            disk.refuseLocks(() -> {
                if (closing.get() == null) {
                    closing.set(new Thread(store::close, "closing-store"));
                    closing.get().start();
                    awaitBlockedOnTheRecoveryHeldBy(closing.get(), reader);
                }
            });

            Throwable read = catchThrowable(() -> readAll(store));
            closing.get().join();

            assertThat(read).isInstanceOf(StoreException.class).hasMessageContaining("was closed with the store")
                    .hasMessageNotContaining("tried again");
            assertThat(logs.lines()).as("no reopen failed: the store closed")
                    .noneMatch(line -> line.contains("could not be reopened"));
        }
    }

    @Test
    void aReopenCutShortByTheCallersInterruptIsNoFailedReopen() {
        try (LogCapture logs = new LogCapture(DatabaseRecovery.class, Level.INFO); FullDisk disk = new FullDisk(dir);
                StoreFixture fixture = new StoreFixture(dir, disk)) {
            HistoryStore store = fixture.store;
            write(store, T0, 10);
            disk.fill();
            assertThatThrownBy(() -> write(store, T0 + 10 * MINUTE, 1)).isInstanceOf(StoreException.class);
            disk.refuseLocks(() -> { }); // the reopen waits for the closed database to let go of the file

            Thread.currentThread().interrupt();
            Throwable read = catchThrowable(() -> readAll(store));
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();

            assertThat(read).isInstanceOf(StoreException.class).hasMessageContaining("interrupted");
            assertThat(logs.lines()).as("the file was not found unopenable").noneMatch(line -> line.contains("could not be reopened"));
            disk.allowLocks();
            assertThat(readAll(store)).as("the next read reopens at once: no failed reopen to wait after").isEqualTo(10);
        }
    }

    /** Waits until {@code thread} is blocked on the recovery's lock, held by {@code holder}. */
    private static void awaitBlockedOnTheRecoveryHeldBy(Thread thread, Thread holder) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            ThreadInfo info = threads.getThreadInfo(thread.getId());
            if (info != null && info.getLockOwnerId() == holder.getId()
                    && info.getLockName().startsWith(DatabaseRecovery.class.getName())) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(thread.getName() + " did not block on the recovery: " + info);
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Runs {@code change} on another thread and holds its write to the file, after H2 has shown it
     * to other connections; runs {@code read} then, fills the disk and lets the write fail.
     */
    private static void refuseAfterARead(FullDisk disk, Runnable change, Runnable read) throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            disk.holdWrites();
            Future<?> refused = writer.submit(change);
            disk.awaitHeldWrite();
            read.run();
            disk.fill();
            disk.releaseWrites();
            assertThatThrownBy(refused::get).as("the writer is told").hasCauseInstanceOf(StoreException.class);
        } finally {
            disk.releaseWrites();
            writer.shutdownNow();
        }
    }

    @Test
    void reopensWaitLongerAfterEachFailureUpToHalfAMinute() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 100).stream().map(DatabaseRecovery::wait).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void onlyFailuresOfTheDatabaseItselfCallForAReopen() {
        SQLException panic = new SQLException("General error: MVStoreException", "HY000", ErrorCode.GENERAL_ERROR_1,
                new MVStoreException(DataUtils.ERROR_WRITING_FAILED, "Writing to FileChannelImpl@1a2b failed"));
        panic.getCause().initCause(new java.io.IOException("No space left on device"));
        assertThat(DatabaseRecovery.closedByH2(panic)).isTrue();
        assertThat(DatabaseRecovery.explain(panic)).contains("No space left on device").doesNotContain("FileChannelImpl");
        assertThat(DatabaseRecovery.closedByH2(new SQLException("The database has been closed", "90098",
                ErrorCode.DATABASE_IS_CLOSED))).isTrue();

        assertThat(DatabaseRecovery.closedByH2(new SQLIntegrityConstraintViolationException("duplicate", "23505",
                ErrorCode.DUPLICATE_KEY_1))).isFalse();
        assertThat(DatabaseRecovery.closedByH2(new SQLException("shutting down", "90121",
                ErrorCode.DATABASE_CALLED_AT_SHUTDOWN))).as("the JVM is exiting: no reopen").isFalse();
        assertThat(DatabaseRecovery.closedByH2(new SQLException("General error", "HY000", ErrorCode.GENERAL_ERROR_1,
                new IllegalStateException("a bug")))).isFalse();
    }

    /** Writes {@code count} bars from {@code from} and records their range covered, in one transaction. */
    private static void write(HistoryStore store, long from, int count) {
        store.writeAll(Map.of(AAPL, minutes(from, count, 0)), Map.of(AAPL, List.of(new TimeRange(from, from + count * MINUTE))));
    }

    private static int readAll(HistoryStore store) {
        return store.readRange(AAPL, Long.MIN_VALUE, Long.MAX_VALUE, new BarColumns(16));
    }

    private static List<String> columns(BarColumns bars) {
        List<String> rows = new java.util.ArrayList<>(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            rows.add(bars.time(i) + " " + bars.open(i) + " " + bars.high(i) + " " + bars.low(i) + " " + bars.close(i) + " "
                    + bars.volume(i));
        }
        return rows;
    }
}
