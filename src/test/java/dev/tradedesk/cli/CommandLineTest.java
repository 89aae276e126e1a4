package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.app.BuildInfo;
import dev.tradedesk.app.HostEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        HostEnvironment host = new HostEnvironment("Linux", home, Map.of());
        return TradeDeskCommand.commandLine(host, new BuildInfo("1.2.3"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionPrintsNameAndVersionAndTouchesNoFile() throws Exception {
        assertThat(run("--version")).isZero();
        assertThat(stdout()).isEqualTo("tradedesk 1.2.3" + System.lineSeparator());
        try (var created = Files.list(home)) {
            assertThat(created).as("--version must not create data or config dirs").isEmpty();
        }
    }

    @Test
    void buildInfoCarriesThePomVersion() {
        assertThat(BuildInfo.load().version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void theHelpOfEachCommandThatTakesCtrlCListsTheExitCodeOfASecondOne() {
        for (String command : List.of("import", "simulate", "record")) {
            out.reset();
            assertThat(run(command, "--help")).isZero();
            assertThat(stdout()).as(command).containsPattern("(?m)^\\s+130, 143\\s+a second Ctrl-C or SIGTERM");
        }
    }

    @Test
    void helpListsGlobalOptionsAndCommands() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("Usage: tradedesk", "--data-dir=DIR", "--config=FILE", "gui", "%APPDATA%\\TradeDesk")
                .doesNotContain("%%");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void theCommandListShowsEachCommandsFirstLineAsAWholeSentence() {
        HostEnvironment host = new HostEnvironment("Linux", home, Map.of());
        var commands = TradeDeskCommand.commandLine(host, new BuildInfo("1.2.3"), System.out, System.err).getSubcommands();
        assertThat(commands).isNotEmpty();
        commands.forEach((name, command) -> {
            String[] description = command.getCommandSpec().usageMessage().description();
            assertThat(description).as(name).isNotEmpty();
            // The command list in --help shows only this line.
            assertThat(description[0]).as(name).endsWith(".");
        });
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run("gui", "--help")).isZero();
        assertThat(stdout()).contains("Usage: tradedesk gui", "--data-dir=DIR");
        out.reset();
        assertThat(run("help", "gui")).isZero();
        assertThat(stdout()).contains("Usage: tradedesk gui");
    }

    @Test
    void aSnapshotSizeOutOfRangeIsNamedWithItsValue() {
        assertThat(run("snapshot", "--symbol", "AAPL", "--demo", "--width", "10", "--out", home.resolve("x.png").toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("--width must be 200 to 4096, not 10").doesNotContain("--bars must");
        assertThat(home.resolve("x.png")).doesNotExist();
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(stderr()).contains("Unknown option: '--bogus'", "Run 'tradedesk --help' for usage.").doesNotContain("Usage:");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("trade-everything")).isEqualTo(2);
        assertThat(stderr()).contains("Unmatched argument at index 0: 'trade-everything'");
    }

    @Test
    void missingOptionValueIsAUsageError() {
        assertThat(run("--data-dir")).isEqualTo(2);
        assertThat(stderr()).contains("Missing required parameter for option '--data-dir'");
    }

    @Test
    void anEmptyDataDirOrSettingsFileIsAUsageError() {
        assertThat(run("--data-dir", "", "gaps", "--symbol", "AAPL")).isEqualTo(2);
        assertThat(stderr()).contains("--data-dir", "an empty path");
        assertThat(run("--config", " ", "gaps", "--symbol", "AAPL")).isEqualTo(2);
        assertThat(stderr()).contains("--config", "an empty path");
        err.reset();
        assertThat(run("--data-dir", "\u00A0", "gaps", "--symbol", "AAPL")).as("a no-break space pasted alone").isEqualTo(2);
        assertThat(stderr()).contains("--data-dir", "an empty path");
    }

    @Test
    void extraArgumentToGuiIsAUsageError() {
        assertThat(run("gui", "now")).isEqualTo(2);
        assertThat(stderr()).contains("Unmatched argument", "'now'");
    }
}
