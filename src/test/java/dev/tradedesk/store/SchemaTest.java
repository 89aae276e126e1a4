package dev.tradedesk.store;

import dev.tradedesk.testing.MutableClock;
import static dev.tradedesk.store.TestBars.T0;
import static dev.tradedesk.store.TestBars.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database file, its Flyway-made schema and its life cycle. */
class SchemaTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(java.time.Instant.EPOCH);

    @Test
    void migrationsCreateTheSchemaInAnEmptyDirectory() throws Exception {
        Path dataDir = dir.resolve("not/yet/there");
        try (StoreDatabase database = StoreDatabase.open(StoreFixture.options(dataDir, clock))) {
            assertThat(database.file()).isEqualTo(dataDir.resolve("history.mv.db")).exists();
            assertThat(strings(database, "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'PUBLIC' ORDER BY table_name"))
                    .containsExactly("BARS", "COVERAGE", "SERIES", "SERIES_TRACKING", "flyway_schema_history");
            assertThat(strings(database, "SELECT CONCAT(\"version\", ' ', \"description\", ' ', \"success\")"
                    + " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                    .containsExactly("1 bar history TRUE", "2 completeness ledger TRUE", "3 series trading days TRUE");
            assertThat(strings(database, "SELECT column_name FROM information_schema.key_column_usage"
                    + " WHERE table_name = 'BARS' AND constraint_name = 'BARS_PK' ORDER BY ordinal_position"))
                    .containsExactly("SERIES_ID", "TIME_MS");
            assertThat(strings(database, "SELECT CONCAT(column_name, ' ', data_type) FROM information_schema.columns"
                    + " WHERE table_name = 'BARS' ORDER BY ordinal_position"))
                    .containsExactly("SERIES_ID INTEGER", "TIME_MS BIGINT", "OPEN DOUBLE PRECISION", "HIGH DOUBLE PRECISION",
                            "LOW DOUBLE PRECISION", "CLOSE DOUBLE PRECISION", "VOLUME DOUBLE PRECISION");
            assertThat(strings(database, "SELECT index_name FROM information_schema.indexes WHERE table_name = 'BARS'"))
                    .as("the primary key is the only index on bars").hasSize(1).allMatch(name -> name.startsWith("PRIMARY_KEY"));
        }
    }

    @Test
    void creatingAndReopeningTheDatabaseLeavesNoH2ErrorTrace() throws Exception {
        // H2 writes every SQL error to history.trace.db; a fresh data dir once got one from the
        // look for Flyway's history table.
        try (HistoryStore store = HistoryStore.open(StoreFixture.options(dir, clock))) {
            store.write(SeriesKey.of("AAPL", Timeframe.ONE_MINUTE), minutes(T0, 3, 0));
        }
        try (StoreDatabase database = StoreDatabase.open(StoreFixture.options(dir, clock))) {
            assertThat(strings(database, "SELECT COUNT(*) FROM bars")).containsExactly("3");
        }
        Path trace = dir.resolve("history.trace.db");
        assertThat(trace).as(() -> "H2 logged errors:\n" + readQuietly(trace)).doesNotExist();
    }

    @Test
    void reopeningAnUpToDateDatabaseRunsNoMigrationAndKeepsTheBars() throws Exception {
        SeriesKey key = SeriesKey.of("AAPL", Timeframe.ONE_HOUR);
        try (HistoryStore store = HistoryStore.open(StoreFixture.options(dir, clock))) {
            store.write(key, minutes(T0, 5, 0));
        }
        try (StoreDatabase database = StoreDatabase.open(StoreFixture.options(dir, clock))) {
            assertThat(strings(database, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")).containsExactly("3");
            assertThat(strings(database, "SELECT COUNT(*) FROM bars")).containsExactly("5");
        }
    }

    @Test
    void theSchemaVersionConstantIsTheHighestShippedMigration() throws Exception {
        Path migrations = Path.of(SchemaTest.class.getResource("/db/migration").toURI());
        int highest;
        try (var files = Files.list(migrations)) {
            highest = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow();
        }
        assertThat(StoreDatabase.SCHEMA_VERSION).isEqualTo(highest);
    }

    @Test
    void flywayIsLeftOutOnlyWhenEveryShippedMigrationIsAppliedAndNothingElse() throws Exception {
        try (StoreDatabase database = StoreDatabase.open(StoreFixture.options(dir, clock));
                Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            assertThat(StoreDatabase.schemaIsCurrent(connection)).isTrue();

            statement.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '3'");
            assertThat(StoreDatabase.schemaIsCurrent(connection)).as("a failed migration").isFalse();
            statement.execute("UPDATE \"flyway_schema_history\" SET \"success\" = TRUE WHERE \"version\" = '3'");

            statement.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (4, '4', 'from a newer build', 'SQL', 'V4__newer.sql', 'SA', 1, TRUE)");
            assertThat(StoreDatabase.schemaIsCurrent(connection)).as("a version this build does not ship").isFalse();
            statement.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('3', '4')");
            assertThat(StoreDatabase.schemaIsCurrent(connection)).as("a migration still to apply").isFalse();

            statement.execute("DROP TABLE \"flyway_schema_history\"");
            assertThat(StoreDatabase.schemaIsCurrent(connection)).as("no history table").isFalse();
        }
    }

    @Test
    void aMigrationKilledAfterItsFirstTableIsCompletedOnTheNextStart() throws Exception {
        try (StoreDatabase database = StoreDatabase.open(StoreFixture.options(dir, clock));
                Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            // What a kill between V1's two CREATE TABLEs leaves (H2 commits each DDL statement on its
            // own): Flyway's history table without V1's row, the first table, not the second, and
            // nothing of V2 or V3.
            statement.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('1', '2', '3')");
            statement.execute("DROP TABLE bars");
            statement.execute("DROP TABLE series_tracking");
            statement.execute("DROP TABLE coverage");
        }

        try (HistoryStore store = HistoryStore.open(StoreFixture.options(dir, clock))) {
            SeriesKey key = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
            store.write(key, minutes(T0, 3, 0));
            assertThat(store.listSeries()).singleElement().satisfies(info -> assertThat(info.bars()).isEqualTo(3));
        }
    }

    @Test
    void aVersion2DatabaseIsMigratedKeepingItsLedgerWithItsMarketDaysUnknown() throws Exception {
        SeriesKey key = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
        try (HistoryStore store = HistoryStore.open(StoreFixture.options(dir, clock))) {
            store.track(key, T0);
            store.write(key, minutes(T0, 3, 0));
        }
        try (StoreDatabase database = StoreDatabase.open(StoreFixture.options(dir, clock));
                Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            // What a build of schema version 2 left.
            statement.execute("ALTER TABLE series_tracking DROP COLUMN day_zone");
            statement.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '3'");
        }

        try (HistoryStore store = HistoryStore.open(StoreFixture.options(dir, clock))) {
            assertThat(store.ledger(key, 0, 1).trackedSince()).hasValue(T0);
            assertThat(store.tradingDayZone(key)).isEmpty();
            store.track(key, T0, ZoneOffset.UTC);
            assertThat(store.tradingDayZone(key)).hasValue(ZoneOffset.UTC);
            assertThat(store.listSeries()).singleElement().satisfies(info -> assertThat(info.bars()).isEqualTo(3));
        }
    }

    @Test
    void aBulkWriteCompactedOnCloseTakesAtMost64BytesPerBar() throws Exception {
        int bars = 30_000;
        SeriesKey key = SeriesKey.of("BULK", Timeframe.ONE_MINUTE);
        // A bulk write holds its connection for longer than the tests' usual 2 s leak threshold.
        StoreOptions options = StoreFixture.options(dir, clock).withLeakDetection(java.time.Duration.ofMinutes(1));
        HistoryStore store = HistoryStore.open(options);
        store.write(key, minutes(T0, bars, 0));
        store.close();
        long uncompacted = Files.size(dir.resolve("history.mv.db"));

        store = HistoryStore.open(options);
        store.compactOnClose();
        store.close();
        long compacted = Files.size(dir.resolve("history.mv.db"));

        assertThat((double) compacted / bars).as("bytes per bar after compaction").isLessThanOrEqualTo(64);
        assertThat(compacted).as("compaction reclaimed the bulk write's free space").isLessThan(uncompacted);
        try (HistoryStore reopened = HistoryStore.open(StoreFixture.options(dir, clock))) {
            assertThat(reopened.listSeries()).containsExactly(new SeriesInfo(key, bars, T0, T0 + (bars - 1) * TestBars.MINUTE));
        }
    }

    @Test
    void closingTheStoreReleasesTheDatabaseFileAndItsThreads() throws Exception {
        HistoryStore store = HistoryStore.open(StoreFixture.options(dir, clock));
        Path file = store.databaseFile();
        assertThat(poolThreads()).as("HikariCP threads while open").isNotEmpty();

        store.close();
        store.close(); // idempotent

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            assertThat(lock).as("no one holds the database file").isNotNull();
        }
        assertThat(poolThreadsAfterTheyFinish()).as("HikariCP threads after close").isEmpty();
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsAClearError() throws Exception {
        try (HistoryStore store = HistoryStore.open(StoreFixture.options(dir, clock))) {
            store.write(SeriesKey.of("AAPL", Timeframe.ONE_DAY), minutes(T0, 1, 0));
        }
        // Another process's H2 holds an OS lock on the file; in this JVM an OS lock stands in for it.
        try (FileChannel channel = FileChannel.open(dir.resolve("history.mv.db"), StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            assertThatThrownBy(() -> HistoryStore.open(StoreFixture.options(dir, clock)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(dir.resolve("history.mv.db").toString())
                    .hasMessageContaining("in use by another process");
        }
    }

    @Test
    void aDataDirThatCannotBeCreatedIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> HistoryStore.open(StoreFixture.options(file.resolve("sub"), clock)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot create the data directory");
    }

    /** HikariCP's executors have terminated when close returns; their threads may take a moment to exit. */
    private static List<String> poolThreadsAfterTheyFinish() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        List<String> threads = poolThreads();
        while (!threads.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            threads = poolThreads();
        }
        return threads;
    }

    private static List<String> poolThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith(StoreDatabase.POOL_NAME)).toList();
    }

    static List<String> strings(StoreDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
