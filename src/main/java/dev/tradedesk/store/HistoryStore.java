package dev.tradedesk.store;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.PrintableText;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.TimeRange;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every bar the workstation has seen: an embedded H2 file in the data dir behind a HikariCP
 * pool, with an Ehcache read cache in front of range queries. The one entry point to the
 * {@code store} package; the composition root opens it once and closes it on shutdown.
 *
 * <p>Contract: a write returns once its transaction has committed and been forced to the device,
 * and from then on the bars survive the process being killed ({@code kill -9}), an operating-system
 * crash or a power cut (as far as the device honours a flush), and every read, cached or not,
 * sees them. A device that refuses the flush fails the write with a {@link StoreException} that
 * says it was committed. A write is all or nothing: an invalid bar or a failure stores none of its
 * bars. H2 shows a commit
 * to other connections just before it writes it to the file, so a read racing a write can see bars
 * whose write then fails (the disk is full): the writer is told, and no read after the failure
 * shows them, the read cache included. Times are bar open times in epoch milliseconds UTC; range
 * bounds are inclusive.
 *
 * <p>Threads: thread-safe. Meant to be written by one background writer (and the CLI import)
 * and read by the UI and backfill at the same time; writes are serialized inside the store,
 * reads never wait for writes. Calls do blocking I/O: never call them on the JavaFX thread.
 * The store starts no threads of its own; HikariCP's housekeeping threads
 * ({@code tradedesk-store:housekeeper} and others) run until {@link #close()}.
 */
public final class HistoryStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HistoryStore.class);

    /**
     * Bars from which one write or delete is a bulk one: it leaves the file mostly free space, so
     * its caller asks for {@link #compactOnClose()}.
     */
    public static final long BULK_WRITE_BARS = 100_000;

    private final StoreDatabase database;
    private final BarRepository repository;
    private final BarRangeCache cache;
    private volatile boolean compactOnClose;
    private volatile boolean readCacheEnabled = true;
    private final LongAdder uncachedReads = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();

    private HistoryStore(StoreDatabase database, BarRepository repository, BarRangeCache cache) {
        this.database = database;
        this.repository = repository;
        this.cache = cache;
    }

    /**
     * Opens the database (creating and migrating it if needed) and the cache.
     *
     * @throws StoreException if the database cannot be opened, for example because another
     *                        process has it open
     */
    public static HistoryStore open(StoreOptions options) {
        HistoryStore store = openWithReadCacheLater(options);
        store.startReadCache();
        return store;
    }

    /**
     * As {@link #open}, with the read cache built only by {@link #startReadCache()}: until then
     * every range query goes to the database. For a caller that has something more urgent to
     * do with the CPU first, as the workstation has with its first frame.
     */
    public static HistoryStore openWithReadCacheLater(StoreOptions options) {
        return openWithReadCacheLater(options, "");
    }

    /**
     * As {@link #open}, with the database file on H2's file system {@code fileSystem} (a registered
     * {@code org.h2.store.fs.FilePath} scheme with its colon): for tests whose disk fills up.
     */
    static HistoryStore open(StoreOptions options, String fileSystem) {
        HistoryStore store = openWithReadCacheLater(options, fileSystem);
        store.startReadCache();
        return store;
    }

    private static HistoryStore openWithReadCacheLater(StoreOptions options, String fileSystem) {
        StoreDatabase database = StoreDatabase.open(options, fileSystem);
        BarRangeCache cache = new BarRangeCache(options.cacheEntries(), options.cacheMaxBars(), options.clock());
        log.info("History store open: {}", options.databaseFile());
        return new HistoryStore(database, new BarRepository(database, options.writeChunk()), cache);
    }

    /** Builds the read cache, if not yet built (a blocking call of about 0.35 s when cold). Idempotent. */
    public void startReadCache() {
        cache.start();
    }

    /** Whether the read cache has been built ({@link #startReadCache()}); whether it is switched on is {@link #readCacheEnabled()}. */
    public boolean readCacheStarted() {
        return cache.started();
    }

    /**
     * Inserts or updates (same time) every bar in {@code bars} in one transaction.
     *
     * @return the number of bars written
     * @throws IllegalArgumentException if a bar is invalid; nothing is written
     * @throws StoreException           if the database fails; nothing is written
     */
    public long write(SeriesKey key, BarColumns bars) {
        Objects.requireNonNull(bars, "bars");
        return write(key, sourceOf(bars));
    }

    /** Reads {@code bars} chunk by chunk, as a {@link BarSource}. */
    private static BarSource sourceOf(BarColumns bars) {
        int[] next = {0};
        return (chunk, limit) -> {
            int end = Math.min(bars.size(), next[0] + limit);
            for (int i = next[0]; i < end; i++) {
                chunk.add(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            }
            next[0] = end;
        };
    }

    /**
     * Writes the bars of several series in one transaction (all or nothing), as the live pipeline
     * does once per cycle, and invalidates the cached ranges of every series written.
     *
     * @return bars written in total
     */
    public long writeAll(Map<SeriesKey, BarColumns> batch) {
        return writeAll(batch, Map.of());
    }

    /**
     * Writes the bars of several series and records {@code covered} ranges as complete in the
     * completeness ledger, all in one transaction: after a crash, a range is marked covered only
     * if its bars are stored.
     *
     * @return bars written in total
     */
    public long writeAll(Map<SeriesKey, BarColumns> batch, Map<SeriesKey, List<TimeRange>> covered) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(covered, "covered");
        Map<SeriesKey, BarSource> sources = new LinkedHashMap<>();
        batch.forEach((key, bars) -> sources.put(key, sourceOf(bars)));
        Map<SeriesKey, Long> written;
        try {
            written = repository.upsertAll(sources, covered);
        } catch (RuntimeException failed) {
            batch.keySet().forEach(this::forgetSeenBeforeFailure);
            throw failed;
        }
        long total = 0;
        for (Map.Entry<SeriesKey, Long> entry : written.entrySet()) {
            if (entry.getValue() > 0) {
                cache.invalidate(entry.getKey());
                total += entry.getValue();
            }
        }
        return total;
    }

    /**
     * Inserts or updates every bar {@code source} yields in one transaction, pulling it chunk by
     * chunk so memory stays flat however many bars there are. Then invalidates the cached ranges
     * of the series.
     *
     * @return the number of bars written
     * @throws IllegalArgumentException if a bar is invalid; nothing is written
     * @throws StoreException           if the source or the database fails; nothing is written
     */
    public long write(SeriesKey key, BarSource source) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        long written;
        try {
            written = repository.upsert(key, source);
        } catch (RuntimeException failed) {
            forgetSeenBeforeFailure(key);
            throw failed;
        }
        if (written > 0) {
            cache.invalidate(key);
        }
        return written;
    }

    /**
     * Drops the cached ranges of {@code key} after a write of it failed. H2 shows a commit to other
     * connections before it writes it to the file; when that write fails (a full disk), H2 closes
     * the database, and the file it reopens does not have the commit. A read in between could have
     * cached the bars, and the cache would have served them until the series was written again.
     */
    private void forgetSeenBeforeFailure(SeriesKey key) {
        cache.invalidate(key);
    }

    /**
     * The bars of {@code key} with {@code from <= time <= to}, from the cache when it has them
     * (a query before the cache is started is counted as a miss).
     * The result is shared and immutable. An empty range or an unknown series gives
     * {@link BarSnapshot#EMPTY}.
     */
    public BarSnapshot range(SeriesKey key, long from, long to) {
        BarRangeCache.RangeKey rangeKey = new BarRangeCache.RangeKey(Objects.requireNonNull(key, "key"), from, to);
        if (!readCacheEnabled) {
            uncachedReads.increment();
            BarColumns columns = new BarColumns(256);
            repository.readRange(key, from, to, columns);
            return BarSnapshot.copyOf(columns);
        }
        BarSnapshot cached = cache.get(rangeKey);
        if (cached != null) {
            return cached;
        }
        long generation = cache.generation(key);
        BarColumns columns = new BarColumns(256);
        repository.readRange(key, from, to, columns);
        BarSnapshot bars = BarSnapshot.copyOf(columns);
        cache.put(rangeKey, generation, bars);
        return bars;
    }

    /**
     * Appends the bars of {@code key} with {@code from <= time <= to}, in time order, to
     * {@code into}, bypassing the cache (for callers that reuse their columns, and for
     * benchmarks); returns how many.
     */
    public int readRange(SeriesKey key, long from, long to, BarColumns into) {
        return repository.readRange(Objects.requireNonNull(key, "key"), from, to, Objects.requireNonNull(into, "into"));
    }

    /**
     * Hands the bars of {@code key} with {@code from <= time <= to} to {@code consumer} in time
     * order, {@code chunkSize} at a time, from one consistent snapshot, bypassing the cache: for
     * exports and other reads too long to hold at once.
     *
     * @return the number of bars handed over
     * @throws StoreException if the database or the consumer fails
     */
    public long stream(SeriesKey key, long from, long to, int chunkSize, BarChunkConsumer consumer) {
        return repository.stream(Objects.requireNonNull(key, "key"), from, to, chunkSize,
                Objects.requireNonNull(consumer, "consumer"));
    }

    /** The latest {@code count} bars of {@code key} (fewer if it has fewer), in time order. */
    public BarSnapshot latest(SeriesKey key, int count) {
        BarColumns columns = new BarColumns(Math.min(Math.max(count, 0), 4_096));
        repository.readLatest(Objects.requireNonNull(key, "key"), count, columns);
        return BarSnapshot.copyOf(columns);
    }

    /**
     * The bars of {@code key} in the last {@code slots} bar slots of its timeframe up to and
     * including its newest stored bar (fewer where bars are missing), in time order, read like
     * {@link #range}; {@link BarSnapshot#EMPTY} when none is stored. Unlike {@link #latest}, a gap
     * shortens the result rather than reaching further back.
     *
     * @throws IllegalArgumentException if {@code slots} is not positive
     */
    public BarSnapshot newestSpan(SeriesKey key, int slots) {
        if (slots <= 0) {
            throw new IllegalArgumentException("slots must be positive: " + slots);
        }
        OptionalLong newest = lastTime(key);
        if (newest.isEmpty()) {
            return BarSnapshot.EMPTY;
        }
        long last = newest.getAsLong();
        return range(key, last - (slots - 1L) * key.timeframe().millis(), last);
    }

    /** Open time of the first stored bar of {@code key}; empty if there is none. */
    public OptionalLong firstTime(SeriesKey key) {
        return repository.boundaryTime(Objects.requireNonNull(key, "key"), false);
    }

    /** Open time of the last stored bar of {@code key}; empty if there is none. */
    public OptionalLong lastTime(SeriesKey key) {
        return repository.boundaryTime(Objects.requireNonNull(key, "key"), true);
    }

    /**
     * Records that {@code key} is tracked from {@code since} on: missing ranges are counted from
     * there. An earlier start already recorded is kept.
     */
    public void track(SeriesKey key, long since) {
        repository.track(Objects.requireNonNull(key, "key"), since, null);
    }

    /**
     * As {@link #track(SeriesKey, long)}, and records that the series' market trades on the days of
     * {@code tradingDayZone}, as the feed of its provider says: daily bars built from its minutes
     * span those days ({@link #tradingDayZone}).
     */
    public void track(SeriesKey key, long since, ZoneId tradingDayZone) {
        ZoneId zone = Objects.requireNonNull(tradingDayZone, "tradingDayZone").normalized();
        // "UTC" rather than ISO's "Z", for whoever reads the table; read back as the same offset.
        repository.track(Objects.requireNonNull(key, "key"), since, zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
    }

    /**
     * The zone whose days {@code key}'s market trades on, as the feed that tracks it recorded
     * ({@linkplain ZoneId#normalized() normalized}: a fixed offset, such as UTC, as a {@link ZoneOffset}); empty
     * if none did (the series was only imported, or last tracked by a build before the record) or
     * the record names no zone this Java knows, which is logged.
     */
    public Optional<ZoneId> tradingDayZone(SeriesKey key) {
        String recorded = repository.dayZone(Objects.requireNonNull(key, "key"));
        if (recorded == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(recorded).normalized());
        } catch (DateTimeException unknown) {
            log.warn("{}: its market days are recorded in \"{}\", which is no zone this Java knows; taken as unknown",
                    key, PrintableText.of(recorded, 64));
            return Optional.empty();
        }
    }

    /** The completeness ledger of {@code key}: its tracking start and covered ranges overlapping {@code [from, until)}. */
    public SeriesLedger ledger(SeriesKey key, long from, long until) {
        return repository.ledger(Objects.requireNonNull(key, "key"), from, until);
    }

    /** Ranges of {@code [from, until)} from the tracking start on that are not known covered: not yet fetched whole. */
    public List<TimeRange> missingRanges(SeriesKey key, long from, long until) {
        return ledger(key, from, until).missing(from, until);
    }

    /** Deletes the series, all its bars and its ledger; returns how many bars were deleted (0 if unknown). */
    public long deleteSeries(SeriesKey key) {
        Objects.requireNonNull(key, "key");
        try {
            return repository.deleteSeries(key);
        } finally {
            // after a failed delete too: a read may have seen the series gone before it failed
            cache.invalidate(key);
        }
    }

    /**
     * Deletes the bars of {@code key} with {@code from <= time <= to}; the ledger no longer counts
     * that span as covered, so a recording fetches it again. Returns how many bars were deleted.
     */
    public long deleteBetween(SeriesKey key, long from, long to) {
        Objects.requireNonNull(key, "key");
        try {
            return repository.deleteBetween(key, from, to);
        } finally {
            cache.invalidate(key);
        }
    }

    /** How many bars {@code key} has with {@code from <= time <= to}, and their span; empty if none. */
    public Optional<SeriesInfo> span(SeriesKey key, long from, long to) {
        return repository.span(Objects.requireNonNull(key, "key"), from, to);
    }

    /** Every stored series with its bar count and time span; reads every bar key, O(bars). */
    public List<SeriesInfo> listSeries() {
        return repository.listSeries();
    }

    /**
     * Every series the store knows, among them any tracked before its first bar came: read from the
     * series table alone, where {@link #listSeries} reads every bar key.
     */
    public List<SeriesKey> seriesKeys() {
        return repository.seriesKeys();
    }

    /**
     * Bars stored in all series, read from the row count H2 keeps (no bar is read). Taken before and
     * after some writes, it says how many bars they added: the writes themselves cannot, as a bar
     * written again counts as written like a new one.
     */
    public long barCount() {
        return repository.barCount();
    }

    /**
     * Turns the read cache on or off while running (the performance panel's A/B switch). Off, every
     * range query goes to the database and nothing is cached; writes still invalidate, so turning
     * it back on never serves stale data.
     */
    public void setReadCacheEnabled(boolean enabled) {
        readCacheEnabled = enabled;
    }

    public boolean readCacheEnabled() {
        return readCacheEnabled;
    }

    /**
     * Hits and misses of the read cache since the store opened. Reads while it is switched off count
     * as misses: the database answered them, and the hit rate shows the switch's effect.
     */
    public CacheStats cacheStats() {
        CacheStats cached = cache.stats();
        return new CacheStats(cached.hits(), cached.misses() + uncachedReads.sum(), cached.entries());
    }

    /** The H2 database file. */
    public Path databaseFile() {
        return database.file();
    }

    /** Connections borrowed and not yet returned: 0 whenever no call is in progress (tests check leaks). */
    public int activeConnections() {
        return database.activeConnections();
    }

    /**
     * Asks {@link #close()} to rewrite the database file without free space
     * ({@code SHUTDOWN COMPACT}) instead of H2's usual close, which compacts for at most 200 ms.
     * Worth it after a bulk write: H2 writes a large transaction's pages several times before it
     * commits, leaving the file mostly free space until it is compacted or the space is reused.
     * Close then takes time proportional to the stored bars (about 2 s per million measured).
     */
    public void compactOnClose() {
        compactOnClose = true;
    }

    /** Closes the cache and the database (every pooled connection, then the file). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            cache.close();
        } finally {
            if (compactOnClose) {
                long start = System.nanoTime();
                database.closeCompacted();
                log.info("History store closed and compacted in {} ms: {}", (System.nanoTime() - start) / 1_000_000,
                        database.file());
            } else {
                database.close();
                log.info("History store closed: {}", database.file());
            }
        }
    }
}
