package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.store.FullDisk;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreException;
import dev.tradedesk.store.StoreOptions;
import dev.tradedesk.testing.LogCapture;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler's view of a store whose device fails: what is stored counts as stored. */
class StoreBarHistoryTest {

    private static final long T0 = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
    private static final SeriesKey AAPL = new SeriesKey(Symbol.of("AAPL"), Timeframe.ONE_MINUTE);
    private static final SeriesKey MSFT = new SeriesKey(Symbol.of("MSFT"), Timeframe.ONE_MINUTE);

    @TempDir
    Path dir;

    @Test
    void aTrackingStartTheDeviceCannotFlushIsStoredAndToldOnceInsteadOfFailingTheNewSymbol() {
        try (LogCapture logs = new LogCapture(); FullDisk disk = new FullDisk(dir);
                HistoryStore store = disk.open(StoreOptions.defaults(dir))) {
            StoreBarHistory history = new StoreBarHistory(store);
            disk.failForces();

            history.track(AAPL, T0, ZoneOffset.UTC);
            history.track(MSFT, T0 + 60_000, ZoneOffset.UTC);

            assertThat(history.trackedSince(AAPL)).as("committed: read back").hasValue(T0);
            assertThat(history.trackedSince(MSFT)).hasValue(T0 + 60_000);
            assertThat(history.tradingDayZone(MSFT)).hasValue(ZoneOffset.UTC);
            assertThat(logs.lines()).filteredOn(line -> line.contains("refused to flush")).as("told once while it repeats")
                    .singleElement().asString()
                    .contains("AAPL 1Min: its tracking start is stored, but the device refused to flush it", "Input/output error");
        }
    }

    @Test
    void aTrackingStartThatWasNotStoredStillFails() {
        try (FullDisk disk = new FullDisk(dir); HistoryStore store = disk.open(StoreOptions.defaults(dir))) {
            StoreBarHistory history = new StoreBarHistory(store);
            disk.fill();

            assertThatThrownBy(() -> history.track(AAPL, T0, ZoneOffset.UTC)).as("the scheduler asks again at its next cycle")
                    .isInstanceOfSatisfying(StoreException.class, failure -> assertThat(failure.committed()).isFalse());
        }
    }
}
