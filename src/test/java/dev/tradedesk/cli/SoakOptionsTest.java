package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --soak-log} on {@code record} and {@code gui --smoke-test}. */
class SoakOptionsTest {

    @TempDir
    Path dir;

    private CommandRun command;

    @BeforeEach
    void commandLine() {
        command = new CommandRun(dir);
    }

    @Test
    void recordSamplesHeapAndThreadsWhileItRuns() throws Exception {
        Path csv = dir.resolve("soak.csv");
        int exit = command.run("--data-dir", dir.resolve("data").toString(), "record", "--provider", "sim", "--symbols", "AAPL",
                "--speed", "120", "--duration", "2s", "--soak-log", csv.toString(), "--soak-interval", "500ms");
        assertThat(exit).as(command.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(command.out()).contains("stored.total: ", "soak.samples: ",
                "soak.verdict: too short for a warm-up of 300 s");
    }

    @Test
    void aSoakLogIsNeverWrittenOverTheHistoryDatabase() throws Exception {
        Path data = dir.resolve("data");
        assertThat(command.run("--data-dir", data.toString(), "record", "--provider", "sim", "--symbols", "AAPL",
                "--speed", "120", "--duration", "1s")).as(command.err()).isZero();
        Path database = data.resolve("simulated").resolve("history.mv.db");
        byte[] stored = Files.readAllBytes(database);

        CommandRun again = new CommandRun(dir);
        assertThat(again.run("--data-dir", data.toString(), "record", "--provider", "sim", "--symbols", "AAPL",
                "--duration", "1s", "--soak-log", database.toString())).isEqualTo(2);

        assertThat(again.err().lines()).containsExactly("tradedesk: --soak-log: cannot write " + database
                + ": it is in the simulated exchange's history folder " + data.resolve("simulated") + "; give another file");
        assertThat(database).hasBinaryContent(stored);
    }

    @Test
    void theSmokeTestsSoakLogIsNeverWrittenOverTheHistoryDatabase() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path database = data.resolve("history.mv.db");
        byte[] stored = {'H', '2', 0, 1, 2, 3};
        Files.write(database, stored);

        assertThat(command.run("--data-dir", data.toString(), "gui", "--smoke-test", "--duration", "1s", "--soak-log",
                database.toString())).isEqualTo(2);

        assertThat(command.err()).contains("--soak-log: cannot write " + database
                + ": it is a file of TradeDesk's history database in " + data + "; give another file");
        assertThat(database).hasBinaryContent(stored);
    }

    /** What both commands say to {@code --soak-log -}, after "tradedesk: " or in a usage error. */
    private static final String STANDARD_OUTPUT_REFUSED = "--soak-log: - would be standard output, where the command"
            + " prints its own lines; the soak log is a CSV file sampled all through the run: give a file name such as soak.csv";

    @Test
    void recordRefusesASoakLogOnStandardOutput() {
        assertThat(command.run("--data-dir", dir.resolve("data").toString(), "record", "--provider", "sim", "--symbols",
                "AAPL", "--duration", "1s", "--soak-log", "-")).as(command.out()).isEqualTo(2);

        assertThat(command.err().lines()).containsExactly("tradedesk: " + STANDARD_OUTPUT_REFUSED);
        assertThat(command.out()).as("nothing recorded").isEmpty();
        assertThat(Path.of("-")).as("no file named - in the working folder").doesNotExist();
    }

    @Test
    void theSmokeTestRefusesASoakLogOnStandardOutput() {
        assertThat(command.run("--data-dir", dir.resolve("data").toString(), "gui", "--smoke-test", "--duration", "1s",
                "--soak-log", "-")).as(command.out()).isEqualTo(2);

        assertThat(command.err()).contains(STANDARD_OUTPUT_REFUSED);
        assertThat(Path.of("-")).as("no file named - in the working folder").doesNotExist();
    }

    @Test
    void aSoakLogWithoutTheSmokeTestIsAUsageError() {
        assertThat(command.run("gui", "--soak-log", dir.resolve("soak.csv").toString())).isEqualTo(2);
        assertThat(command.err()).contains("--soak-log applies to --smoke-test only");
    }
}
