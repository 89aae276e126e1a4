package dev.tradedesk.store;

import static dev.tradedesk.store.TestBars.MINUTE;
import static dev.tradedesk.store.TestBars.T0;
import static dev.tradedesk.store.TestBars.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.LogCapture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write of the store is on the device when it returns, not only in the operating system's
 * page cache: nothing H2 wrote to the database file is left unforced ({@code FileChannel.force},
 * an fsync), as counted by {@link FullDisk}. A process kill cannot tell the two apart
 * ({@link CrashSafetyTest}); an operating-system crash or a power cut can.
 */
class DurableWriteTest {

    private static final SeriesKey AAPL = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
    private static final SeriesKey MSFT = SeriesKey.of("MSFT", Timeframe.ONE_MINUTE);

    @TempDir
    Path dir;

    @Test
    void anImportedFileIsOnTheDeviceWhenTheWriteReturns() {
        try (FullDisk disk = new FullDisk(dir); StoreFixture fixture = new StoreFixture(dir, disk)) {
            int forcesBefore = disk.forces();

            fixture.store.write(AAPL, minutes(T0, 5_000, 0));

            assertThat(disk.writesNotForced()).as("writes to the database file not yet on the device").isZero();
            assertThat(disk.forces()).isGreaterThan(forcesBefore);
        }
    }

    @Test
    void aLiveBatchAndTheRangesItCoversAreOnTheDeviceWhenTheWriteReturns() {
        try (FullDisk disk = new FullDisk(dir); StoreFixture fixture = new StoreFixture(dir, disk)) {
            for (int cycle = 0; cycle < 3; cycle++) {
                long time = T0 + cycle * MINUTE;
                fixture.store.writeAll(Map.of(AAPL, minutes(time, 1, 0), MSFT, minutes(time, 1, 0)),
                        Map.of(AAPL, List.of(new TimeRange(time, time + MINUTE))));

                assertThat(disk.writesNotForced()).as("unforced writes after cycle %d", cycle).isZero();
            }
        }
    }

    @Test
    void aTrackingStartAndADeleteAreOnTheDeviceWhenTheyReturn() {
        try (FullDisk disk = new FullDisk(dir); StoreFixture fixture = new StoreFixture(dir, disk)) {
            fixture.store.track(AAPL, T0);
            assertThat(disk.writesNotForced()).as("unforced writes after track").isZero();

            fixture.store.write(AAPL, minutes(T0, 10, 0));
            assertThat(fixture.store.deleteSeries(AAPL)).isEqualTo(10);
            assertThat(disk.writesNotForced()).as("unforced writes after the delete").isZero();
        }
    }

    @Test
    void aWriteTheDeviceCannotForceFailsSayingItIsCommittedButMayNotSurviveACrash() {
        try (FullDisk disk = new FullDisk(dir); StoreFixture fixture = new StoreFixture(dir, disk)) {
            disk.failForces();

            assertThatThrownBy(() -> fixture.store.write(AAPL, minutes(T0, 10, 0)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("the bars of " + AAPL + " committed, but could not be forced to the device")
                    .hasMessageContaining("Input/output error");
        }
    }

    @Test
    void aRefusedFlushIsToldAsWhatItIsAndTheCommittedWriteIsReadWithoutReopeningTheDatabase() {
        try (LogCapture logs = new LogCapture(); FullDisk disk = new FullDisk(dir);
                StoreFixture fixture = new StoreFixture(dir, disk)) {
            int opens = disk.databaseOpens();
            disk.failForces();

            for (int write = 0; write < 3; write++) {
                long from = T0 + write * 10 * MINUTE;
                assertThatThrownBy(() -> fixture.store.write(AAPL, minutes(from, 10, 0)))
                        .isInstanceOf(StoreException.class)
                        .hasMessageEndingWith("may lose it): Input/output error")
                        .hasMessageNotContaining("closed").hasMessageNotContaining("disk has room");
                assertThat(fixture.store.range(AAPL, T0, T0 + 29 * MINUTE).size()).as("committed, read after write %d", write)
                        .isEqualTo(10 * (write + 1));
            }

            assertThat(disk.databaseOpens()).as("H2 kept the database open: nothing to reopen").isEqualTo(opens);
            assertThat(logs.lines()).noneMatch(line -> line.contains("H2 closed the history database"));
        }
    }
}
