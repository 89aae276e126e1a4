package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.BarSnapshot;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import dev.tradedesk.ui.workstation.BarImport;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Import bars, through the real session: into the real providers' history, one transaction. */
class WorkstationImportTest {

    private static final String HEADER = "timestamp,open,high,low,close,volume\n";
    private static final SeriesKey IBM = new SeriesKey(Symbol.of("IBM"), Timeframe.ONE_MINUTE);
    private static final long T0 = Instant.parse("2024-03-04T14:30:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private static String minutes(int count, long from) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < count; i++) {
            csv.append(Instant.ofEpochMilli(from + i * 60_000L)).append(",10,11,9,10.5,").append(100 + i).append('\n');
        }
        return csv.toString();
    }

    private static BarImport.Outcome outcomeOf(BarImport running) throws Exception {
        return running.outcome().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private BarSnapshot stored(SeriesKey key) {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir.resolve("data")))) {
            return store.range(key, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    @Test
    void theBarsGoToTheRealProvidersHistoryTheirBadRowsListedAndTheProgressEndsAtTheWholeFile() throws Exception {
        String csv = minutes(500, T0).replace(Instant.ofEpochMilli(T0 + 60_000) + ",10,11,9,10.5,101",
                Instant.ofEpochMilli(T0 + 60_000) + ",10,11,9,NaN,101");
        Path file = Files.writeString(dir.resolve("ibm.csv"), csv);
        BarImport running;
        BarImport.Outcome outcome;
        try (AppContext context = TestContexts.in(dir); TradeDesk desk = new TradeDesk(context)) {
            desk.prepareWorkstation();
            running = desk.workstation().importBars(file, IBM, ZoneOffset.UTC);
            outcome = outcomeOf(running);
        }
        assertThat(Files.readAllLines(dir.resolve("data").resolve("logs").resolve("tradedesk.log")))
                .filteredOn(line -> line.contains("Import")).satisfiesExactly(
                        skipped -> assertThat(skipped).contains("ibm.csv: skipped line 3: "),
                        imported -> assertThat(imported).contains("Imported " + file + " into IBM/1Min: 499 bars, 1 rows skipped"));

        assertThat(outcome.imported()).isEqualTo(499);
        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(outcome.skippedLines()).singleElement().asString().startsWith("line 3: ");
        assertThat(outcome.charted()).as("the settings name the simulated exchange, which charts its own").isFalse();
        assertThat(running.fraction()).isEqualTo(1.0);
        BarSnapshot bars = stored(IBM);
        assertThat(bars.size()).isEqualTo(499);
        assertThat(bars.time(0)).isEqualTo(T0);
        try (HistoryStore simulated = HistoryStore.open(StoreOptions.defaults(dir.resolve("data").resolve("simulated")))) {
            assertThat(simulated.lastTime(IBM)).as("nothing in the simulated exchange's history").isEmpty();
        }
    }

    @Test
    void timesWithoutAnOffsetAreReadInTheZoneChosen() throws Exception {
        Path file = Files.writeString(dir.resolve("ibm-ny.csv"), HEADER + "2024-03-04 09:30:00,10,11,9,10.5,100\n");
        try (AppContext context = TestContexts.in(dir); TradeDesk desk = new TradeDesk(context)) {
            desk.prepareWorkstation();
            assertThat(outcomeOf(desk.workstation().importBars(file, IBM, ZoneId.of("America/New_York"))).imported())
                    .isEqualTo(1);
        }
        assertThat(stored(IBM).time(0)).isEqualTo(T0);
    }

    @Test
    void aStoppedImportImportsNothingAndLeavesWhatWasStored() throws Exception {
        Path earlier = Files.writeString(dir.resolve("earlier.csv"), minutes(10, T0));
        Path later = Files.writeString(dir.resolve("later.csv"), minutes(50_000, T0 + 10 * 60_000L));
        try (AppContext context = TestContexts.in(dir); TradeDesk desk = new TradeDesk(context)) {
            desk.prepareWorkstation();
            outcomeOf(desk.workstation().importBars(earlier, IBM, ZoneOffset.UTC));

            BarImport running = desk.workstation().importBars(later, IBM, ZoneOffset.UTC);
            running.cancel();

            assertThatThrownBy(() -> outcomeOf(running)).isInstanceOf(CancellationException.class)
                    .hasMessageContaining("later.csv").hasMessageContaining("nothing was imported");
        }
        assertThat(stored(IBM).size()).isEqualTo(10);
    }

    @Test
    void closingTheWindowDuringAnImportImportsAllOrNothingAndClosesCleanly() throws Exception {
        Path file = Files.writeString(dir.resolve("big.csv"), minutes(100_000, T0));
        BarImport running;
        try (AppContext context = TestContexts.in(dir); TradeDesk desk = new TradeDesk(context)) {
            desk.prepareWorkstation();
            running = desk.workstation().importBars(file, IBM, ZoneOffset.UTC);
            while (running.fraction() == 0 && !running.outcome().toCompletableFuture().isDone()) {
                Thread.sleep(1);
            }
        }
        assertThat(running.outcome().toCompletableFuture().isDone()).as("ended before the store closed").isTrue();
        int stored = stored(IBM).size();
        if (running.outcome().toCompletableFuture().isCompletedExceptionally()) {
            assertThatThrownBy(() -> outcomeOf(running)).isInstanceOf(CancellationException.class);
            assertThat(stored).isZero();
        } else {
            assertThat(stored).as("finished before the close asked it to stop").isEqualTo(100_000);
        }
    }

    @Test
    void aFileThatIsNoBarCsvOrHasNoValidRowFailsWithTheReasonAndImportsNothing() throws Exception {
        Path missing = dir.resolve("missing.csv");
        Path notBars = Files.writeString(dir.resolve("notes.csv"), "name,price\nIBM,10\n");
        Path allBad = Files.writeString(dir.resolve("bad.csv"), HEADER + "2024-03-04T14:30:00Z,10,11,9,-1,100\n"
                + "yesterday,10,11,9,10,100\n");
        try (AppContext context = TestContexts.in(dir); TradeDesk desk = new TradeDesk(context)) {
            desk.prepareWorkstation();
            WorkstationSession workstation = desk.workstation();

            assertThatThrownBy(() -> outcomeOf(workstation.importBars(missing, IBM, ZoneOffset.UTC)))
                    .isInstanceOf(ExecutionException.class).cause().hasMessage("no such file: " + missing);
            assertThatThrownBy(() -> outcomeOf(workstation.importBars(notBars, IBM, ZoneOffset.UTC)))
                    .isInstanceOf(ExecutionException.class).cause().hasMessageContaining("notes.csv")
                    .hasMessageContaining("header");
            assertThatThrownBy(() -> outcomeOf(workstation.importBars(allBad, IBM, ZoneOffset.UTC)))
                    .isInstanceOf(ExecutionException.class).cause()
                    .hasMessageStartingWith("no valid bars in " + allBad + " (2 rows skipped, the first at line 2: ")
                    .hasMessageEndingWith("nothing was imported");
        }
        assertThat(stored(IBM).size()).isZero();
    }

    @Test
    void aHistoryHeldByAnotherProcessFailsTheImportWithTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("ibm.csv"), minutes(3, T0));
        try (HistoryStore created = HistoryStore.open(StoreOptions.defaults(dir.resolve("data")))) {
            created.lastTime(IBM); // the file exists, as a `tradedesk record` in a terminal would have it
        }
        // Another process's H2 holds an OS lock on the file (`tradedesk record` running in a terminal);
        // in this JVM an OS lock stands in for it. On the simulator the session has not opened it.
        try (AppContext context = TestContexts.in(dir); TradeDesk desk = new TradeDesk(context);
                FileChannel channel = FileChannel.open(dir.resolve("data").resolve("history.mv.db"),
                        StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            desk.prepareWorkstation();
            assertThatThrownBy(() -> outcomeOf(desk.workstation().importBars(file, IBM, ZoneOffset.UTC)))
                    .isInstanceOf(ExecutionException.class).cause()
                    .hasMessageContaining("history.mv.db is in use by another process");
        }
        assertThat(stored(IBM).size()).isZero();
    }

    @Test
    void onARealProviderTheImportIsWhatTheChartShows() throws Exception {
        Path file = Files.writeString(dir.resolve("ibm.csv"), minutes(3, T0));
        try (AppContext context = TestContexts.in(dir);
                // Alpaca without a key: a real provider that stops at once, with no network.
                TradeDesk desk = new TradeDesk(context, Settings.DEFAULTS.withConnection(ProviderKind.ALPACA,
                        Settings.DEFAULTS.alpaca()))) {
            desk.prepareWorkstation();
            assertThat(outcomeOf(desk.workstation().importBars(file, IBM, ZoneOffset.UTC)).charted()).isTrue();
        }
    }
}
