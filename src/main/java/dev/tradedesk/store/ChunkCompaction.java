package dev.tradedesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the file space of chunks that are still partly in use back to H2 while the database is
 * open, so that the file of a session running for days grows with its bars, not with its commits
 * (it holds them three to six times over in the tests, where it held them fifty times over).
 *
 * <p>H2 writes each commit as a new chunk and reuses a chunk's space once none of its pages is in
 * use any more and the retention time has passed. A chunk that still holds one page nobody
 * rewrote (a full leaf of old bars) stays, so with every commit stored at once
 * ({@code WRITE_DELAY=0}, see {@link StoreDatabase}) the file grew by most of a 20 KB chunk per
 * commit until the next open: about 500 MB over 30,000 commits of 8 bars. H2's background writer, which would
 * rewrite such pages, runs only with a write delay, which would give up the durability of each
 * commit. So a commit that finds a compaction due runs the same rewrite H2's writer runs
 * ({@link MVStore#compact}: the live pages of the emptiest chunks older than the retention time
 * are copied into the next chunk), before the store's {@code CHECKPOINT SYNC} writes and forces
 * them. The old chunks then become free as any unused chunk does, after the retention time, so a
 * process killed at any point leaves the file as H2's own crash safety leaves it.
 *
 * <p>The {@link MVStore} is reached through H2's engine classes ({@code JdbcConnection} to
 * {@code SessionLocal} to {@code Store}): H2 offers no SQL for an online compaction. If a later
 * H2 moves them, the compaction fails, is logged once, and the store works on without it
 * ({@code ChunkCompactionTest} fails then, so an upgrade does not go unnoticed).
 *
 * <p>Not thread-safe: called by the writer, under the repository's write lock.
 */
final class ChunkCompaction {

    private static final Logger log = LoggerFactory.getLogger(ChunkCompaction.class);

    /**
     * Chunks that are on average fuller than this are left as they are: the fill rate H2's
     * background writer aims at while the database is busy (its default, 90 %, squared).
     */
    static final int TARGET_FILL_PERCENT = 81;
    /**
     * Most live bytes one compaction copies, the emptiest and oldest chunks first; what is left
     * waits for the next compaction. Four took 5 to 59 ms each on the store's writer thread in a
     * {@code record} run at 60× (docs/PERFORMANCE.md).
     */
    static final int REWRITE_LIMIT_BYTES = 1 << 20;

    private final long intervalNanos;
    private long lastRun = System.nanoTime();
    private boolean failureLogged;

    ChunkCompaction(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Compacts if the interval has passed since the last compaction (or since the database
     * opened). Leaves the rewritten pages in memory, for the caller's next store of the file to
     * write. Never throws: a failure is logged once, until a compaction succeeds again.
     */
    void runIfDue(Connection connection) {
        long now = System.nanoTime();
        if (now - lastRun < intervalNanos) {
            return;
        }
        lastRun = now;
        try {
            boolean rewrote = mvStore(connection).compact(TARGET_FILL_PERCENT, REWRITE_LIMIT_BYTES);
            failureLogged = false;
            if (log.isDebugEnabled()) {
                log.debug("Compaction {} in {} us", rewrote ? "rewrote pages" : "had nothing to rewrite",
                        (System.nanoTime() - now) / 1_000);
            }
        } catch (SQLException | RuntimeException | LinkageError e) {
            if (!failureLogged) {
                failureLogged = true;
                log.warn("Could not compact the history database ({}); until a compaction succeeds, its file may grow"
                        + " while TradeDesk runs, and shrinks again at the next start", StoreException.rootReasonOf(e));
            }
        }
    }

    private static MVStore mvStore(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        Store store = session.getDatabase().getStore();
        if (store == null) {
            throw new IllegalStateException("the database has no file store");
        }
        return store.getMvStore();
    }
}
