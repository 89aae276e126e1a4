package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A usage error is told in a line and a pointer to the command's help, not buried under its whole usage. */
class UsageErrorsTest {

    @TempDir
    Path dir;

    private CommandRun command;

    @BeforeEach
    void commandLine() {
        command = new CommandRun(dir);
    }

    @Test
    void aMissingOptionIsItsMessageAndAHint() {
        assertThat(command.run("--data-dir", dir.toString(), "snapshot", "--demo", "--out", dir.resolve("x.png").toString()))
                .isEqualTo(2);
        assertThat(command.err().lines()).containsExactly(
                "tradedesk: Missing required option: '--symbol=S'",
                "Run 'tradedesk snapshot --help' for usage.");
        assertThat(command.out()).isEmpty();
    }

    @Test
    void aBadValueIsItsMessageAndAHint() {
        assertThat(command.run("--data-dir", dir.toString(), "snapshot", "--demo", "--symbol", "AAPL", "--bars", "many",
                "--out", dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(command.err()).contains("Invalid value for option '--bars'", "'many'",
                "Run 'tradedesk snapshot --help' for usage.").doesNotContain("Usage:");
        assertThat(command.err().lines()).hasSize(2);
    }

    @Test
    void aValueACommandRefusesBeforeAnyWorkIsItsMessageAndAHint() {
        assertThat(command.run("--data-dir", dir.toString(), "snapshot", "--demo", "--symbol", "AAPL", "--width", "10",
                "--out", dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(command.err().lines()).containsExactly(
                "tradedesk: --width must be 200 to 4096, not 10",
                "Run 'tradedesk snapshot --help' for usage.");
    }

    @Test
    void aSubcommandsHintNamesTheWholeCommand() {
        assertThat(command.run("bench", "indicators", "--bars", "-1x")).isEqualTo(2);
        assertThat(command.err()).contains("Run 'tradedesk bench indicators --help' for usage.").doesNotContain("Usage:");
    }

    @Test
    void aMissingSubcommandNamesTheSubcommands() {
        assertThat(command.run("bench")).isEqualTo(2);
        assertThat(command.err().lines()).containsExactly(
                "tradedesk: Missing required subcommand: indicators, store, pipeline",
                "Run 'tradedesk bench --help' for usage.");
    }

    @Test
    void aSnapshotIntoAMissingFolderSaysSoInOneLine() {
        Path png = dir.resolve("no/such/x.png");
        assertThat(command.run("--data-dir", dir.toString(), "snapshot", "--demo", "--symbol", "AAPL", "--out", png.toString()))
                .isEqualTo(2);
        assertThat(command.err().lines()).containsExactly(
                "tradedesk: cannot write " + png + ": no such folder " + png.getParent());
    }

    @Test
    void aSnapshotToStandardOutputIsRefusedInOneLineAndWritesNoFileNamedDash() {
        assertThat(command.run("--data-dir", dir.toString(), "snapshot", "--symbol", "AAPL", "--out", "-")).isEqualTo(2);
        assertThat(command.err().lines()).containsExactly("tradedesk: --out -: a snapshot is a PNG file and is not written"
                + " to standard output; give a file name such as chart.png");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void commandsThatReadTheStoreRefuseADataDirThatDoesNotExist() {
        Path typo = dir.resolve("no-such-data");
        for (String[] args : new String[][] {
                {"gaps", "--symbol", "AAPL"},
                {"export", "--symbol", "AAPL", "--out", dir.resolve("bars.csv").toString()},
                {"snapshot", "--symbol", "AAPL", "--out", dir.resolve("x.png").toString()}}) {
            String[] line = new String[args.length + 2];
            line[0] = "--data-dir";
            line[1] = typo.toString();
            System.arraycopy(args, 0, line, 2, args.length);
            CommandRun fresh = new CommandRun(dir);
            assertThat(fresh.run(line)).as(args[0]).isEqualTo(2);
            assertThat(fresh.err().lines()).as(args[0]).containsExactly(
                    "tradedesk: --data-dir " + typo + " is no folder: nothing is stored there (record or import makes it)",
                    "Run 'tradedesk " + args[0] + " --help' for usage.");
            assertThat(typo).as("nothing made at the mistyped path").doesNotExist();
        }
    }

    @Test
    void aNegativeDurationIsAUsageError() {
        assertThat(command.run("--data-dir", dir.toString(), "record", "--provider", "sim", "--symbols", "AAPL",
                "--duration", "PT-5S")).isEqualTo(2);
        assertThat(command.err().lines()).containsExactly(
                "tradedesk: Invalid value for option '--duration': 'PT-5S' is negative: give a length of time such as 30s or 10m",
                "Run 'tradedesk record --help' for usage.");
        assertThat(command.out()).as("no run").isEmpty();
    }

    @Test
    void aRunOfNoTimeAtAllIsAUsageError() {
        assertThat(command.run("--data-dir", dir.toString(), "record", "--provider", "sim", "--symbols", "AAPL",
                "--duration", "0s")).isEqualTo(2);
        assertThat(command.err().lines()).containsExactly(
                "tradedesk: Invalid value for option '--duration': '0s' is no time at all: give a length of time such as 30s or 10m",
                "Run 'tradedesk record --help' for usage.");
        assertThat(command.out()).as("no run").isEmpty();
    }

    @Test
    void aSoakIntervalOfNoTimeIsAUsageErrorNotABareException() {
        assertThat(command.run("--data-dir", dir.toString(), "record", "--provider", "sim", "--symbols", "AAPL",
                "--duration", "1s", "--soak-log", dir.resolve("soak.csv").toString(), "--soak-interval", "0s")).isEqualTo(2);
        assertThat(command.err().lines()).containsExactly(
                "tradedesk: Invalid value for option '--soak-interval': '0s' is no time at all: give a length of time such as"
                        + " 30s or 10m",
                "Run 'tradedesk record --help' for usage.");
    }

    @Test
    void zeroStaysAChoiceWhereItMeansSomething() {
        DurationConverter converter = new DurationConverter();
        assertThat(converter.convert("0s")).isZero();
        assertThatThrownBy(() -> new DurationConverter.Positive().convert("PT0S")).hasMessageContaining("no time at all");
    }

    @Test
    void helpIsStillTheWholeUsage() {
        assertThat(command.run("snapshot", "--help")).isZero();
        assertThat(command.out()).startsWith("Usage: tradedesk snapshot").contains("--symbol=S", "--out=FILE.png");
        assertThat(command.err()).isEmpty();
    }
}
