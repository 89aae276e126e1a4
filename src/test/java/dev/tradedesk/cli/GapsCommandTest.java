package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradedesk gaps} lists what the completeness ledger says is missing, and only that. */
class GapsCommandTest {

    private static final long T0 = Instant.parse("2026-03-02T14:30:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    private CommandRun command;

    @BeforeEach
    void commandLine() {
        command = new CommandRun(dir);
    }

    @Test
    void listsTheMissingRangeBetweenCoveredOnesButNotARealGap() {
        SeriesKey key = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            store.track(key, T0);
            BarColumns bars = new BarColumns(0);
            for (int i = 0; i < 10; i++) {
                bars.add(T0 + i * MINUTE, 100, 101, 99, 100.5, 10);
            }
            store.writeAll(Map.of(key, bars), Map.of(key, List.of(new TimeRange(T0, T0 + 10 * MINUTE))));
            // Minutes 10-14: fetched whole, no trades (a real gap). Minutes 15-19: never fetched whole.
            store.writeAll(Map.of(), Map.of(key, List.of(new TimeRange(T0 + 10 * MINUTE, T0 + 15 * MINUTE))));
            store.writeAll(Map.of(), Map.of(key, List.of(new TimeRange(T0 + 20 * MINUTE, T0 + 30 * MINUTE))));
        }
        assertThat(command.run("--data-dir", dir.toString(), "gaps", "--symbol", "aapl")).as(command.err()).isZero();
        assertThat(command.out().lines()).contains(
                "tracked_since: 2026-03-02T14:30:00Z",
                "covered_until: 2026-03-02T15:00:00Z",
                "completeness: 0.8333",
                "missing_ranges: 1",
                "missing: 2026-03-02T14:45:00Z … 2026-03-02T14:50:00Z (5 bars)");
        assertThat(command.out()).as("what came after the last recording").contains("not_recorded_since: 2026-03-02T15:00:00Z (");
    }

    @Test
    void aSeriesTrackedButNeverCoveredIsMissingUpToNowNotComplete() {
        SeriesKey key = SeriesKey.of("BTC-USD", Timeframe.ONE_MINUTE);
        long twoDaysAgo = Timeframe.ONE_MINUTE.gridStart(System.currentTimeMillis()) - 2 * 24 * 60 * MINUTE;
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            store.track(key, twoDaysAgo); // a recording started, and never reached the provider
        }
        assertThat(command.run("--data-dir", dir.toString(), "gaps", "--symbol", "BTC-USD")).as(command.err()).isZero();
        assertThat(command.out().lines()).contains("covered_until: nothing covered yet", "completeness: 0.0000",
                "missing_ranges: 1");
        assertThat(command.out()).contains("missing: " + java.time.Instant.ofEpochMilli(twoDaysAgo));
    }

    @Test
    void aStoredSeriesNoRecordingTracksHasNothingKnownMissingAndABadSymbolIsAUsageError() {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            BarColumns bars = new BarColumns(0);
            bars.add(T0, 100, 101, 99, 100.5, 10);
            store.write(SeriesKey.of("MSFT", Timeframe.ONE_MINUTE), bars); // as `import` stores them: untracked
        }
        assertThat(command.run("--data-dir", dir.toString(), "gaps", "--symbol", "MSFT")).as(command.err()).isZero();
        assertThat(command.out()).contains("MSFT/1Min: not tracked");
        assertThat(command.run("--data-dir", dir.toString(), "gaps", "--symbol", "MSFT", "--timeframe", "1Day"))
                .as("daily bars are built from the stored minutes, as export and snapshot build them").isZero();
        assertThat(command.out()).contains("MSFT/1Day: not tracked");
        assertThat(command.run("--data-dir", dir.toString(), "gaps", "--symbol", "../etc")).isEqualTo(2);
    }

    @Test
    void aSymbolWithNothingStoredAndNoLedgerSaysSoOnStandardErrorAndFailsAsExportDoes() throws IOException {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            BarColumns bars = new BarColumns(0);
            bars.add(T0, 100, 101, 99, 100.5, 10);
            store.write(SeriesKey.of("MSFT", Timeframe.ONE_MINUTE), bars);
        }

        assertThat(command.run("--data-dir", dir.toString(), "gaps", "--symbol", "NEVERSTORED")).isEqualTo(1);

        assertThat(command.out()).isEmpty();
        assertThat(command.err().lines()).containsExactly("tradedesk: no stored bars of NEVERSTORED/1Min (history in " + dir
                + "; --simulated reads the built-in exchange's) and no recording tracks it: nothing to report");
        assertThat(Files.readString(dir.resolve("logs/tradedesk.log")))
                .containsOnlyOnce("no stored bars of NEVERSTORED/1Min");
    }
}
