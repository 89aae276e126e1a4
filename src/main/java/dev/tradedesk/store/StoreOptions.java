package dev.tradedesk.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link HistoryStore} is opened. {@link #defaults(Path)} gives the values the workstation
 * uses; tests and benchmarks change single values with the {@code with...} methods. Immutable.
 *
 * @param directory       where the database file {@value #DATABASE_NAME}{@code .mv.db} lives (the data dir)
 * @param poolSize        most JDBC connections open at once: the store writer, the UI and backfill
 *                        readers, with room to spare
 * @param leakDetection   how long a borrowed connection may be held before HikariCP logs a leak
 *                        with the borrower's stack; {@link Duration#ZERO} turns detection off, else at
 *                        least 2 s (HikariCP's minimum)
 * @param cacheEntries    most range results kept by the read cache
 * @param cacheMaxBars    longest range result the cache keeps; longer ones are read, never cached.
 *                        With {@code cacheEntries} this bounds the cache's heap (48 bytes per bar)
 * @param writeChunk      bars per JDBC batch inside a write transaction: what bounds the memory a
 *                        write needs, however many bars it writes
 * @param pageCacheMb     H2's page cache, in MiB of heap: pages found there are not read and decoded
 *                        again. H2's default, 16 MiB, holds about 300,000 bars; random 1,000-bar
 *                        ranges over a million bars then read 64 pages each from the file
 * @param clock           time source of the cache's expiry and of the pace at which a database H2
 *                        closed (a full disk) is reopened (a settable clock in tests)
 * @param chunkRetention  how long H2 keeps the file space of a chunk no longer in use before it
 *                        writes new chunks there ({@code RETENTION_TIME}); the default is H2's own,
 *                        45 s. Tests shorten it so that a session of seconds reuses space as a
 *                        session of minutes does
 * @param compactionInterval least time between two compactions ({@link ChunkCompaction}), each
 *                        run by the commit that finds one due: they give the space of chunks still
 *                        partly in use back while the database is open. {@link Duration#ZERO}: at
 *                        every commit (tests)
 */
public record StoreOptions(Path directory, int poolSize, Duration leakDetection, int cacheEntries, int cacheMaxBars,
        int writeChunk, int pageCacheMb, Clock clock, Duration chunkRetention, Duration compactionInterval) {

    /** Base name of the H2 database in {@link #directory()}. */
    public static final String DATABASE_NAME = "history";

    public StoreOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(leakDetection, "leakDetection");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(chunkRetention, "chunkRetention");
        Objects.requireNonNull(compactionInterval, "compactionInterval");
        directory = directory.toAbsolutePath().normalize();
        if (directory.toString().contains(";")) {
            throw new IllegalArgumentException("the database directory must not contain ';' (H2 URL syntax): " + directory);
        }
        requireAtLeast("poolSize", poolSize, 1);
        requireAtLeast("cacheEntries", cacheEntries, 1);
        requireAtLeast("cacheMaxBars", cacheMaxBars, 1);
        requireAtLeast("writeChunk", writeChunk, 1);
        requireAtLeast("pageCacheMb", pageCacheMb, 1);
        if (leakDetection.isNegative() || !leakDetection.isZero() && leakDetection.toMillis() < 2000) {
            throw new IllegalArgumentException("leakDetection must be zero (off) or at least 2 s, was " + leakDetection);
        }
        if (chunkRetention.isNegative() || chunkRetention.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("chunkRetention must be between 0 and " + Integer.MAX_VALUE + " ms, was "
                    + chunkRetention);
        }
        if (compactionInterval.isNegative()) {
            throw new IllegalArgumentException("compactionInterval must not be negative, was " + compactionInterval);
        }
    }

    /**
     * The workstation's settings: 4 connections, no leak detection, a read cache of 128 results
     * of up to 8,192 bars each (at most 1,048,576 bars, about 48 MiB of heap; a typical 1,000-bar
     * chart range takes 48 KB), 4,096-bar write batches, a 64 MiB H2 page cache (about a million
     * bars' pages), the system clock, H2's 45 s chunk retention, a compaction at most once a minute.
     */
    public static StoreOptions defaults(Path directory) {
        return new StoreOptions(directory, 4, Duration.ZERO, 128, 8_192, 4_096, 64, Clock.systemUTC(),
                Duration.ofSeconds(45), Duration.ofMinutes(1));
    }

    /** The H2 database file: {@code <directory>/history.mv.db}. */
    public Path databaseFile() {
        return directory.resolve(DATABASE_NAME + ".mv.db");
    }

    public StoreOptions withLeakDetection(Duration threshold) {
        return new StoreOptions(directory, poolSize, threshold, cacheEntries, cacheMaxBars, writeChunk, pageCacheMb, clock,
                chunkRetention, compactionInterval);
    }

    public StoreOptions withCache(int entries, int maxBars) {
        return new StoreOptions(directory, poolSize, leakDetection, entries, maxBars, writeChunk, pageCacheMb, clock,
                chunkRetention, compactionInterval);
    }

    public StoreOptions withWriteChunk(int bars) {
        return new StoreOptions(directory, poolSize, leakDetection, cacheEntries, cacheMaxBars, bars, pageCacheMb, clock,
                chunkRetention, compactionInterval);
    }

    public StoreOptions withClock(Clock cacheClock) {
        return new StoreOptions(directory, poolSize, leakDetection, cacheEntries, cacheMaxBars, writeChunk, pageCacheMb,
                cacheClock, chunkRetention, compactionInterval);
    }

    public StoreOptions withPageCache(int megabytes) {
        return new StoreOptions(directory, poolSize, leakDetection, cacheEntries, cacheMaxBars, writeChunk, megabytes, clock,
                chunkRetention, compactionInterval);
    }

    public StoreOptions withChunkRetention(Duration retention) {
        return new StoreOptions(directory, poolSize, leakDetection, cacheEntries, cacheMaxBars, writeChunk, pageCacheMb, clock,
                retention, compactionInterval);
    }

    public StoreOptions withCompactionInterval(Duration interval) {
        return new StoreOptions(directory, poolSize, leakDetection, cacheEntries, cacheMaxBars, writeChunk, pageCacheMb, clock,
                chunkRetention, interval);
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
    }
}
