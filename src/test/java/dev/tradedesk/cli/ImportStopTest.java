package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} stopped by a signal in a child JVM, while it reads its file. The file is a pipe
 * this test writes rows into until the import stops reading, so the import is under way when the
 * signal comes and cannot end on its own first, whatever the machine's speed.
 */
class ImportStopTest {

    private static final String HEADER = "timestamp,open,high,low,close,volume\n";
    /** More than a pipe's buffer holds: once written, the child has read most of them inside its transaction. */
    private static final int ROWS_BEFORE_THE_STOP = 20_000;

    @TempDir
    Path dir;

    @Test
    void aStoppedImportStoresNothingClosesTheStoreAndSaysSo() throws Exception {
        Path data = dir.resolve("data");
        Path settings = dir.resolve("settings.json");
        // As export writes it, to compare with an export afterwards.
        Path stored = Files.writeString(dir.resolve("stored.csv"), HEADER + "2024-01-02T14:30:00Z,10.0,11.0,9.0,10.5,100.0\n");
        CommandRun before = new CommandRun(dir);
        assertThat(before.run("--data-dir", data.toString(), "--config", settings.toString(), "import", "--symbol", "AAPL",
                "--timeframe", "1Min", "--in", stored.toString())).as(before.err()).isZero();
        Path pipe = PipeRows.namedPipe(dir.resolve("rows.csv"));

        // Closed in reverse: the child ends first, then the rows' writer, also when an assertion fails.
        try (PipeRows rows = PipeRows.start(pipe, ROWS_BEFORE_THE_STOP);
                ChildCommand child = ChildCommand.start(dir.resolve("child.err"), "--data-dir", data.toString(),
                        "--config", settings.toString(), "import", "--symbol", "AAPL", "--timeframe", "1Min", "--in",
                        pipe.toString())) {
            assertThat(rows.awaitPrimed(ChildCommand.TIMEOUT_SECONDS, TimeUnit.SECONDS)).as(child.stderr()).isTrue();

            child.stop();

            assertThat(child.awaitExit()).as("stopped before its end: nothing imported, not 143; stderr:%n%s", child.stderr())
                    .isEqualTo(1);
            assertThat(child.stdout()).as("no 'imported:' line").isEmpty();
            assertThat(child.stderr()).startsWith("tradedesk: import of " + pipe + " stopped (Ctrl-C or SIGTERM) after ")
                    .contains(" rows read: nothing was imported (its one transaction was rolled back, so the history is as"
                            + " it was)");
        }
        String log = Files.readString(data.resolve("logs").resolve("tradedesk.log"), StandardCharsets.UTF_8);
        assertThat(log).as("the store closed and the log flushed before the JVM ended")
                .contains("History store closed: " + data.resolve("history.mv.db"), "TradeDesk stopped");
        CommandRun after = new CommandRun(dir);
        Path exported = dir.resolve("after.csv");
        assertThat(after.run("--data-dir", data.toString(), "--config", settings.toString(), "export", "--symbol", "AAPL",
                "--out", exported.toString())).as(after.err()).isZero();
        assertThat(exported).as("what was stored before the import, and only that").hasContent(Files.readString(stored).strip());
    }
}
