package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.app.BuildInfo;
import dev.tradedesk.app.HostEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --soak-log} on {@code record} and {@code gui --smoke-test}. */
class SoakOptionsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TradeDeskCommand.commandLine(new HostEnvironment("Linux", dir, Map.of()), new BuildInfo("1.0.0"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    @Test
    void recordSamplesHeapAndThreadsWhileItRuns() throws Exception {
        Path csv = dir.resolve("soak.csv");
        int exit = run("--data-dir", dir.resolve("data").toString(), "record", "--provider", "sim", "--symbols", "AAPL",
                "--speed", "120", "--duration", "2s", "--soak-log", csv.toString(), "--soak-interval", "500ms");
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stored.total: ", "soak.samples: ",
                "soak.verdict: too short for a warm-up of 300 s");
    }

    @Test
    void aSoakLogWithoutTheSmokeTestIsAUsageError() {
        assertThat(run("gui", "--soak-log", dir.resolve("soak.csv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--soak-log applies to --smoke-test only");
    }
}
