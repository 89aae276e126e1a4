package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    /** The line the first signal gets at once, before the import has rolled back. */
    private static final String STOPPING = "tradedesk: stopping: nothing will be imported (its transaction is rolled back);"
            + " closing the input\n";

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
            assertThat(child.stderr()).startsWith(STOPPING + "tradedesk: import of " + pipe + " stopped (Ctrl-C or SIGTERM) after ")
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

    @Test
    void aStopWhileTheInputWritesNothingMoreIsAnsweredAtOnceAndEndsTheImportWithNothingStored() throws Exception {
        Path data = dir.resolve("data");
        Path pipe = PipeRows.namedPipe(dir.resolve("rows.csv"));

        try (PipeRows rows = PipeRows.startThenStall(pipe, ROWS_BEFORE_THE_STOP);
                ChildCommand child = ChildCommand.start(dir.resolve("child.err"), "--data-dir", data.toString(),
                        "--config", dir.resolve("settings.json").toString(), "import", "--symbol", "AAPL", "--timeframe",
                        "1Min", "--in", pipe.toString())) {
            assertThat(rows.awaitPrimed(ChildCommand.TIMEOUT_SECONDS, TimeUnit.SECONDS)).as(child.stderr()).isTrue();

            child.stop();

            assertThat(child.awaitExit()).as("ended by the one signal, its read of the stalled pipe cut short; stderr:%n%s",
                    child.stderr()).isEqualTo(1);
            assertThat(rows.writing()).as("the pipe still open: the import did not end at its end").isTrue();
            assertThat(child.stdout()).isEmpty();
            assertThat(child.stderr()).startsWith(STOPPING + "tradedesk: import of " + pipe + " stopped (Ctrl-C or SIGTERM)"
                    + " after ").contains(" rows read: nothing was imported");
        }
        String log = Files.readString(data.resolve("logs").resolve("tradedesk.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("History store closed: " + data.resolve("history.mv.db"), "TradeDesk stopped");
        assertThat(storedRows(data)).as("nothing stored").isEmpty();
    }

    @Test
    void aStopWhileNoWriterHasOpenedTheNamedPipeIsAnsweredAtOnceAndEndsTheImport() throws Exception {
        Path data = dir.resolve("data");
        Path pipe = PipeRows.namedPipe(dir.resolve("rows.csv"));

        try (ChildCommand child = ChildCommand.start(dir.resolve("child.err"), "--data-dir", data.toString(),
                "--config", dir.resolve("settings.json").toString(), "import", "--symbol", "AAPL", "--timeframe", "1Min",
                "--in", pipe.toString())) {
            // Logged once the signals are taken; the import then waits in the pipe's open for good.
            awaitInLog(data, "; data " + data);

            child.stop();

            assertThat(child.awaitExit()).as("ended by the one signal while the pipe had no writer; stderr:%n%s",
                    child.stderr()).isEqualTo(1);
            assertThat(child.stderr()).isEqualTo(STOPPING + "tradedesk: import of " + pipe + " stopped (Ctrl-C or"
                    + " SIGTERM) after 0 rows read: nothing was imported (its one transaction was rolled back, so the"
                    + " history is as it was)\n");
        }
    }

    @Test
    void aStopWhileStdinHasWrittenNothingIsAnsweredAtOnceAndEndsTheImport() throws Exception {
        Path data = dir.resolve("data");
        Path stdin = Path.of("/dev/stdin");
        assumeTrue(Files.exists(stdin), "/dev/stdin names the process's standard input");

        // The child's stdin is a pipe this test holds open and never writes.
        try (ChildCommand child = ChildCommand.start(dir.resolve("child.err"), "--data-dir", data.toString(),
                "--config", dir.resolve("settings.json").toString(), "import", "--symbol", "AAPL", "--timeframe", "1Min",
                "--in", stdin.toString())) {
            awaitInLog(data, "; data " + data);

            child.stop();

            assertThat(child.awaitExit()).as("ended by the one signal while stdin said nothing; stderr:%n%s",
                    child.stderr()).isEqualTo(1);
            assertThat(child.stderr()).isEqualTo(STOPPING + "tradedesk: import of " + stdin + " stopped (Ctrl-C or"
                    + " SIGTERM) after 0 rows read: nothing was imported (its one transaction was rolled back, so the"
                    + " history is as it was)\n");
        }
    }

    /** Waits until the child's log says {@code text}; the log is written behind the child's work. */
    private static void awaitInLog(Path data, String text) throws IOException, InterruptedException {
        Path log = data.resolve("logs").resolve("tradedesk.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ChildCommand.TIMEOUT_SECONDS);
        while (!Files.exists(log) || !Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in " + log);
            }
            Thread.sleep(20);
        }
    }

    /** The rows an export of AAPL writes: none but the header when nothing is stored. */
    private List<String> storedRows(Path data) throws IOException {
        CommandRun export = new CommandRun(dir);
        Path exported = dir.resolve("exported.csv");
        export.run("--data-dir", data.toString(), "--config", dir.resolve("settings.json").toString(), "export",
                "--symbol", "AAPL", "--out", exported.toString());
        return Files.exists(exported) ? Files.readAllLines(exported).subList(1, Files.readAllLines(exported).size())
                : List.of();
    }
}
