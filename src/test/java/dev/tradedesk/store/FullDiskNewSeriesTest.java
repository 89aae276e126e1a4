package dev.tradedesk.store;

import static dev.tradedesk.store.TestBars.MINUTE;
import static dev.tradedesk.store.TestBars.T0;
import static dev.tradedesk.store.TestBars.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new series' first write on a full disk, after the store reopened its database: the identity of
 * its {@code series} row is flushed by H2's own session from inside the {@code INSERT}, that flush
 * cannot be written, and H2 closes the database within the statement. While another thread reads
 * (the chart's loader, the store writer's completeness read), H2 2.4.240 could then be left spinning
 * at the next statement on that database, for good: the scheduler's thread did, in the pool's
 * rollback of the failed tracking start, in {@code FullDiskRepairSchedulingTest} under load, and here
 * the reading thread does as often (see {@link StoreDatabase#discard}). On H2 2.5.252 it passes
 * with the rollback put back as well, but TradeDesk uses 2.4.240 ({@code SpaceReuseCrashTest} says
 * why), on which this test fails with the rollback put back.
 */
class FullDiskNewSeriesTest {

    private static final SeriesKey AAPL = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
    private static final SeriesKey NVDA = SeriesKey.of("NVDA", Timeframe.ONE_MINUTE);
    /** Each try a race: it hung in about one try in four before the fix, with the reads going on. */
    private static final int TRIES = 20;

    @TempDir
    Path dir;

    @Test
    void aNewSeriesTrackedOnAFullDiskWhileAnotherThreadReadsFailsAndLeavesNoThreadSpinning() throws Exception {
        for (int i = 0; i < TRIES; i++) {
            trackANewSeriesOnAFullDiskWhileReading(dir.resolve("try-" + i));
        }
    }

    private static void trackANewSeriesOnAFullDiskWhileReading(Path directory) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        AtomicBoolean reading = new AtomicBoolean(true);
        try (FullDisk disk = new FullDisk(directory); StoreFixture fixture = new StoreFixture(directory, disk)) {
            HistoryStore store = fixture.store;
            store.track(AAPL, T0);
            store.writeAll(Map.of(AAPL, minutes(T0, 10, 0)), Map.of(AAPL, List.of(new TimeRange(T0, T0 + 10 * MINUTE))));
            disk.fill();
            catchThrowable(() -> store.writeAll(Map.of(AAPL, minutes(T0 + 10 * MINUTE, 1, 0)), Map.of()));
            assertThat(store.lastTime(AAPL)).as("reopened on the full disk").hasValue(T0 + 9 * MINUTE);

            Future<?> reads = threads.submit(() -> {
                while (reading.get()) {
                    catchThrowable(() -> store.lastTime(AAPL));
                }
            });
            // The first write after the failed one is let through, and so reaches H2.
            Future<Throwable> track = threads.submit(() -> catchThrowable(() -> store.track(NVDA, T0)));
            Throwable refused;
            try {
                refused = endedWithin20Seconds(track, "the tracking start");
            } finally {
                reading.set(false);
            }
            endedWithin20Seconds(reads, "a read");
            assertThat(refused).as("the tracking start refused").isInstanceOf(StoreException.class)
                    .hasMessageContaining("No space left on device");

            disk.free();
            fixture.clock.advance(DatabaseRecovery.MAX_WAIT);
            store.track(NVDA, T0);
            assertThat(store.ledger(NVDA, 0, 0).trackedSince()).as("tracked once the disk has room").hasValue(T0);
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> T endedWithin20Seconds(Future<T> call, String what) throws Exception {
        try {
            return call.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException stuck) {
            throw new AssertionError(what + " on the database H2 closed neither failed nor returned within 20 s", stuck);
        }
    }
}
