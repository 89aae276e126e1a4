package dev.tradedesk.store;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures the history store on a fresh database in a directory of its own, as
 * {@code tradedesk bench store} reports it: batch ingest, uncached and cached 1,000-bar range
 * queries, and bytes on disk per bar. Bars are a seeded random walk of 1-minute bars with cent
 * prices and whole volumes, like real equity bars. The JIT is warmed up on a throwaway database
 * first, so the figures are steady-state ones. Not thread-safe; run one at a time.
 */
public final class StoreBenchmark {

    /** Bars per range query. */
    public static final int RANGE = 1_000;
    private static final long MINUTE = 60_000L;
    private static final long START = 1_577_836_800_000L; // 2020-01-01T00:00:00Z
    private static final SeriesKey SERIES = SeriesKey.of("BENCH", Timeframe.ONE_MINUTE);
    private static final int WARM_UP_BARS = 200_000;
    private static final int CACHED_RANGES = 64;
    private static final int CACHED_READS = 200_000;

    private final Path directory;
    private final int bars;
    private final int queries;
    private final SplittableRandom random;

    /**
     * @param directory an empty directory for the databases, deleted by the caller
     * @param bars      bars to ingest, at least {@code 2 * RANGE}
     * @param queries   timed range queries, at least 100
     */
    public StoreBenchmark(Path directory, int bars, int queries, long seed) {
        if (bars < 2 * RANGE || queries < 100) {
            throw new IllegalArgumentException("need at least " + 2 * RANGE + " bars and 100 queries");
        }
        this.directory = directory;
        this.bars = bars;
        this.queries = queries;
        this.random = new SplittableRandom(seed);
    }

    /** Runs every measurement; returns {@code key -> value} in report order. */
    public Map<String, String> run() {
        Map<String, String> results = new LinkedHashMap<>();
        BarColumns walk = randomWalk(bars);
        warmUp(walk);
        results.put("store.bars", Integer.toString(bars));
        StoreOptions options = StoreOptions.defaults(directory.resolve("bench"));
        long openStart = System.nanoTime();
        HistoryStore store = HistoryStore.open(options);
        results.put("store.open_ms", format(millisSince(openStart)));
        try {
            long ingestStart = System.nanoTime();
            store.write(SERIES, walk);
            double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;
            results.put("store.ingest.bars_per_s", format(bars / ingestSeconds));
            results.put("store.ingest.seconds", format(ingestSeconds));
            long updateStart = System.nanoTime();
            store.write(SERIES, walk);
            results.put("store.upsert_existing.bars_per_s", format(bars / ((System.nanoTime() - updateStart) / 1e9)));
            long[] uncached = timeUncachedQueries(store, queries);
            results.put("store.query_1000.median_us", format(percentile(uncached, 0.5) / 1e3));
            results.put("store.query_1000.p99_us", format(percentile(uncached, 0.99) / 1e3));
            long[] cached = timeCachedQueries(store);
            results.put("store.cached_query_1000.median_us", format(percentile(cached, 0.5) / 1e3));
            results.put("store.cached_query_1000.p99_us", format(percentile(cached, 0.99) / 1e3));
        } finally {
            store.close();
        }
        results.put("store.disk.bytes_per_bar_before_compact", format((double) size(options.databaseFile()) / bars));
        HistoryStore reopened = HistoryStore.open(options);
        long compactStart = System.nanoTime();
        reopened.compactOnClose();
        reopened.close();
        results.put("store.compact_ms", format(millisSince(compactStart)));
        results.put("store.disk.bytes_per_bar", format((double) size(options.databaseFile()) / bars));
        return results;
    }

    private void warmUp(BarColumns walk) {
        BarColumns head = new BarColumns(Math.min(walk.size(), WARM_UP_BARS));
        for (int i = 0; i < head.capacity(); i++) {
            head.add(walk.time(i), walk.open(i), walk.high(i), walk.low(i), walk.close(i), walk.volume(i));
        }
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(directory.resolve("warm-up")))) {
            store.write(SERIES, head);
            store.write(SERIES, head);
            timeUncachedQueries(store, 2_000);
            timeCachedQueries(store);
        }
    }

    private long[] timeUncachedQueries(HistoryStore store, int count) {
        int stored = Math.toIntExact((store.lastTime(SERIES).orElseThrow() - START) / MINUTE) + 1;
        BarColumns into = new BarColumns(RANGE);
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long from = START + random.nextInt(stored - RANGE + 1) * MINUTE;
            into.clear();
            long start = System.nanoTime();
            int read = store.readRange(SERIES, from, from + (RANGE - 1) * MINUTE, into);
            nanos[i] = System.nanoTime() - start;
            check(read);
        }
        return nanos;
    }

    private long[] timeCachedQueries(HistoryStore store) {
        int stored = Math.toIntExact((store.lastTime(SERIES).orElseThrow() - START) / MINUTE) + 1;
        long[] froms = new long[CACHED_RANGES];
        for (int i = 0; i < froms.length; i++) {
            froms[i] = START + random.nextInt(stored - RANGE + 1) * MINUTE;
            check(store.range(SERIES, froms[i], froms[i] + (RANGE - 1) * MINUTE).size());
        }
        long[] nanos = new long[CACHED_READS];
        for (int i = 0; i < nanos.length; i++) {
            long from = froms[i % froms.length];
            long start = System.nanoTime();
            BarSnapshot read = store.range(SERIES, from, from + (RANGE - 1) * MINUTE);
            nanos[i] = System.nanoTime() - start;
            check(read.size());
        }
        return nanos;
    }

    private static void check(int read) {
        if (read != RANGE) {
            throw new IllegalStateException("a range query returned " + read + " bars instead of " + RANGE);
        }
    }

    /** 1-minute bars from 2020-01-01, prices a random walk in cents around 100, volumes whole numbers. */
    private BarColumns randomWalk(int count) {
        BarColumns walk = new BarColumns(count);
        long cents = 10_000;
        for (int i = 0; i < count; i++) {
            long open = cents;
            long close = Math.max(100, open + random.nextInt(-25, 26));
            long high = Math.max(open, close) + random.nextInt(0, 15);
            long low = Math.max(1, Math.min(open, close) - random.nextInt(0, 15));
            walk.add(START + i * MINUTE, open / 100.0, high / 100.0, low / 100.0, close / 100.0, random.nextInt(100, 50_000));
            cents = close;
        }
        return walk;
    }

    private static double percentile(long[] values, double fraction) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(double value) {
        return value >= 100 ? Long.toString(Math.round(value)) : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
