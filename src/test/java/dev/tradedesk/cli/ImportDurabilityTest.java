package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.store.BarCsvSource;
import dev.tradedesk.store.FullDisk;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code import} on a device that refuses to flush ({@link FullDisk#failForces()}): the command
 * line opens the store on the real file system, so the import itself is run on a store opened on
 * the test's disk, with what it prints as the command prints it.
 */
class ImportDurabilityTest {

    private static final SeriesKey AAPL = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void anImportTheDeviceRefusedToFlushIsToldAsStoredButNotForcedAndFails() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "timestamp,open,high,low,close,volume\n"
                + "2024-01-02T14:30:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T14:31:00Z,10,eleven,9,10.5,100\n"
                + "2024-01-02T14:32:00Z,10.5,12,10,11,200\n", StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        try (FullDisk disk = new FullDisk(data); HistoryStore store = disk.open(StoreOptions.defaults(data))) {
            disk.failForces();

            int exit = importFile(store, in);

            assertThat(exit).as("not acknowledged as durable: a failure").isEqualTo(CommandLine.ExitCode.SOFTWARE);
            assertThat(err.toString()).contains("imported 2 bars into AAPL/1Min (1 row skipped)")
                    .contains("the device refused to flush them (Input/output error)")
                    .contains("stored, but an operating-system crash or power cut may lose them")
                    .doesNotContain("nothing");
            assertThat(out.toString()).as("no success line").isEmpty();
            assertThat(store.readRange(AAPL, Long.MIN_VALUE, Long.MAX_VALUE, new BarColumns(4))).as("what the line says")
                    .isEqualTo(2);
        }
    }

    private int importFile(HistoryStore store, Path in) throws IOException {
        PrintWriter errWriter = new PrintWriter(err, true);
        try (BarCsvSource source = BarCsvSource.open(in, (line, reason) -> { })
                .onlyBarsOf(AAPL.timeframe(), Instant.parse("2024-06-01T00:00:00Z").toEpochMilli())) {
            return ImportCommand.importInto(store, AAPL, in, source, new ProgressLine(errWriter, System::nanoTime, false),
                    new ImportStop(errWriter, LoggerFactory.getLogger(ImportCommand.class)),
                    new ImportCommand.Console(new PrintWriter(out, true), errWriter, LoggerFactory.getLogger(ImportCommand.class)));
        }
    }
}
