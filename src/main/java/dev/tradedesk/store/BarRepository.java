package dev.tradedesk.store;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bars in the database: batch upserts and the reads the workstation needs, every statement
 * parameterized, symbols and timeframes already validated by {@link SeriesKey}. Uncached; the
 * {@link HistoryStore} puts its read cache in front.
 *
 * <p>A series is a row of {@code series} numbered by an identity column; bars refer to it by
 * that number. Writers look the number up (or create the row) inside their own transaction, so
 * a bar can never point at a series that is not there. Readers remember numbers they have seen:
 * numbers are never reused, so a remembered number of a deleted series can only find no bars,
 * and the next write of that series replaces it.
 *
 * <p>Thread-safe. Writes (upserts and deletes) are serialized by a lock, so two writers never
 * wait on each other's row locks inside H2; reads run concurrently with each other and with a
 * write, and see only committed data (H2's MVCC, read committed).
 */
final class BarRepository {

    private static final String COLUMNS = "time_ms, open, high, low, close, volume";
    private static final String SELECT_SERIES_ID = "SELECT id FROM series WHERE symbol = ? AND timeframe = ?";
    private static final String INSERT_SERIES = "INSERT INTO series (symbol, timeframe) VALUES (?, ?)";
    private static final String UPSERT = "MERGE INTO bars (series_id, " + COLUMNS + ") KEY (series_id, time_ms)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    /** Ordered by the whole key so H2 reads the primary key index in order and does not sort. */
    static final String RANGE = "SELECT " + COLUMNS + " FROM bars"
            + " WHERE series_id = ? AND time_ms BETWEEN ? AND ? ORDER BY series_id, time_ms";
    private static final String RANGE_PAGE = RANGE + " LIMIT ?";
    static final String LATEST = "SELECT " + COLUMNS + " FROM bars"
            + " WHERE series_id = ? ORDER BY series_id DESC, time_ms DESC LIMIT ?";
    private static final String FIRST_TIME = "SELECT time_ms FROM bars WHERE series_id = ? ORDER BY series_id, time_ms LIMIT 1";
    private static final String LAST_TIME = "SELECT time_ms FROM bars WHERE series_id = ?"
            + " ORDER BY series_id DESC, time_ms DESC LIMIT 1";
    private static final String DELETE_BARS = "DELETE FROM bars WHERE series_id = ?";
    private static final String DELETE_BARS_BETWEEN = DELETE_BARS + " AND time_ms BETWEEN ? AND ?";
    private static final String SPAN_BETWEEN = "SELECT COUNT(*), MIN(time_ms), MAX(time_ms) FROM bars"
            + " WHERE series_id = ? AND time_ms BETWEEN ? AND ?";
    private static final String DELETE_SERIES = "DELETE FROM series WHERE id = ?";
    static final String LIST_SERIES = "SELECT s.symbol, s.timeframe, b.bars, b.first_ms, b.last_ms FROM series s"
            + " JOIN (SELECT series_id, COUNT(*) AS bars, MIN(time_ms) AS first_ms, MAX(time_ms) AS last_ms"
            + " FROM bars GROUP BY series_id) b ON b.series_id = s.id ORDER BY s.symbol, s.timeframe";
    private static final String COUNT_BARS = "SELECT COUNT(*) FROM bars";
    private static final String SERIES_KEYS = "SELECT symbol, timeframe FROM series ORDER BY symbol, timeframe";
    private static final int NO_SERIES = -1;

    private final StoreDatabase database;
    private final int writeChunk;
    /**
     * Serializes the writes, each from borrowing its connection to reporting its failure
     * ({@link #writeFailure}, inside the lock): besides sharing {@link #chunk}, it is what keeps
     * {@link DatabaseRecovery} letting through one write per wait during a full-disk outage, for a
     * write let through pushes the next one out only once its failure is reported. Every write path
     * takes it.
     */
    private final ReentrantLock writeLock = new ReentrantLock();
    /**
     * The chunk every write fills, kept under {@link #writeLock}: a live cycle writes a bar or two
     * for each of a hundred series, and a fresh {@code writeChunk}-bar chunk per series was most of
     * the app's garbage (1.3 GB a minute in {@code bench pipeline}, a young GC every 12 s). Starts
     * small and grows to at most {@code writeChunk} bars.
     */
    private final BarColumns chunk = new BarColumns(16);
    private final ConcurrentHashMap<SeriesKey, Integer> knownIds = new ConcurrentHashMap<>();

    BarRepository(StoreDatabase database, int writeChunk) {
        this.database = database;
        this.writeChunk = writeChunk;
    }

    /**
     * Upserts the bars of several series in ONE transaction: all of them are written, or none.
     *
     * @return bars written per series, in the map's order
     */
    Map<SeriesKey, Long> upsertAll(Map<SeriesKey, BarSource> sources) {
        return upsertAll(sources, Map.of());
    }

    /**
     * Upserts the bars of several series and records {@code covered} ranges in the completeness
     * ledger, all in ONE transaction: a crash never leaves a range marked covered whose bars are
     * not stored.
     *
     * @return bars written per series, in the map's order
     */
    Map<SeriesKey, Long> upsertAll(Map<SeriesKey, BarSource> sources,
            Map<SeriesKey, List<TimeRange>> covered) {
        writeLock.lock();
        try (Connection connection = database.writeConnection()) {
            connection.setAutoCommit(false);
            Map<SeriesKey, Long> written = new LinkedHashMap<>();
            try {
                Map<SeriesKey, Integer> ids = new HashMap<>();
                for (Map.Entry<SeriesKey, BarSource> entry : sources.entrySet()) {
                    int seriesId = findOrCreateSeries(connection, entry.getKey());
                    ids.put(entry.getKey(), seriesId);
                    written.put(entry.getKey(), upsertChunks(connection, entry.getKey(), seriesId, entry.getValue()));
                }
                for (Map.Entry<SeriesKey, List<TimeRange>> entry : covered.entrySet()) {
                    Integer known = ids.get(entry.getKey());
                    int seriesId = known != null ? known : findOrCreateSeries(connection, entry.getKey());
                    ids.put(entry.getKey(), seriesId);
                    for (TimeRange range : entry.getValue()) {
                        CoverageLedger.addCovered(connection, seriesId, range);
                    }
                }
                connection.commit();
                database.committed(connection);
                knownIds.putAll(ids);
            } catch (IllegalArgumentException e) {
                rollback(connection, e);
                throw e;
            } catch (SQLException | IOException | RuntimeException e) {
                rollback(connection, e);
                throw writeFailure("cannot write bars of " + sources.size() + " series, nothing was written", e);
            }
            forceToDevice(connection, "the bars of " + sources.size() + " series");
            return written;
        } catch (SQLException e) {
            throw writeFailure("cannot write bars of " + sources.size() + " series, nothing was written", e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Inserts or updates (same series and time) every bar {@code source} yields, in one
     * transaction, {@code writeChunk} bars per JDBC batch. Either all bars are stored or, if a bar
     * is invalid, the source fails or the database fails, none is.
     *
     * @return the number of bars written (updates included)
     * @throws IllegalArgumentException if a bar is invalid ({@link Bar#problem})
     * @throws StoreException           if the source or the database fails
     */
    long upsert(SeriesKey key, BarSource source) {
        writeLock.lock();
        try (Connection connection = database.writeConnection()) {
            connection.setAutoCommit(false);
            long written;
            try {
                int seriesId = findOrCreateSeries(connection, key);
                written = upsertChunks(connection, key, seriesId, source);
                if (written == 0) {
                    connection.rollback();
                    return 0;
                }
                connection.commit();
                database.committed(connection);
                knownIds.put(key, seriesId);
            } catch (IllegalArgumentException e) {
                rollback(connection, e);
                throw e;
            } catch (SQLException | IOException | RuntimeException e) {
                rollback(connection, e);
                throw writeFailure("cannot write bars of " + key + ", nothing was written", e);
            }
            forceToDevice(connection, "the bars of " + key);
            return written;
        } catch (SQLException e) {
            throw writeFailure("cannot write bars of " + key + ", nothing was written", e);
        } finally {
            writeLock.unlock();
        }
    }

    private long upsertChunks(Connection connection, SeriesKey key, int seriesId, BarSource source)
            throws SQLException, IOException {
        BarColumns chunk = this.chunk;
        long written = 0;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            while (true) {
                chunk.clear();
                source.fill(chunk, writeChunk);
                if (chunk.isEmpty()) {
                    return written;
                }
                validate(key, chunk, written);
                for (int i = 0; i < chunk.size(); i++) {
                    upsert.setInt(1, seriesId);
                    upsert.setLong(2, chunk.time(i));
                    upsert.setDouble(3, chunk.open(i));
                    upsert.setDouble(4, chunk.high(i));
                    upsert.setDouble(5, chunk.low(i));
                    upsert.setDouble(6, chunk.close(i));
                    upsert.setDouble(7, chunk.volume(i));
                    upsert.addBatch();
                }
                upsert.executeBatch();
                written += chunk.size();
            }
        }
    }

    private static void validate(SeriesKey key, BarColumns chunk, long offset) {
        for (int i = 0; i < chunk.size(); i++) {
            String problem = Bar.problem(chunk.open(i), chunk.high(i), chunk.low(i), chunk.close(i), chunk.volume(i));
            if (problem != null) {
                throw new IllegalArgumentException("bar " + (offset + i) + " of " + key + " at "
                        + Instant.ofEpochMilli(chunk.time(i)) + " is invalid: " + problem + "; nothing was written");
            }
        }
    }

    private static int findOrCreateSeries(Connection connection, SeriesKey key) throws SQLException {
        int id = selectSeriesId(connection, key);
        if (id != NO_SERIES) {
            return id;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SERIES, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, key.symbol().value());
            insert.setString(2, key.timeframe().label());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    private static int selectSeriesId(Connection connection, SeriesKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_SERIES_ID)) {
            select.setString(1, key.symbol().value());
            select.setString(2, key.timeframe().label());
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getInt(1) : NO_SERIES;
            }
        }
    }

    /** The series number for reading, or {@link #NO_SERIES}. */
    private int seriesIdForReading(Connection connection, SeriesKey key) throws SQLException {
        Integer known = knownIds.get(key);
        if (known != null) {
            return known;
        }
        int id = selectSeriesId(connection, key);
        if (id != NO_SERIES) {
            // putIfAbsent: a writer's fresher number, put after its commit, is never overwritten.
            knownIds.putIfAbsent(key, id);
        }
        return id;
    }

    /**
     * Appends the bars of {@code key} with {@code from <= time <= to}, in time order, to
     * {@code into}; returns how many. An empty range ({@code from > to}) or an unknown series
     * appends nothing.
     */
    int readRange(SeriesKey key, long from, long to, BarColumns into) {
        if (from > to) {
            return 0;
        }
        try (Connection connection = database.connection()) {
            int seriesId = seriesIdForReading(connection, key);
            if (seriesId == NO_SERIES) {
                return 0;
            }
            try (PreparedStatement range = connection.prepareStatement(RANGE)) {
                range.setInt(1, seriesId);
                range.setLong(2, from);
                range.setLong(3, to);
                return readBars(range, into);
            }
        } catch (SQLException e) {
            throw failure("cannot read bars of " + key, e);
        }
    }

    /**
     * Hands the bars of {@code key} with {@code from <= time <= to} to {@code consumer} in chunks
     * of up to {@code chunkSize}, in time order, reading one chunk at a time (keyset pages of the
     * primary key) from one consistent snapshot, so memory stays flat for any range.
     *
     * @return the number of bars handed over
     * @throws StoreException if the database or the consumer fails
     */
    long stream(SeriesKey key, long from, long to, int chunkSize, BarChunkConsumer consumer) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, was " + chunkSize);
        }
        if (from > to) {
            return 0;
        }
        try (Connection connection = database.connection()) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try {
                long streamed = streamPages(connection, key, from, to, chunkSize, consumer);
                connection.commit();
                return streamed;
            } catch (SQLException | IOException | RuntimeException e) {
                rollback(connection, e);
                throw failure("cannot stream bars of " + key, e);
            }
        } catch (SQLException e) {
            throw failure("cannot stream bars of " + key, e);
        }
    }

    private long streamPages(Connection connection, SeriesKey key, long from, long to, int chunkSize,
            BarChunkConsumer consumer) throws SQLException, IOException {
        int seriesId = seriesIdForReading(connection, key);
        if (seriesId == NO_SERIES) {
            return 0;
        }
        BarColumns chunk = new BarColumns(chunkSize);
        long streamed = 0;
        long next = from;
        try (PreparedStatement page = connection.prepareStatement(RANGE_PAGE)) {
            while (true) {
                chunk.clear();
                page.setInt(1, seriesId);
                page.setLong(2, next);
                page.setLong(3, to);
                page.setInt(4, chunkSize);
                int read = readBars(page, chunk);
                if (read == 0) {
                    return streamed;
                }
                consumer.accept(chunk);
                streamed += read;
                long last = chunk.time(read - 1);
                if (read < chunkSize || last == to) {
                    return streamed;
                }
                next = last + 1;
            }
        }
    }

    /** Appends the latest {@code count} bars of {@code key}, in time order, to {@code into}. */
    int readLatest(SeriesKey key, int count, BarColumns into) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        if (count == 0) {
            return 0;
        }
        try (Connection connection = database.connection()) {
            int seriesId = seriesIdForReading(connection, key);
            if (seriesId == NO_SERIES) {
                return 0;
            }
            BarColumns newestFirst = new BarColumns(Math.min(count, 4_096));
            try (PreparedStatement latest = connection.prepareStatement(LATEST)) {
                latest.setInt(1, seriesId);
                latest.setInt(2, count);
                readBars(latest, newestFirst);
            }
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                into.add(newestFirst.time(i), newestFirst.open(i), newestFirst.high(i), newestFirst.low(i),
                        newestFirst.close(i), newestFirst.volume(i));
            }
            return newestFirst.size();
        } catch (SQLException e) {
            throw failure("cannot read the latest bars of " + key, e);
        }
    }

    /** Open time of the first ({@code last == false}) or last bar of {@code key}; empty if it has none. */
    OptionalLong boundaryTime(SeriesKey key, boolean last) {
        try (Connection connection = database.connection()) {
            int seriesId = seriesIdForReading(connection, key);
            if (seriesId == NO_SERIES) {
                return OptionalLong.empty();
            }
            try (PreparedStatement select = connection.prepareStatement(last ? LAST_TIME : FIRST_TIME)) {
                select.setInt(1, seriesId);
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? OptionalLong.of(result.getLong(1)) : OptionalLong.empty();
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read the time span of " + key, e);
        }
    }

    /** How many bars {@code key} has with {@code from <= time <= to}, and their span; empty if none. */
    Optional<SeriesInfo> span(SeriesKey key, long from, long to) {
        try (Connection connection = database.connection()) {
            int seriesId = seriesIdForReading(connection, key);
            if (seriesId == NO_SERIES || from > to) {
                return Optional.empty();
            }
            try (PreparedStatement select = connection.prepareStatement(SPAN_BETWEEN)) {
                select.setInt(1, seriesId);
                select.setLong(2, from);
                select.setLong(3, to);
                try (ResultSet result = select.executeQuery()) {
                    result.next();
                    long bars = result.getLong(1);
                    return bars == 0 ? Optional.empty()
                            : Optional.of(new SeriesInfo(key, bars, result.getLong(2), result.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read the time span of " + key, e);
        }
    }

    /**
     * Tracks {@code key} from {@code since} in the ledger (or keeps its earlier start), with its
     * market's days in {@code dayZone} (null: keeps those recorded), creating the series if need be.
     */
    void track(SeriesKey key, long since, String dayZone) {
        int seriesId = inWriteTransaction("cannot record since when " + key + " is tracked", "the tracking start of " + key, connection -> {
            int id = findOrCreateSeries(connection, key);
            CoverageLedger.track(connection, id, since, dayZone);
            return id;
        });
        knownIds.putIfAbsent(key, seriesId);
    }

    /** The zone of {@code key}'s market days as its ledger records it; null if it records none. */
    String dayZone(SeriesKey key) {
        try (Connection connection = database.connection()) {
            int seriesId = seriesIdForReading(connection, key);
            return seriesId == NO_SERIES ? null : CoverageLedger.dayZone(connection, seriesId);
        } catch (SQLException e) {
            throw failure("cannot read the market days of " + key, e);
        }
    }

    /** The ledger of {@code key} over {@code [from, until)}, read in one snapshot. */
    SeriesLedger ledger(SeriesKey key, long from, long until) {
        try (Connection connection = database.connection()) {
            int seriesId = seriesIdForReading(connection, key);
            if (seriesId == NO_SERIES) {
                return new SeriesLedger(OptionalLong.empty(), List.of());
            }
            return new SeriesLedger(CoverageLedger.trackedSince(connection, seriesId),
                    from < until ? CoverageLedger.covered(connection, seriesId, from, until) : List.of());
        } catch (SQLException e) {
            throw failure("cannot read the completeness ledger of " + key, e);
        }
    }

    /** Deletes every bar of {@code key} and the series itself, in one transaction; returns the bars deleted. */
    long deleteSeries(SeriesKey key) {
        long deleted = inWriteTransaction("cannot delete " + key, "the delete of " + key, connection -> {
            int seriesId = selectSeriesId(connection, key);
            if (seriesId == NO_SERIES) {
                return 0L;
            }
            long bars = deleteWhereId(connection, DELETE_BARS, seriesId);
            CoverageLedger.delete(connection, seriesId);
            deleteWhereId(connection, DELETE_SERIES, seriesId);
            return bars;
        });
        knownIds.remove(key);
        return deleted;
    }

    /**
     * Deletes the bars of {@code key} with {@code from <= time <= to}, and that span from the
     * ranges its ledger counts as covered, so a recording fetches it again; one transaction.
     * Returns the bars deleted.
     */
    long deleteBetween(SeriesKey key, long from, long to) {
        if (from > to) {
            return 0;
        }
        return inWriteTransaction("cannot delete bars of " + key, "the delete of bars of " + key, connection -> {
            int seriesId = selectSeriesId(connection, key);
            if (seriesId == NO_SERIES) {
                return 0L;
            }
            long bars;
            try (PreparedStatement delete = connection.prepareStatement(DELETE_BARS_BETWEEN)) {
                delete.setInt(1, seriesId);
                delete.setLong(2, from);
                delete.setLong(3, to);
                bars = delete.executeLargeUpdate();
            }
            CoverageLedger.removeCovered(connection, seriesId, slotsOf(key.timeframe(), from, to));
            return bars;
        });
    }

    /**
     * What the ledger covers of bars opening from {@code from} to {@code to}: their slots, and at
     * most part of one more after them when {@code to} is not a bar's open time.
     */
    private static TimeRange slotsOf(Timeframe timeframe, long from, long to) {
        long width = timeframe.millis();
        return new TimeRange(from, to > Long.MAX_VALUE - width ? Long.MAX_VALUE : to + width);
    }

    /** Work inside one write transaction, on a connection of the pool. */
    @FunctionalInterface
    private interface WriteWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} under the write lock in one transaction: committed and forced to the device
     * if it returns, rolled back if it throws. A database failure becomes a {@link StoreException}
     * starting with {@code what} ({@code change} when only the force failed); other exceptions pass
     * through unchanged.
     */
    private <T> T inWriteTransaction(String what, String change, WriteWork<T> work) {
        writeLock.lock();
        try (Connection connection = database.writeConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
                database.committed(connection);
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
            forceToDevice(connection, change);
            return result;
        } catch (SQLException e) {
            throw writeFailure(what, e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Forces the commit just made onto the device before the write returns, so that an acknowledged
     * write survives an operating-system crash or a power cut, not only the process being killed.
     * Every write does it, not only those whose data cannot be fetched again (imports, deletes):
     * one device flush per commit costs little beside a commit about once a second (see
     * docs/PERFORMANCE.md), and one rule for all writes is simpler to trust.
     *
     * <p>A device that refuses the flush fails the write, deliberately, although it is committed:
     * the write cannot be acknowledged as the contract says. It is not retried here: a second
     * flush after a failed one proves nothing (Linux may have dropped the failed pages' error
     * with the first), and the next write's flush forces the whole file again. H2 keeps the
     * database open when only the flush failed, so this is no closed database to reopen, and it
     * is told as what it is, not as a full disk.
     *
     * @throws StoreException if the device refuses: the change is committed (reads see it) but may
     *                        not survive a crash
     */
    private void forceToDevice(Connection connection, String what) {
        try {
            database.forceToDevice(connection);
        } catch (SQLException e) {
            String notForced = what + " committed, but could not be forced to the device (an operating-system crash"
                    + " or power cut may lose it)";
            if (database.stillOpen(connection)) {
                throw StoreException.committedNotForced(notForced + ": " + StoreException.rootReasonOf(e), e);
            }
            throw writeFailure(notForced, e);
        }
    }

    private static long deleteWhereId(Connection connection, String sql, int seriesId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setInt(1, seriesId);
            return delete.executeLargeUpdate();
        }
    }

    /** Every stored series with its bar count and time span, by symbol then timeframe. Reads every key: O(bars). */
    List<SeriesInfo> listSeries() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(LIST_SERIES);
                ResultSet result = select.executeQuery()) {
            List<SeriesInfo> series = new ArrayList<>();
            while (result.next()) {
                SeriesKey key = new SeriesKey(Symbol.of(result.getString(1)), Timeframe.parse(result.getString(2)));
                series.add(new SeriesInfo(key, result.getLong(3), result.getLong(4), result.getLong(5)));
            }
            return series;
        } catch (SQLException e) {
            throw failure("cannot list the stored series", e);
        }
    }

    /** Every series with a row in the series table, bars or not; no bar is read. */
    List<SeriesKey> seriesKeys() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(SERIES_KEYS);
                ResultSet result = select.executeQuery()) {
            List<SeriesKey> keys = new ArrayList<>();
            while (result.next()) {
                keys.add(new SeriesKey(Symbol.of(result.getString(1)), Timeframe.parse(result.getString(2))));
            }
            return keys;
        } catch (SQLException e) {
            throw failure("cannot list the stored series", e);
        }
    }

    /** Bars stored in all series; H2 keeps the table's row count, so no bar is read. */
    long barCount() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(COUNT_BARS);
                ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw failure("cannot count the stored bars", e);
        }
    }

    private static int readBars(PreparedStatement query, BarColumns into) throws SQLException {
        int count = 0;
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                into.add(result.getLong(1), result.getDouble(2), result.getDouble(3), result.getDouble(4),
                        result.getDouble(5), result.getDouble(6));
                count++;
            }
        }
        return count;
    }

    /**
     * The {@link StoreException} for a failed call, after telling the database, which reopens itself
     * if H2 closed it. A closed database is explained in one text for the whole outage.
     */
    private StoreException failure(String what, Exception cause) {
        database.readFailed(cause);
        return new StoreException(what + ": " + DatabaseRecovery.explain(cause), cause);
    }

    /** As {@link #failure}, for a write: if H2 closed the database, the next write waits its turn. */
    private StoreException writeFailure(String what, Exception cause) {
        database.writeFailed(cause);
        return new StoreException(what + ": " + DatabaseRecovery.explain(cause), cause);
    }

    /**
     * Rolls back after {@code cause}; but on a database H2 closed, runs no statement at all and lets
     * go of the connection instead ({@link StoreDatabase#discard}): nothing uncommitted survives a
     * closed database, and a {@code ROLLBACK} there can leave H2 spinning (see {@code discard}).
     */
    private void rollback(Connection connection, Exception cause) {
        if (DatabaseRecovery.closedByH2(cause)) {
            database.discard(connection);
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
