package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record} stopped by a signal, as a terminal's Ctrl-C or {@code systemctl stop} stops it, in a child JVM. */
class RecordStopTest {

    private static final String STOPPING = "tradedesk: stopping: storing the bars already received, then closing the"
            + " history database (a second Ctrl-C or SIGTERM ends it at once, keeping the bars stored so far)\n";

    @TempDir
    Path dir;

    @Test
    void aStoppedRecordingClosesItsStoreAndExitsWithItsOwnCode() throws Exception {
        Path data = dir.resolve("data");
        try (ChildCommand child = ChildCommand.start(dir.resolve("child.err"), "--data-dir", data.toString(),
                "--config", dir.resolve("settings.json").toString(), "record", "--provider", "sim", "--symbols", "AAPL")) {
            child.awaitLineStartingWith("recording ");

            child.stop();

            assertThat(child.awaitExit()).as("the run's own exit code, not 143; stdout %s, stderr:%n%s", child.stdout(),
                    child.stderr()).isZero();
            assertThat(child.stdout()).anySatisfy(line -> assertThat(line).startsWith("stored.total: "));
            assertThat(child.stderr()).as("what the stop does, and that a second signal ends it at once").isEqualTo(STOPPING);
        }
        String log = Files.readString(data.resolve("logs").resolve("tradedesk.log"), StandardCharsets.UTF_8);
        assertThat(log).as("the store closed and the log flushed before the JVM ended")
                .contains("History store closed: " + data.resolve("simulated").resolve("history.mv.db"), "TradeDesk stopped");
        assertThat(log).as("said as the signal came, before the close").containsSubsequence("Ctrl-C or SIGTERM: stopping: ",
                "History store closed: ");
    }

    @Test
    void aStopWhileEveryAnswerStallsEndsWellInsideTheStallCountsNoFailureAndKeepsTheStore() throws Exception {
        Path data = dir.resolve("data");
        SeriesKey stored = SeriesKey.of("MSFT", Timeframe.ONE_MINUTE);
        long from = Instant.parse("2026-03-02T14:30:00Z").toEpochMilli();
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(data.resolve("simulated")))) {
            BarColumns bars = new BarColumns(0);
            for (int i = 0; i < 10; i++) {
                bars.add(from + i * 60_000L, 100, 101, 99, 100.5, 10);
            }
            store.writeAll(Map.of(stored, bars));
        }
        // Every answer of the simulated exchange stalls for 12 s (record's read timeout and 2 s); the
        // close waited the session's 10 s grace for the exchange's stalled threads.
        try (ChildCommand child = ChildCommand.start(dir.resolve("child.err"), "--data-dir", data.toString(),
                "--config", dir.resolve("settings.json").toString(), "record", "--provider", "sim", "--symbols", "AAPL",
                "--faults", "1", "--fault-kinds", "stall")) {
            child.awaitLineStartingWith("recording ");
            Thread.sleep(1_000); // its first requests sent, and held at the exchange
            long stopped = System.nanoTime();

            child.stop();

            int exitCode = child.awaitExit();
            Duration stopping = Duration.ofNanos(System.nanoTime() - stopped);
            assertThat(exitCode).as("stdout %s, stderr:%n%s", child.stdout(), child.stderr()).isZero();
            assertThat(stopping).as("ended well inside the stall and the session's grace, not waiting for them")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(child.stdout()).as("the requests in flight were stalled, and their cancelling is no failure")
                    .contains("errors.total: 0").anySatisfy(line -> assertThat(line).matches("faults\\.stall: [1-9]\\d*"));
            assertThat(child.stderr()).isEqualTo(STOPPING);
        }
        String log = Files.readString(data.resolve("logs").resolve("tradedesk.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("History store closed: ").doesNotContain(" ERROR ", "did not finish within");
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(data.resolve("simulated")))) {
            assertThat(store.range(stored, from, from + 10 * 60_000L).size()).as("the bars committed before").isEqualTo(10);
        }
    }
}
