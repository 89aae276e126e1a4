package dev.tradedesk.store;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.expiry.ExpiryPolicy;
import org.ehcache.impl.internal.TimeSourceConfiguration;

/**
 * Ehcache 3 heap cache of range query results, keyed by (series, from, to). Entries of 1Min and
 * 5Min series live 5 minutes, of longer timeframes 1 hour (the bot's Redis TTLs), measured on
 * the injected clock. The heap is bounded by entry count and by the longest result admitted
 * ({@link StoreOptions#cacheEntries()} × {@link StoreOptions#cacheMaxBars()} × 48 bytes); Ehcache
 * evicts the least valuable entry when full. Values are immutable {@link BarSnapshot}s shared by
 * reference.
 *
 * <p>Never stale after a write: every series has a generation that {@link #invalidate} advances
 * after the write commits. An entry records the generation read <em>before</em> its query ran,
 * and {@link #get} ignores entries of an older generation, so a reader that raced a write can
 * only put an entry no one will ever be served.
 *
 * <p>Built by {@link #start()}, not by the constructor; before that it is a cache that keeps
 * nothing. Thread-safe.
 */
final class BarRangeCache implements AutoCloseable {

    static final Duration SHORT_TTL = Duration.ofMinutes(5);
    static final Duration LONG_TTL = Duration.ofHours(1);
    private static final String CACHE_NAME = "bar-ranges";

    /** A range query: both bounds inclusive. */
    record RangeKey(SeriesKey series, long from, long to) {
    }

    /** A result and the generation of its series when its query started. */
    record Entry(long generation, BarSnapshot bars) {
    }

    private final int maxEntries;
    private final Clock clock;
    private final int maxBars;
    /** Null until {@link #start()}; a null cache serves nothing and keeps nothing. */
    private volatile Cache<RangeKey, Entry> cache;
    private CacheManager manager; // guarded by this
    private boolean closed; // guarded by this
    private final ConcurrentHashMap<SeriesKey, AtomicLong> generations = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** Not started: call {@link #start()} to build the Ehcache cache. */
    BarRangeCache(int maxEntries, int maxBars, Clock clock) {
        this.maxEntries = maxEntries;
        this.maxBars = maxBars;
        this.clock = clock;
    }

    /**
     * Builds the Ehcache cache; until then every {@link #get} is a miss and {@link #put} keeps
     * nothing. Separate from construction because Ehcache's cold start (about 0.35 s of a core,
     * 490 classes) need not delay a window's first frame. Idempotent; does nothing once closed.
     */
    synchronized void start() {
        if (closed || manager != null) {
            return;
        }
        manager = CacheManagerBuilder.newCacheManagerBuilder()
                .using(new TimeSourceConfiguration(clock::millis))
                .withCache(CACHE_NAME, CacheConfigurationBuilder
                        .newCacheConfigurationBuilder(RangeKey.class, Entry.class, ResourcePoolsBuilder.heap(maxEntries))
                        .withExpiry(new TimeframeExpiry()))
                .build(true);
        cache = manager.getCache(CACHE_NAME, RangeKey.class, Entry.class);
    }

    boolean started() {
        return cache != null;
    }

    /** Time to live of a cached range of {@code timeframe}. */
    static Duration timeToLive(Timeframe timeframe) {
        return switch (timeframe) {
            case ONE_MINUTE, FIVE_MINUTES -> SHORT_TTL;
            case FIFTEEN_MINUTES, ONE_HOUR, ONE_DAY -> LONG_TTL;
        };
    }

    /**
     * The series' generation now: read it before querying the database and hand it to
     * {@link #put}.
     */
    long generation(SeriesKey series) {
        AtomicLong generation = generations.get(series);
        return generation == null ? 0 : generation.get();
    }

    /** The cached result for {@code key}, or {@code null} (counted as a miss). */
    BarSnapshot get(RangeKey key) {
        Cache<RangeKey, Entry> started = cache;
        Entry entry = started == null ? null : started.get(key);
        if (entry != null && entry.generation() == generation(key.series())) {
            hits.increment();
            return entry.bars();
        }
        misses.increment();
        return null;
    }

    /**
     * Caches {@code bars}, read by a query that started at {@code generationBeforeRead}, for
     * {@code key}, unless it is longer than the admitted maximum. If the series was written since,
     * the entry is never served ({@link #get} checks the generation) and the next read of the
     * range replaces it.
     */
    void put(RangeKey key, long generationBeforeRead, BarSnapshot bars) {
        Cache<RangeKey, Entry> started = cache;
        if (started != null && bars.size() <= maxBars) {
            started.put(key, new Entry(generationBeforeRead, bars));
        }
    }

    /**
     * Makes every cached range of {@code series} invisible and frees it. Call after a write of the
     * series has committed.
     */
    void invalidate(SeriesKey series) {
        generations.computeIfAbsent(series, key -> new AtomicLong()).incrementAndGet();
        Cache<RangeKey, Entry> started = cache;
        if (started == null) {
            return;
        }
        Set<RangeKey> keys = new HashSet<>();
        for (Cache.Entry<RangeKey, Entry> entry : started) {
            if (entry.getKey().series().equals(series)) {
                keys.add(entry.getKey());
            }
        }
        started.removeAll(keys);
    }

    CacheStats stats() {
        long entries = 0;
        Cache<RangeKey, Entry> started = cache;
        if (started != null) {
            for (Cache.Entry<RangeKey, Entry> ignored : started) {
                entries++;
            }
        }
        return new CacheStats(hits.sum(), misses.sum(), entries);
    }

    @Override
    public synchronized void close() {
        closed = true;
        cache = null;
        if (manager != null) {
            manager.close();
        }
    }

    /** 5 minutes for 1Min and 5Min ranges, 1 hour for the others, from creation or replacement. */
    private static final class TimeframeExpiry implements ExpiryPolicy<RangeKey, Entry> {

        @Override
        public Duration getExpiryForCreation(RangeKey key, Entry value) {
            return timeToLive(key.series().timeframe());
        }

        @Override
        public Duration getExpiryForAccess(RangeKey key, Supplier<? extends Entry> value) {
            return null; // reading does not extend the life of an entry
        }

        @Override
        public Duration getExpiryForUpdate(RangeKey key, Supplier<? extends Entry> oldValue, Entry newValue) {
            return timeToLive(key.series().timeframe());
        }
    }
}
