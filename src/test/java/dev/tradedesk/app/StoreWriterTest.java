package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.store.FullDisk;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import dev.tradedesk.ui.live.MarketUpdate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repaired bars are announced to the UI only once they are in the store; failed writes are told once. */
class StoreWriterTest {

    private static final long T0 = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
    private static final SeriesKey AAPL = new SeriesKey(Symbol.of("AAPL"), Timeframe.ONE_MINUTE);
    private static final SeriesKey MSFT = new SeriesKey(Symbol.of("MSFT"), Timeframe.ONE_MINUTE);

    @TempDir
    Path dir;

    @Test
    void aRepairIsAnnouncedAfterItsBarsAreStoredAndOnlyForSeriesThatGainedBars() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        LinkedBlockingQueue<MarketUpdate> published = new LinkedBlockingQueue<>();
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            StoreWriter writer = new StoreWriter(store, thread, new PipelineMetrics(),
                    Clock.fixed(Instant.ofEpochMilli(T0 + 60 * 60_000), ZoneOffset.UTC), update -> {
                        if (!update.repairedHistory().isEmpty()) {
                            // Published from the writer thread after the commit: the bars read back.
                            BarColumns read = new BarColumns(0);
                            store.readRange(AAPL, T0, T0 + 10 * 60_000, read);
                            assertThat(read.size()).isEqualTo(3);
                        }
                        published.add(update);
                    });
            BarColumns bars = new BarColumns(3);
            for (int i = 0; i < 3; i++) {
                bars.add(T0 + i * 60_000L, 10, 11, 9, 10.5, 100);
            }
            writer.writeRepair(Map.of(AAPL, bars, MSFT, new BarColumns(0)),
                    Map.of(AAPL, List.of(new TimeRange(T0, T0 + 3 * 60_000)), MSFT, List.of(new TimeRange(T0, T0 + 3 * 60_000))));

            MarketUpdate repaired = null;
            for (MarketUpdate update = published.poll(10, TimeUnit.SECONDS); update != null && repaired == null;
                    update = published.poll(1, TimeUnit.SECONDS)) {
                repaired = update.repairedHistory().isEmpty() ? null : update;
            }
            assertThat(repaired).isNotNull();
            assertThat(repaired.repairedHistory()).containsExactly(Symbol.of("AAPL"));

            writer.write(Map.of(AAPL, bars), Map.of());
            thread.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(published).as("live bars announce no repair").allMatch(update -> update.repairedHistory().isEmpty());
        } finally {
            thread.shutdownNow();
        }
    }

    /**
     * Bars stored but not recorded as covered (imported, say) come again from a repair pass: told to
     * the UI only for a series where they changed something, so a chart is not reloaded for nothing.
     */
    @Test
    void aRepairThatBringsOnlyTheBarsAlreadyStoredIsNotAnnounced() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        List<MarketUpdate> published = new CopyOnWriteArrayList<>();
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            BarColumns imported = new BarColumns(3);
            for (int i = 0; i < 3; i++) {
                imported.add(T0 + i * 60_000L, 10, 11, 9, 10.5, 100);
            }
            store.write(AAPL, imported);
            store.write(MSFT, imported);
            StoreWriter writer = new StoreWriter(store, thread, new PipelineMetrics(),
                    Clock.fixed(Instant.ofEpochMilli(T0 + 60 * 60_000), ZoneOffset.UTC), published::add);
            BarColumns corrected = new BarColumns(3);
            for (int i = 0; i < 3; i++) {
                corrected.add(T0 + i * 60_000L, 10, 11, 9, i == 1 ? 10.25 : 10.5, 100);
            }
            Map<SeriesKey, List<TimeRange>> covered = Map.of(AAPL, List.of(new TimeRange(T0, T0 + 3 * 60_000)),
                    MSFT, List.of(new TimeRange(T0, T0 + 3 * 60_000)));

            BarColumns withANewBar = new BarColumns(4);
            withANewBar.addAll(imported, imported.size());
            withANewBar.add(T0 + 3 * 60_000L, 10.5, 12, 10, 11, 200);

            writer.writeRepair(Map.of(AAPL, imported, MSFT, corrected), covered);
            writer.writeRepair(Map.of(AAPL, withANewBar), Map.of(AAPL, List.of(new TimeRange(T0, T0 + 4 * 60_000))));
            writer.writeRepair(Map.of(AAPL, withANewBar), Map.of(AAPL, List.of(new TimeRange(T0, T0 + 4 * 60_000))));
            thread.submit(() -> { }).get(10, TimeUnit.SECONDS);

            assertThat(published).extracting(MarketUpdate::repairedHistory).filteredOn(symbols -> !symbols.isEmpty())
                    .as("MSFT's corrected close, then AAPL's new bar; not AAPL's same bars, twice")
                    .containsExactly(Set.of(Symbol.of("MSFT")), Set.of(Symbol.of("AAPL")));
            assertThat(store.missingRanges(AAPL, T0, T0 + 4 * 60_000)).as("the same bars' range is covered all the same").isEmpty();
            assertThat(store.range(MSFT, T0, T0 + 2 * 60_000).close(1)).isEqualTo(10.25);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void awaitingTheQueuedWritesReturnsOnceTheBarsQueuedBeforeAreStored() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            // The writer tells the completeness after each write, on its thread: held there, the
            // write is not done yet, as one on a slow disk.
            StoreWriter writer = new StoreWriter(store, thread, new PipelineMetrics(),
                    Clock.fixed(Instant.ofEpochMilli(T0 + 60 * 60_000), ZoneOffset.UTC), update -> {
                        writing.countDown();
                        awaitUninterruptibly(release);
                    });
            BarColumns bars = new BarColumns(3);
            for (int i = 0; i < 3; i++) {
                bars.add(T0 + i * 60_000L, 10, 11, 9, 10.5, 100);
            }
            writer.write(Map.of(AAPL, bars), Map.of(AAPL, List.of(new TimeRange(T0, T0 + 3 * 60_000))));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(writer.awaitQueued(Duration.ofMillis(200))).as("the write is not done").isFalse();

            release.countDown();
            assertThat(writer.awaitQueued(Duration.ofSeconds(10))).isTrue();
            BarColumns read = new BarColumns(0);
            store.readRange(AAPL, T0, T0 + 10 * 60_000, read);
            assertThat(read.size()).isEqualTo(3);
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
        assertThat(new StoreWriter(null, thread, new PipelineMetrics(), Clock.systemUTC(), update -> { })
                .awaitQueued(Duration.ofSeconds(10))).as("a writer shut down holds nothing back").isTrue();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWriteThatKeepsFailingIsLoggedOnceNotAtEveryBatch() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (LogCapture logs = new LogCapture()) {
            HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir));
            StoreWriter writer = new StoreWriter(store, thread, new PipelineMetrics(),
                    Clock.fixed(Instant.ofEpochMilli(T0 + 60 * 60_000), ZoneOffset.UTC), update -> { });
            store.close(); // as H2 does once its disk is full: every later write fails the same way
            for (int i = 0; i < 5; i++) {
                BarColumns bars = new BarColumns(1);
                bars.add(T0 + i * 60_000L, 10, 11, 9, 10.5, 100);
                writer.write(Map.of(AAPL, bars), Map.of());
            }
            thread.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(writer.failures()).isEqualTo(5);
            assertThat(logs.lines().stream().filter(line -> line.contains("Could not store the bars")).count())
                    .as("one line for five failed writes").isEqualTo(1);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void barsAreStoredAgainWithoutARestartOnceAFullDiskHasRoomAndTheOutageIsToldOnce() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        MutableClock storeClock = new MutableClock(Instant.ofEpochMilli(T0));
        try (LogCapture logs = new LogCapture(); FullDisk disk = new FullDisk(dir);
                HistoryStore store = disk.open(StoreOptions.defaults(dir).withClock(storeClock))) {
            StoreWriter writer = new StoreWriter(store, thread, new PipelineMetrics(),
                    Clock.fixed(Instant.ofEpochMilli(T0 + 60 * 60_000), ZoneOffset.UTC), update -> { });
            disk.fill();
            for (int i = 0; i < 3; i++) {
                writer.write(Map.of(AAPL, oneBar(i)), Map.of());
            }
            thread.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(writer.failures()).isEqualTo(3);

            disk.free();
            storeClock.advance(Duration.ofSeconds(30));
            writer.write(Map.of(AAPL, oneBar(3)), Map.of());
            thread.submit(() -> { }).get(10, TimeUnit.SECONDS);

            assertThat(writer.failures()).isEqualTo(3);
            assertThat(writer.writtenBySymbol()).containsEntry(Symbol.of("AAPL"), 1L);
            assertThat(store.lastTime(AAPL)).hasValue(T0 + 3 * 60_000);
            assertThat(logs.lines().stream().filter(line -> line.contains("Could not store the bars")).count())
                    .as("a failure inside H2, then refusals until the next reopen: one story, one line").isEqualTo(1);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aLedgerReadThatFailsAfterAGoodWriteIsNotAFailedWrite() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        HistoryStore.open(StoreOptions.defaults(dir)).close();
        // Only the ledger read selects from series_tracking; the write never does.
        try (Connection database = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve(StoreOptions.DATABASE_NAME), "sa", "");
                Statement statement = database.createStatement()) {
            statement.execute("CREATE TRIGGER test_refuses_ledger_reads BEFORE SELECT ON series_tracking CALL '"
                    + RefusesReads.class.getName() + "'");
        }
        LinkedBlockingQueue<MarketUpdate> published = new LinkedBlockingQueue<>();
        try (LogCapture logs = new LogCapture(); HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            StoreWriter writer = new StoreWriter(store, thread, new PipelineMetrics(),
                    Clock.fixed(Instant.ofEpochMilli(T0 + 60 * 60_000), ZoneOffset.UTC), published::add);
            writer.writeRepair(Map.of(AAPL, oneBar(0)), Map.of(AAPL, List.of(new TimeRange(T0, T0 + 60_000))));
            thread.submit(() -> { }).get(10, TimeUnit.SECONDS);

            assertThat(store.lastTime(AAPL)).hasValue(T0);
            assertThat(writer.failures()).as("the bars were stored").isZero();
            assertThat(writer.writtenBySymbol()).containsEntry(Symbol.of("AAPL"), 1L);
            assertThat(published).as("the repair is announced all the same")
                    .anyMatch(update -> update.repairedHistory().contains(Symbol.of("AAPL")));
            assertThat(logs.lines()).noneMatch(line -> line.contains("Could not store the bars"))
                    .anyMatch(line -> line.contains("Stored the bars of 1 series, but could not read their completeness back"));
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aWriteTheDeviceCannotFlushIsToldAsStoredNotAsMissingAndItsRepairIsAnnounced() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        LinkedBlockingQueue<MarketUpdate> published = new LinkedBlockingQueue<>();
        try (LogCapture logs = new LogCapture(); FullDisk disk = new FullDisk(dir);
                HistoryStore store = disk.open(StoreOptions.defaults(dir))) {
            StoreWriter writer = new StoreWriter(store, thread, new PipelineMetrics(),
                    Clock.fixed(Instant.ofEpochMilli(T0 + 60 * 60_000), ZoneOffset.UTC), published::add);
            disk.failForces();
            writer.writeRepair(Map.of(AAPL, oneBar(0)), Map.of(AAPL, List.of(new TimeRange(T0, T0 + 60_000))));
            writer.write(Map.of(AAPL, oneBar(1)), Map.of(AAPL, List.of(new TimeRange(T0 + 60_000, T0 + 2 * 60_000))));
            thread.submit(() -> { }).get(10, TimeUnit.SECONDS);

            assertThat(store.lastTime(AAPL)).as("committed: read back").hasValue(T0 + 60_000);
            assertThat(store.missingRanges(AAPL, T0, T0 + 2 * 60_000)).as("their ranges are covered").isEmpty();
            assertThat(writer.failures()).as("not on the device: a failure all the same").isEqualTo(2);
            assertThat(writer.writtenBySymbol()).containsEntry(Symbol.of("AAPL"), 2L);
            assertThat(published).as("the repaired bars are there to show")
                    .anyMatch(update -> update.repairedHistory().contains(Symbol.of("AAPL")));
            assertThat(logs.lines()).noneMatch(line -> line.contains("stay missing"))
                    .filteredOn(line -> line.contains("device refused to flush them")).as("told once while it repeats")
                    .singleElement().asString().contains("Stored the bars of 1 series", "Input/output error");
        } finally {
            thread.shutdownNow();
        }
    }

    /** An H2 trigger failing every read of its table, as a failing disk or a closing pool would. */
    public static final class RefusesReads implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("test: this read is refused");
        }
    }

    private static BarColumns oneBar(int minute) {
        BarColumns bars = new BarColumns(1);
        bars.add(T0 + minute * 60_000L, 10, 11, 9, 10.5, 100);
        return bars;
    }

    @Test
    void aMergedUpdateKeepsEveryRepairedSymbol() {
        MarketUpdate merged = MarketUpdate.ofRepairedHistory(Set.of(Symbol.of("AAPL")))
                .merge(MarketUpdate.ofCompleteness(Map.of(Symbol.of("MSFT"), 1.0)))
                .merge(MarketUpdate.ofRepairedHistory(Set.of(Symbol.of("SPY"))));
        assertThat(merged.repairedHistory()).containsExactlyInAnyOrder(Symbol.of("AAPL"), Symbol.of("SPY"));
    }
}
