package dev.tradedesk.store;

import static dev.tradedesk.store.TestBars.MINUTE;
import static dev.tradedesk.store.TestBars.T0;
import static dev.tradedesk.store.TestBars.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Ehcache read cache in front of range queries, on a real store and a settable clock. */
class ReadCacheTest {

    private static final SeriesKey AAPL_1MIN = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
    private static final SeriesKey AAPL_5MIN = SeriesKey.of("AAPL", Timeframe.FIVE_MINUTES);

    @TempDir
    Path dir;

    private StoreFixture fixture;
    private HistoryStore store;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(dir, options -> options.withCache(16, 50));
        store = fixture.store;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aRepeatedRangeIsServedFromTheCache() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));

        BarSnapshot first = store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE);
        BarSnapshot second = store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE);

        assertThat(second).isSameAs(first);
        assertThat(store.cacheStats()).isEqualTo(new CacheStats(1, 1, 1));
        assertThat(store.cacheStats().hitRatio()).isEqualTo(0.5);
    }

    @Test
    void aCacheStartedLaterServesNothingUntilStartedAndNothingStaleAfter() {
        try (HistoryStore later = HistoryStore.openWithReadCacheLater(StoreFixture.options(dir.resolve("later"),
                new dev.tradedesk.testing.MutableClock(java.time.Instant.EPOCH)).withCache(16, 50))) {
            later.write(AAPL_1MIN, minutes(T0, 10, 0));
            assertThat(later.readCacheStarted()).isFalse();

            BarSnapshot a = later.range(AAPL_1MIN, T0, T0 + 20 * MINUTE);
            BarSnapshot b = later.range(AAPL_1MIN, T0, T0 + 20 * MINUTE);
            assertThat(b).isNotSameAs(a).isEqualTo(a);
            assertThat(a.size()).isEqualTo(10);
            assertThat(later.cacheStats()).as("both read the database").isEqualTo(new CacheStats(0, 2, 0));
            later.write(AAPL_1MIN, minutes(T0 + 10 * MINUTE, 5, 0));

            later.startReadCache();
            later.startReadCache();
            assertThat(later.readCacheStarted()).isTrue();
            BarSnapshot c = later.range(AAPL_1MIN, T0, T0 + 20 * MINUTE);
            assertThat(c.size()).isEqualTo(15);
            assertThat(later.range(AAPL_1MIN, T0, T0 + 20 * MINUTE)).isSameAs(c);
            assertThat(later.cacheStats()).isEqualTo(new CacheStats(1, 3, 1));
        }
    }

    @Test
    void aCacheStartedAfterTheStoreClosedStaysUnbuilt() {
        HistoryStore later = HistoryStore.openWithReadCacheLater(StoreFixture.options(dir.resolve("closed"),
                new dev.tradedesk.testing.MutableClock(java.time.Instant.EPOCH)));
        later.close();
        later.startReadCache();
        assertThat(later.readCacheStarted()).isFalse();
    }

    @Test
    void theCacheCanBeSwitchedOffAndOnWhileRunningWithoutServingStaleBars() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));
        store.range(AAPL_1MIN, T0, T0 + 20 * MINUTE);

        store.setReadCacheEnabled(false);
        BarSnapshot uncachedA = store.range(AAPL_1MIN, T0, T0 + 20 * MINUTE);
        BarSnapshot uncachedB = store.range(AAPL_1MIN, T0, T0 + 20 * MINUTE);
        assertThat(uncachedB).isNotSameAs(uncachedA).isEqualTo(uncachedA);
        assertThat(store.cacheStats()).as("reads while off went to the database").isEqualTo(new CacheStats(0, 3, 1));
        store.write(AAPL_1MIN, minutes(T0 + 10 * MINUTE, 5, 0));

        store.setReadCacheEnabled(true);
        assertThat(store.range(AAPL_1MIN, T0, T0 + 20 * MINUTE).size()).as("the write while off invalidated").isEqualTo(15);
    }

    @Test
    void differentBoundsAreDifferentEntries() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));

        store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE);
        store.range(AAPL_1MIN, T0, T0 + 8 * MINUTE);
        store.range(AAPL_5MIN, T0, T0 + 9 * MINUTE);

        assertThat(store.cacheStats()).isEqualTo(new CacheStats(0, 3, 3));
    }

    @Test
    void aWriteOfTheSeriesInvalidatesItsCachedRanges() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));
        store.write(AAPL_5MIN, minutes(T0, 10, 0));
        store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE);
        store.range(AAPL_5MIN, T0, T0 + 9 * MINUTE);

        store.write(AAPL_1MIN, minutes(T0 + 5 * MINUTE, 1, 4));

        assertThat(store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE).volume(5)).as("fresh after the write").isEqualTo(1_004);
        assertThat(store.cacheStats().entries()).isEqualTo(2);
        store.range(AAPL_5MIN, T0, T0 + 9 * MINUTE);
        assertThat(store.cacheStats().hits()).as("the other series stays cached").isEqualTo(1);
    }

    @Test
    void aWriteThatAddsBarsToAnEmptyCachedRangeShowsThem() {
        assertThat(store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE).isEmpty()).isTrue();

        store.write(AAPL_1MIN, minutes(T0, 3, 0));

        assertThat(store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE).size()).isEqualTo(3);
    }

    @Test
    void aReaderThatRacedAWriteCannotPutStaleBarsBackIntoTheCache() {
        try (BarRangeCache cache = new BarRangeCache(16, 100, fixture.clock)) {
            cache.start();
            BarRangeCache.RangeKey key = new BarRangeCache.RangeKey(AAPL_1MIN, T0, T0 + MINUTE);
            long generationBeforeRead = cache.generation(AAPL_1MIN);
            BarSnapshot readBeforeTheWrite = BarSnapshot.copyOf(minutes(T0, 2, 0));

            cache.invalidate(AAPL_1MIN); // the write commits while the reader's query is running
            cache.put(key, generationBeforeRead, readBeforeTheWrite);

            assertThat(cache.get(key)).isNull();
            cache.put(key, cache.generation(AAPL_1MIN), BarSnapshot.copyOf(minutes(T0, 2, 1)));
            assertThat(cache.get(key)).isEqualTo(BarSnapshot.copyOf(minutes(T0, 2, 1)));
        }
    }

    @Test
    void concurrentReadersNeverSeeABarOlderThanTheLastAcknowledgedWrite() throws Exception {
        int writes = 60;
        AtomicInteger acknowledged = new AtomicInteger(-1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        store.write(AAPL_1MIN, minutes(T0, 20, 0));
        acknowledged.set(0);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        CountDownLatch started = new CountDownLatch(3);
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            running.add(readers.submit(() -> {
                started.countDown();
                while (writing.get()) {
                    int mustSee = acknowledged.get();
                    double version = store.range(AAPL_1MIN, T0, T0 + 19 * MINUTE).volume(19) - 1_000;
                    if (version < mustSee) {
                        violations.add("read version " + version + " after write " + mustSee + " was acknowledged");
                    }
                }
                return null;
            }));
        }
        started.await(10, TimeUnit.SECONDS);
        for (int version = 1; version <= writes; version++) {
            store.write(AAPL_1MIN, minutes(T0, 20, version));
            acknowledged.set(version);
        }
        writing.set(false);
        for (Future<?> reader : running) {
            reader.get(30, TimeUnit.SECONDS);
        }
        readers.shutdown();

        assertThat(violations).isEmpty();
        assertThat(store.cacheStats().hits()).as("the race was exercised with a warm cache").isPositive();
    }

    @Test
    void rangesLongerThanTheAdmittedMaximumAreReadButNotCached() {
        store.write(AAPL_1MIN, minutes(T0, 60, 0));

        assertThat(store.range(AAPL_1MIN, T0, T0 + 59 * MINUTE).size()).isEqualTo(60);
        assertThat(store.range(AAPL_1MIN, T0, T0 + 49 * MINUTE).size()).isEqualTo(50);

        assertThat(store.cacheStats().entries()).isEqualTo(1);
    }

    @Test
    void theCacheHoldsAtMostItsEntryCount() {
        store.write(AAPL_1MIN, minutes(T0, 60, 0));
        for (int i = 0; i < 40; i++) {
            store.range(AAPL_1MIN, T0 + i * MINUTE, T0 + (i + 5) * MINUTE);
        }
        assertThat(store.cacheStats().entries()).isBetween(1L, 16L);
    }

    @Test
    void oneAndFiveMinuteRangesExpireAfterFiveMinutes() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));
        store.write(AAPL_5MIN, minutes(T0, 10, 0));
        store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE);
        store.range(AAPL_5MIN, T0, T0 + 9 * MINUTE);

        fixture.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE);
        store.range(AAPL_5MIN, T0, T0 + 9 * MINUTE);
        assertThat(store.cacheStats().hits()).as("still cached just before 5 minutes").isEqualTo(2);

        fixture.clock.advance(Duration.ofSeconds(2));
        store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE);
        store.range(AAPL_5MIN, T0, T0 + 9 * MINUTE);
        assertThat(store.cacheStats()).as("expired just after").isEqualTo(new CacheStats(2, 4, 2));
    }

    @ParameterizedTest
    @EnumSource(value = Timeframe.class, names = {"FIFTEEN_MINUTES", "ONE_HOUR", "ONE_DAY"})
    void longerTimeframesExpireAfterOneHour(Timeframe timeframe) {
        SeriesKey key = SeriesKey.of("AAPL", timeframe);
        store.write(key, minutes(T0, 10, 0));
        store.range(key, T0, T0 + 9 * MINUTE);

        fixture.clock.advance(Duration.ofMinutes(59));
        store.range(key, T0, T0 + 9 * MINUTE);
        assertThat(store.cacheStats().hits()).as("cached after 59 minutes").isEqualTo(1);

        fixture.clock.advance(Duration.ofMinutes(2));
        store.range(key, T0, T0 + 9 * MINUTE);
        assertThat(store.cacheStats()).as("expired after 61 minutes").isEqualTo(new CacheStats(1, 2, 1));
    }

    @Test
    void timeToLiveFollowsTheTimeframe() {
        assertThat(BarRangeCache.timeToLive(Timeframe.ONE_MINUTE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(BarRangeCache.timeToLive(Timeframe.FIVE_MINUTES)).isEqualTo(Duration.ofMinutes(5));
        assertThat(BarRangeCache.timeToLive(Timeframe.FIFTEEN_MINUTES)).isEqualTo(Duration.ofHours(1));
        assertThat(BarRangeCache.timeToLive(Timeframe.ONE_HOUR)).isEqualTo(Duration.ofHours(1));
        assertThat(BarRangeCache.timeToLive(Timeframe.ONE_DAY)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aCachedResultCannotBeChangedByItsReaders() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));
        BarSnapshot cached = store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE);

        assertThatThrownBy(() -> cached.closes().put(0, -1)).isInstanceOf(ReadOnlyBufferException.class);
        assertThatThrownBy(() -> cached.times().put(0, -1)).isInstanceOf(ReadOnlyBufferException.class);
        BarColumns copy = new BarColumns(10);
        cached.appendTo(copy);
        copy.closesArray()[0] = -1;

        assertThat(store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE).close(0)).isEqualTo(minutes(T0, 1, 0).close(0));
    }
}
