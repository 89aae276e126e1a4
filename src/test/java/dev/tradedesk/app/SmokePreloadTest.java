package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.store.FullDisk;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke test's chart history: recorded as covered, as the workstation's own stored history is; and on a
 * device that refuses to flush, stored, said so, and the run goes on.
 */
class SmokePreloadTest {

    private static final long T0 = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
    private static final SeriesKey AAPL = new SeriesKey(Symbol.of("AAPL"), Timeframe.ONE_MINUTE);

    @TempDir
    Path dir;

    @Test
    void thePreloadedSpanIsCoveredSoTheSessionsRepairPassLeavesIt() {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            BarColumns bars = new BarColumns(3);
            for (int minute = 0; minute < 3; minute++) {
                bars.add(T0 + minute * 60_000L, 10, 11, 9, 10.5, 100);
            }

            SmokeTest.writePreload(store, AAPL, bars, new PrintWriter(new StringWriter()));

            assertThat(store.missingRanges(AAPL, T0 - 60_000, T0 + 4 * 60_000))
                    .containsExactly(new TimeRange(T0 - 60_000, T0), new TimeRange(T0 + 3 * 60_000, T0 + 4 * 60_000));
        }
    }

    @Test
    void barsTheDeviceCannotFlushAreToldAsStoredNotForcedAndTheRunGoesOn() {
        StringWriter progress = new StringWriter();
        try (FullDisk disk = new FullDisk(dir); HistoryStore store = disk.open(StoreOptions.defaults(dir))) {
            BarColumns bars = new BarColumns(3);
            for (int minute = 0; minute < 3; minute++) {
                bars.add(T0 + minute * 60_000L, 10, 11, 9, 10.5, 100);
            }
            disk.failForces();

            SmokeTest.writePreload(store, AAPL, bars, new PrintWriter(progress));

            assertThat(store.lastTime(AAPL)).as("committed: the chart reads them").hasValue(T0 + 2 * 60_000);
        }
        assertThat(progress.toString()).contains("smoke.preloaded_bars: 3\n")
                .contains("smoke.preloaded_not_forced: the bars of 1 series committed, but could not be forced")
                .contains("Input/output error");
    }
}
