package dev.tradedesk.store;

import static dev.tradedesk.store.StoreException.rootReasonOf;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reopens the database after H2 closed it under the store, and keeps reads working while writes
 * cannot. When H2 cannot write its file (a full disk: {@code IOException: No space left on
 * device}), its MVStore "panics": it closes the file, and the database answers every later
 * statement with {@code 90098 The database has been closed}. The pooled connections stay open on
 * that dead database (H2's {@code isValid} still says yes), so without this every call failed until
 * the app was restarted.
 *
 * <p>On such a failure ({@link #closedByH2}) the next call reopens: it soft-evicts the pool's
 * connections (idle ones close now, borrowed ones when returned), opens the file once outside the
 * pool to see that it opens, and lets the pool connect again. H2 keeps the closed store's file open
 * and locked until the old database's last connection has closed, so the new database can only open
 * once the old one has let go: never two writers on one file. The reopen waits for that up to
 * {@link #RELEASE_PATIENCE}, on the calling thread, and only for that: a connect that fails to
 * open the file (an {@code IOException} from opening it, "Too many open files") fails the reopen at
 * once. H2 itself reopens a file in the same JVM after a disk-full failure in its own disk-full
 * test; the new database opens from the last complete commit, as after a {@code kill -9}.
 *
 * <p>An open needs no free space, and a database that is only read writes nothing to its file
 * ({@code WRITE_DELAY=0}: H2 runs no background writer; only a commit with changes writes). So
 * during the outage the reopened database serves every read, and only writes are paced: the first
 * at once, then one write after {@link #FIRST_WAIT}, doubling up to {@link #MAX_WAIT}; writes in
 * between are refused before they reach H2 ({@link #beforeWrite}), with the outage's text, so they
 * do not make H2 close the database under the readers. A write let through that fails closes it
 * again; the next call reopens it at once, whether the write or a read that met the closed database
 * tells it first (H2 gives such a read the write's failure as its cause). A write that commits ends
 * the outage, said in one line, if the database it committed on still answers: a commit that landed
 * just before another call's failure closed the database proves nothing about the database that
 * follows. A reopen that fails, or a reopened database closed by something else than a write (a read
 * of a broken file), makes the next reopen wait {@link #FIRST_WAIT}, doubling up to {@link #MAX_WAIT}:
 * calls in between are refused at once (no wait for the pool's connection timeout). A reopen that
 * could not open the file is told as such, in the log (once, then a summary a minute while it
 * repeats: {@link ReopenFailureLog}) and in every refusal until a reopen works: "the history database could not be reopened:
 * Too many open files", not the full disk's text, for it is why reads fail too.
 *
 * <p>Read-only instead ({@code ACCESS_MODE_DATA=r}) would not keep reads going better: in one JVM
 * H2 shares one database per file, and a read-write connect while the read-only one is open gets
 * a read-only connection without a word, so every write try would need the readers' connections
 * closed, a read-write reopen, and a read-only reopen after it: two reopens per try, reads failing
 * during both.
 *
 * <p>A failure of a connection borrowed before a reopen and reported after it is taken for the
 * reopened database's: it only costs one more reopen, after one wait (at once if a failed write had
 * closed that connection's database).
 *
 * <p>Once {@link #shutDown()} (the store closes), nothing here opens the file again.
 *
 * <p>Thread-safe: the state is guarded by this object; {@link #beforeRead()} reads two volatile
 * fields when nothing failed. The pacing of writes also needs the callers' writes to be serialized
 * (the repository's write lock): see {@link #beforeWrite()}.
 */
final class DatabaseRecovery {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRecovery.class);

    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /**
     * How long a reopen waits for the closed database to let go of its file. H2 keeps a panicked
     * store's file open and locked until the database's last connection closes, and the pool closes
     * evicted connections on its own thread; until then a connect meets the closed database or the
     * file lock (which is what keeps two stores from ever writing the file at once).
     */
    private static final Duration RELEASE_PATIENCE = Duration.ofSeconds(2);
    private static final long RELEASE_POLL_MILLIS = 10;
    private static final long OPEN = Long.MIN_VALUE;

    private final HikariDataSource pool;
    private final String url;
    private final String user;
    private final String password;
    private final Path file;
    private final Clock clock;
    private final ReopenFailureLog openFailures;

    /** When H2 closed the database, or {@link #OPEN}: no write has committed since. */
    private volatile long closedAt = OPEN;
    /** Set once by {@link #shutDown()}: the store is closing, and the file is never opened again. */
    private volatile boolean shutDown;
    private Throwable closedBy;
    /** Whether the pool's database is the one H2 closed: the next call reopens, when due. */
    private boolean deadDatabase;
    private long nextReopen;
    private int failedReopens;
    private int reopens;
    private long nextWrite;
    private int failedWrites;
    /** Why the last reopen could not open the file ("Too many open files"), or null: refusals say it. */
    private String openFailure;

    DatabaseRecovery(HikariDataSource pool, String user, String password, Path file, Clock clock) {
        this.pool = pool;
        this.url = pool.getJdbcUrl();
        this.user = user;
        this.password = password;
        this.file = file;
        this.clock = clock;
        this.openFailures = new ReopenFailureLog(file, clock);
    }

    /**
     * Whether {@code failure} says H2 closed the database: {@code DATABASE_IS_CLOSED}, an I/O error,
     * a corrupted file, or the MVStore's own failure to read, write or stay open (behind H2's
     * "General error" on the statement that hit it), anywhere in the cause chain.
     */
    static boolean closedByH2(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && closingCode(sql.getErrorCode())) {
                return true;
            }
            if (cause instanceof MVStoreException store && closingStoreCode(store.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static boolean closingCode(int code) {
        return code == ErrorCode.DATABASE_IS_CLOSED || code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2
                || code == ErrorCode.FILE_CORRUPTED_1;
    }

    private static boolean closingStoreCode(int code) {
        return code == DataUtils.ERROR_WRITING_FAILED || code == DataUtils.ERROR_READING_FAILED
                || code == DataUtils.ERROR_CLOSED || code == DataUtils.ERROR_FILE_CORRUPT;
    }

    /**
     * What to tell of {@code failure}: for a database H2 closed, one text for the whole outage (its
     * root cause, "No space left on device"), so a failure repeating while the disk is full reads
     * the same each time (H2's own message names a channel object that changes with every reopen);
     * otherwise the failure's message.
     */
    static String explain(Throwable failure) {
        if (failure instanceof Refusal) {
            return failure.getMessage(); // the recovery's own words: the outage, or why it cannot reopen
        }
        if (!closedByH2(failure)) {
            return failure.getMessage();
        }
        return "the history database is closed: H2 could not use its file (" + rootReasonOf(failure)
                + "); it is reopened by itself, and writes work again once the disk has room";
    }

    /**
     * Before a read borrows a connection: during an outage, reopens the database if H2 closed it and
     * a reopen is due.
     *
     * @throws SQLException the reason the database is closed, when it is not reopened now, or that
     *                      the store was closed
     */
    void beforeRead() throws SQLException {
        refuseIfShutDown();
        if (closedAt != OPEN) {
            reopenIfDue();
        }
    }

    /**
     * Before a write borrows a connection: during an outage, refuses it unless a write is due, then
     * reopens the database if need be. A refused write never reaches H2, so it cannot make H2 close
     * the database that readers use.
     *
     * <p>A write let through does not move {@link #nextWrite}: only its failure does, when reported
     * ({@link #writeFailed}). So "one write per wait" holds only because the caller serializes its
     * writes and reports a write's failure before the next write starts: {@code BarRepository} runs
     * each write, from this call to its report, under its {@code writeLock}. Two writes arriving here
     * together would both be let through.
     *
     * @throws SQLException the reason the database is closed, when the write is not tried now, or
     *                      that the store was closed
     */
    void beforeWrite() throws SQLException {
        refuseIfShutDown();
        if (closedAt == OPEN) {
            return;
        }
        synchronized (this) {
            if (closedAt != OPEN && clock.millis() < nextWrite) {
                throw refusal(closedBy);
            }
        }
        reopenIfDue();
    }

    /** Notes a failed read: if H2 closed the database, the next call reopens it. */
    void readFailed(Throwable failure) {
        if (failure instanceof Refusal || !closedByH2(failure)) {
            return;
        }
        synchronized (this) {
            if (closedAt == OPEN) {
                begin(failure);
            } else if (!deadDatabase) {
                deadDatabase = true;
                if (closedByAFailedWrite(failure)) {
                    // A write let through closed it, and this read met the closed database before the
                    // write told it: reopen at once, as the write's report does. No reopen failed.
                    nextReopen = clock.millis();
                } else {
                    // Not a write of ours: a reopen may not help (a broken file), so reopens are paced.
                    failedReopens++;
                    nextReopen = clock.millis() + wait(failedReopens).toMillis();
                }
            }
        }
    }

    /**
     * Whether H2 closed the database because a write to its file failed: the MVStore's "Writing to …
     * failed" anywhere in the cause chain. A read that met the database so closed has it too: H2
     * answers {@code 90098 The database has been closed} with the failed write as its cause.
     */
    static boolean closedByAFailedWrite(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof MVStoreException store && store.getErrorCode() == DataUtils.ERROR_WRITING_FAILED) {
                return true;
            }
        }
        return false;
    }

    /**
     * Notes a failed write: if H2 closed the database, the next call reopens it, and the next write
     * is tried after a wait.
     */
    void writeFailed(Throwable failure) {
        if (failure instanceof Refusal || !closedByH2(failure)) {
            return;
        }
        synchronized (this) {
            if (closedAt == OPEN) {
                begin(failure);
                return;
            }
            long now = clock.millis();
            deadDatabase = true;
            nextReopen = Math.min(nextReopen, now);
            failedWrites++;
            nextWrite = now + wait(failedWrites).toMillis();
        }
    }

    /** The outage begins: reopen at the next call, and try the next write at once. */
    private void begin(Throwable failure) {
        long now = clock.millis();
        closedAt = now;
        closedBy = failure;
        deadDatabase = true;
        nextReopen = now;
        nextWrite = now;
        log.warn("H2 closed the history database {} after it could not use its file ({}); it is reopened by itself for "
                + "reads, and writes are tried again at most every {} s until one commits", file, rootReasonOf(failure),
                MAX_WAIT.toSeconds());
    }

    /**
     * Reopens if the database in the pool is the one H2 closed and a reopen is due; refuses at once
     * if it is not due yet.
     */
    private synchronized void reopenIfDue() throws SQLException {
        refuseIfShutDown();
        if (closedAt == OPEN || !deadDatabase) {
            return;
        }
        long now = clock.millis();
        if (now < nextReopen) {
            throw refusal(closedBy);
        }
        pool.getHikariPoolMXBean().softEvictConnections();
        try {
            probe();
        } catch (SQLException failure) {
            // The store closing, or the caller's interrupt, cut the reopen short: no news about the file,
            // so no failed reopen, and the next call tries again.
            refuseIfShutDown();
            if (Thread.currentThread().isInterrupted()) {
                throw failure;
            }
            failedReopens++;
            nextReopen = now + wait(failedReopens).toMillis();
            if (stillReleasing(failure)) {
                // The closed database did not let go in time: the outage's own text still says it all.
                openFailure = null;
                log.debug("History database {} could not be reopened yet: {}", file, failure.getMessage());
            } else {
                openFailure = rootReasonOf(failure);
                openFailures.failed(openFailure, failure, wait(failedReopens));
            }
            SQLException refused = refusal(closedBy);
            refused.addSuppressed(failure);
            throw refused;
        }
        reopens++;
        deadDatabase = false;
        log.debug("History database {} reopened ({} times since H2 closed it)", file, reopens);
        openFailure = null;
        openFailures.reopened();
    }

    /**
     * Opens the file once outside the pool, waiting (bounded) for the closed database to release it.
     * An interrupted caller opens nothing: H2 takes an interrupt for itself while it waits for a
     * database still closing (its {@code Engine} fails the connect with
     * {@code DATABASE_CALLED_AT_SHUTDOWN} and clears the thread's interrupt), so an interrupt is
     * looked at before each connect and given back after such a failure.
     */
    private void probe() throws SQLException {
        long deadline = System.nanoTime() + RELEASE_PATIENCE.toNanos();
        while (true) {
            refuseIfShutDown();
            if (Thread.currentThread().isInterrupted()) {
                throw interruptedReopen(null);
            }
            try (Connection probe = DriverManager.getConnection(url, user, password)) {
                return;
            } catch (SQLException failure) {
                if (failure.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
                    Thread.currentThread().interrupt();
                    throw interruptedReopen(failure);
                }
                if (!stillReleasing(failure) || System.nanoTime() - deadline >= 0) {
                    throw failure;
                }
            }
            // A connection the pool made meanwhile can only be on the closed database (a new one would
            // have let this probe in): it keeps that database, and its lock, open.
            pool.getHikariPoolMXBean().softEvictConnections();
            try {
                Thread.sleep(RELEASE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interruptedReopen(e);
            }
        }
    }

    private static SQLException interruptedReopen(Throwable cause) {
        return new SQLNonTransientConnectionException("interrupted while reopening the history database", cause);
    }

    /**
     * Makes every later reopen impossible, for the store is closing: without it, a call racing the
     * close could open the file again outside the pool once the pool had let go of it. Waits for a
     * reopen in progress, which gives up before its next attempt to open the file (at most one
     * connect), so that once this returns nothing of the recovery opens the file any more. The
     * call whose reopen it cut short fails as closed with the store, not as a failed reopen.
     */
    void shutDown() {
        shutDown = true;
        synchronized (this) {
            // Nothing to do inside: holding the lock once means no reopen is in progress, and any
            // later one sees the flag (set before the lock was taken).
        }
    }

    /**
     * @throws SQLException if the store was closed ({@link #shutDown()})
     */
    void refuseIfShutDown() throws SQLException {
        if (shutDown) {
            throw new SQLNonTransientConnectionException("the history database " + file + " was closed with the store",
                    "08003");
        }
    }

    /**
     * Whether a connect failed because the closed database still holds the file: it met that
     * database ({@code 90098}, or its closed MVStore), or the file lock it keeps ({@code 90020}, the
     * MVStore's "file is locked"). A file that could not be opened at all is none of these: H2 tells
     * it as {@code 90028 IO Exception} over the MVStore's "Could not open file" and the
     * {@code IOException}, which waiting for a release does not cure.
     */
    static boolean stillReleasing(SQLException failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
                    || sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1)) {
                return true;
            }
            if (cause instanceof MVStoreException store && (store.getErrorCode() == DataUtils.ERROR_FILE_LOCKED
                    || store.getErrorCode() == DataUtils.ERROR_CLOSED)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database behind {@code connection} still answers: false when H2 closed it. A
     * connection is on one database for its life, and H2 opens a file once per JVM, so a connection
     * that answers is on the database the pool has now.
     */
    static boolean stillOpen(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CALL 1");
            return true;
        } catch (SQLException closed) {
            return false;
        }
    }

    /**
     * The failure of a call refused while closed: told as the outage's cause, the same text every
     * time, or, while the last reopen could not open the file, as that.
     */
    private SQLException refusal(Throwable cause) {
        if (openFailure != null) {
            return new Refusal("the history database could not be reopened: " + openFailure + " (H2 had closed it"
                    + " when it could not use its file: " + rootReasonOf(cause)
                    + "); reopening is tried again by itself",
                    cause);
        }
        return new Refusal(explain(cause), cause);
    }

    /** A call the recovery refused: no news about the database, so no failure to note. */
    private static final class Refusal extends SQLNonTransientConnectionException {

        private static final long serialVersionUID = 1L;

        Refusal(String reason, Throwable cause) {
            super(reason, "90098", ErrorCode.DATABASE_IS_CLOSED, cause);
        }
    }

    /** Wait before reopen or write {@code failed + 1}: {@link #FIRST_WAIT}, doubling, at most {@link #MAX_WAIT}. */
    static Duration wait(int failed) {
        long seconds = FIRST_WAIT.toSeconds() << Math.min(Math.max(failed - 1, 0), 16);
        return Duration.ofSeconds(Math.min(seconds, MAX_WAIT.toSeconds()));
    }

    /**
     * A write committed on {@code connection}: if the database had been closed, it works again, said
     * once; but only if the database the write committed on still answers. A commit can land just
     * before another call's failure closes its database and begins an outage (or, during one, marks
     * the reopened database dead): it says nothing about the database after that, so that outage
     * stands and the next call reopens. Checked under the lock, where failures are noted: a database
     * found answering here was not closed before this, and a close after this is a new outage.
     */
    void committed(Connection connection) {
        if (closedAt == OPEN) {
            return; // an outage that begins after this read began after the commit: it stands
        }
        synchronized (this) {
            if (closedAt == OPEN || !stillOpen(connection)) {
                return;
            }
            log.info("History database {} works again: writes commit {} s after H2 closed it ({} reopens)", file,
                    Math.max(0, (clock.millis() - closedAt) / 1000), reopens);
            closedAt = OPEN;
            closedBy = null;
            deadDatabase = false;
            reopens = 0;
            failedReopens = 0;
            failedWrites = 0;
            openFailure = null;
            openFailures.forget();
        }
    }
}
