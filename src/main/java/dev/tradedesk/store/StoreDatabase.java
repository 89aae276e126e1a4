package dev.tradedesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 file database behind a HikariCP pool, its schema brought up to date by the Flyway
 * migrations in {@code db/migration} when it opens (Flyway starts only when one is due:
 * {@link #schemaIsCurrent}).
 *
 * <p>H2 runs embedded, in file mode, in its default compatibility mode, with
 * {@code DB_CLOSE_ON_EXIT=FALSE} (the store, not a JVM shutdown hook, closes it) and
 * {@code WRITE_DELAY=0}: every commit writes its changes to the file before it returns, so a
 * committed transaction survives the process being killed (H2's default keeps up to 500 ms of
 * commits in memory). With no delay, H2 stores a commit on the committing thread and waits for a
 * store running on another thread ({@code MVStore.commit}); its {@code tryCommit}, which gives up
 * then, serves only a delay. H2 never forces the file to the device at a commit (no setting does),
 * so the store asks for it after each of its commits ({@link #forceToDevice}): a returned write
 * also survives an operating-system crash or a power cut. With no delay H2 runs no background
 * writer, whose compactions would give back the space of chunks still partly in use, so the
 * store runs them itself ({@link ChunkCompaction}). {@code CACHE_SIZE} is
 * {@link StoreOptions#pageCacheMb()}. The database closes when {@link #close()} closes the pool's
 * last connection. If H2 closes it first, because it could not write its file (a full disk), the
 * next calls reopen it ({@link DatabaseRecovery}).
 *
 * <p>Thread-safe: connections are borrowed from the pool by any thread, one per operation.
 * HikariCP runs its own daemon threads, {@code tradedesk-store:housekeeper},
 * {@code tradedesk-store:connection-adder} and {@code tradedesk-store:connection-closer}, which
 * {@link #close()} stops.
 */
final class StoreDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreDatabase.class);

    static final String POOL_NAME = "tradedesk-store";
    /** Statements the store prepares: H2 keeps this many parsed per connection (default 8). */
    private static final int QUERY_CACHE_SIZE = 32;

    /** The highest migration in {@code db/migration} ({@code V<n>__*.sql}); SchemaTest checks it. */
    static final int SCHEMA_VERSION = 3;

    private static final String USER = "sa";
    private static final String PASSWORD = "";

    private final HikariDataSource pool;
    private final String url;
    private final Path file;
    private final DatabaseRecovery recovery;
    private final ChunkCompaction compaction;

    private StoreDatabase(HikariDataSource pool, StoreOptions options) {
        this.pool = pool;
        this.url = pool.getJdbcUrl();
        this.file = options.databaseFile();
        this.recovery = new DatabaseRecovery(pool, USER, PASSWORD, file, options.clock());
        this.compaction = new ChunkCompaction(options.compactionInterval());
    }

    /**
     * Opens (creating if needed) the database in {@code options.directory()} and migrates it.
     *
     * @throws StoreException if the directory cannot be created, the file is locked by another
     *                        process, or a migration fails
     */
    static StoreDatabase open(StoreOptions options) {
        return open(options, "");
    }

    /**
     * As {@link #open(StoreOptions)}, with the database file on H2's file system {@code fileSystem}
     * (a registered {@code FilePath} scheme and its colon, as {@code "memFS:"}), or on the default
     * one for {@code ""}: tests put it on one whose writes fail as on a full disk.
     */
    static StoreDatabase open(StoreOptions options, String fileSystem) {
        try {
            Files.createDirectories(options.directory());
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + options.directory() + ": " + e.getMessage(), e);
        }
        HikariDataSource pool = createPool(options, fileSystem);
        try {
            boolean current;
            try (Connection connection = pool.getConnection()) {
                current = schemaIsCurrent(connection);
            }
            if (!current) {
                MigrateResult result = Flyway.configure(StoreDatabase.class.getClassLoader())
                        .dataSource(pool)
                        .locations("classpath:db/migration")
                        .failOnMissingLocations(true)
                        .load()
                        .migrate();
                if (result.migrationsExecuted > 0) {
                    log.info("History database {} migrated to schema version {}", options.databaseFile(),
                            result.targetSchemaVersion);
                }
            }
            return new StoreDatabase(pool, options);
        } catch (RuntimeException | SQLException e) {
            pool.close();
            throw new StoreException("cannot migrate the history database " + options.databaseFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether Flyway's history shows exactly the migrations this build ships, V1 to
     * {@link #SCHEMA_VERSION}, each applied successfully: then a migrate would do nothing, and
     * Flyway is not started at all. Its cold start (plugin discovery, the migrations' scan and
     * validation, 365 classes) took 0.53–0.57 s of a core at every launch, on the thread that opens
     * the store while the window is built; leaving it out brought the first live frame 0.2 s
     * earlier. Anything else (a new file, no history table, a failed or unknown version) goes
     * through Flyway as before. Released migrations are never edited, so the checksums Flyway
     * would compare cannot differ here; the tests create their databases afresh, through Flyway.
     *
     * <p>The history table is looked up before it is read: a query on a missing table is an
     * error that H2 also writes to a {@code history.trace.db} beside the database, which would
     * then sit in every new data dir as if something had gone wrong.
     */
    static boolean schemaIsCurrent(Connection connection) {
        try {
            if (!historyTableExists(connection)) {
                return false;
            }
            Set<String> applied = new HashSet<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                            + " WHERE \"version\" IS NOT NULL")) {
                while (rows.next()) {
                    if (!rows.getBoolean(2) || !applied.add(rows.getString(1))) {
                        return false;
                    }
                }
            }
            Set<String> shipped = new HashSet<>();
            for (int version = 1; version <= SCHEMA_VERSION; version++) {
                shipped.add(Integer.toString(version));
            }
            return applied.equals(shipped);
        } catch (SQLException unreadableHistory) {
            return false;
        }
    }

    private static boolean historyTableExists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        // The name is a LIKE pattern, in which '_' matches any character.
        String pattern = "flyway_schema_history".replace("_", metaData.getSearchStringEscape() + "_");
        try (ResultSet tables = metaData.getTables(null, connection.getSchema(), pattern, null)) {
            return tables.next();
        }
    }

    private static HikariDataSource createPool(StoreOptions options, String fileSystem) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl("jdbc:h2:file:" + fileSystem + options.directory().resolve(StoreOptions.DATABASE_NAME)
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=" + QUERY_CACHE_SIZE
                + ";CACHE_SIZE=" + options.pageCacheMb() * 1024 + ";RETENTION_TIME=" + options.chunkRetention().toMillis());
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(1);
        // H2 closes its database when the last connection to it closes, and opens it again with the
        // next: HikariCP's default 30-minute lifetime retired the one idle connection of a quiet
        // session, and H2 closed the database (a compaction of up to 200 ms) and reopened it (its
        // page cache gone), each half hour. A connection to an embedded database does not go stale,
        // and the pool never retires idle ones below the minimum above.
        config.setMaxLifetime(0);
        // A desktop app fails fast and says why rather than freezing for HikariCP's default 30 s.
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(10));
        // Connections are validated with JDBC4 isValid() when borrowed after being idle.
        config.setValidationTimeout(TimeUnit.SECONDS.toMillis(2));
        config.setLeakDetectionThreshold(options.leakDetection().toMillis());
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = openFailure(options.databaseFile(), e.getCause());
            throw inUse(e.getCause()) ? StoreException.inUseElsewhere(message, cause) : new StoreException(message, cause);
        }
    }

    private static boolean inUse(Throwable cause) {
        return cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1;
    }

    private static String openFailure(Path file, Throwable cause) {
        if (inUse(cause)) {
            return "the history database " + file + " is in use by another process (is TradeDesk already running?)";
        }
        return "cannot open the history database " + file + ": " + (cause == null ? "unknown error" : cause.getMessage());
    }

    /**
     * Borrows a connection to read; closing it returns it to the pool. After H2 closed the database
     * (see {@link #readFailed}), reopens it first when a reopen is due, and fails at once when not.
     */
    Connection connection() throws SQLException {
        recovery.beforeRead();
        return pool.getConnection();
    }

    /**
     * Borrows a connection to write. While H2's closing of the database is not yet followed by a
     * commit, fails at once unless a write is due ({@link DatabaseRecovery}), so that writes bound to
     * fail on a full disk do not close the database under the readers.
     */
    Connection writeConnection() throws SQLException {
        recovery.beforeWrite();
        return pool.getConnection();
    }

    /**
     * Lets go of {@code connection}, borrowed for a write that failed because H2 closed its database
     * (a full disk), without running a statement on it: its H2 session is closed directly, and the
     * connection is evicted from the pool, so that neither the caller nor the pool rolls it back.
     *
     * <p>A {@code ROLLBACK} there has nothing left to undo, and with H2 2.4.240 it did harm: H2
     * closes the database from inside the statement whose write failed (a new series' identity is
     * flushed by H2's own session, as the first new series after a reopen does), and when another
     * session's commit or rollback has already taken H2's record of that failure (a read going on
     * meanwhile), a {@code ROLLBACK} on the failed transaction counts its hold on the store's
     * version twice. That counter is then negative, the closed store never moves to a new version,
     * and every statement that starts on that database afterwards spins in
     * {@code MVStore.registerVersionUsage} for good (H2's assertion there is off outside H2's own tests):
     * HikariCP's rollback of the returned connection did, on the scheduler's thread, after a new
     * symbol's tracking start was let through on a full disk. Closing the H2 connection itself ends
     * the session without that statement (H2 would run one only for changes still uncommitted: the
     * failed statement has undone its own, and a failed commit ended its transaction); nothing
     * uncommitted survives a closed database anyway. The pool's other connections are left to the
     * reopen ({@link DatabaseRecovery}), which evicts them: evicted here, before the failure is
     * reported, a read in between waited for a new connection the full disk's pool could not make.
     * H2 2.5.252 no longer spins there, but it loses committed writes after a kill
     * ({@code SpaceReuseCrashTest}), so TradeDesk stays on 2.4.240, where this method is what keeps
     * the store from spinning ({@code FullDiskNewSeriesTest}).
     */
    void discard(Connection connection) {
        try {
            connection.unwrap(JdbcConnection.class).close();
        } catch (SQLException alreadyClosed) {
            // its session is gone either way
        }
        pool.evictConnection(connection);
    }

    /** Tells the database a read failed with {@code failure}: if H2 closed the database, it is reopened. */
    void readFailed(Throwable failure) {
        recovery.readFailed(failure);
    }

    /** Tells the database a write failed with {@code failure}: if H2 closed the database, writes are paced. */
    void writeFailed(Throwable failure) {
        recovery.writeFailed(failure);
    }

    /**
     * Forces what H2 has written to the database file onto the device ({@code CHECKPOINT SYNC}:
     * H2 stores any change not yet in the file, then calls {@code FileChannel.force(true)}, an
     * fsync). Until then a commit is in the operating system's page cache only. Takes one
     * device flush, which the repository runs under its write lock: the next write starts once
     * this one is on the device. When a compaction is due ({@link ChunkCompaction}), it runs
     * first, so that the pages it rewrites are stored and forced with the commit.
     *
     * @throws SQLException if the file cannot be forced (an I/O error on the device)
     */
    void forceToDevice(Connection connection) throws SQLException {
        compaction.runIfDue(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * Whether the database behind {@code connection} still answers, after a statement on it failed:
     * false when H2 closed it (its store could not write the file). A failed flush alone
     * ({@link #forceToDevice}) leaves it open: H2 does not close its store for that.
     */
    boolean stillOpen(Connection connection) {
        return DatabaseRecovery.stillOpen(connection);
    }

    /**
     * Tells the database a write committed on {@code connection}: it works, whatever failed before,
     * if that connection's database is still open.
     */
    void committed(Connection connection) {
        recovery.committed(connection);
    }

    Path file() {
        return file;
    }

    /** The pool's settings as HikariCP applied them. */
    HikariConfigMXBean poolSettings() {
        return pool.getHikariConfigMXBean();
    }

    /** Connections borrowed and not yet returned: 0 whenever no store call is in progress. */
    int activeConnections() {
        return pool.getHikariPoolMXBean().getActiveConnections();
    }

    /**
     * Closes the pool, then opens the file once more outside the pool to rewrite it without free
     * space ({@code SHUTDOWN COMPACT}). Takes time proportional to the database size: for
     * benchmarks and maintenance, not for every exit.
     */
    void closeCompacted() {
        close();
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new StoreException("cannot compact the history database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Closes every connection, which closes the database file. Idempotent. A reopen in progress
     * ({@link DatabaseRecovery}) ends first, and none starts after: no call opens the file again.
     */
    @Override
    public void close() {
        recovery.shutDown();
        pool.close();
    }
}
