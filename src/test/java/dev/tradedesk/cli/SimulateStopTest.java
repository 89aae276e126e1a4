package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate}, which serves until stopped, stopped by a signal in a child JVM: its normal end. */
class SimulateStopTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedSimulatorClosesItsServerAndExitsZero() throws Exception {
        Path data = dir.resolve("data");
        try (ChildCommand child = ChildCommand.start(dir.resolve("child.err"), "--data-dir", data.toString(),
                "--config", dir.resolve("settings.json").toString(), "simulate", "--symbols", "AAPL")) {
            child.awaitLineStartingWith("Press Ctrl-C to stop.");

            child.stop();

            assertThat(child.awaitExit()).as("stopping is how simulate ends, not 143; stdout %s, stderr:%n%s", child.stdout(),
                    child.stderr()).isZero();
            assertThat(child.stdout()).last().isEqualTo("simulated exchange stopped");
        }
        String log = Files.readString(data.resolve("logs").resolve("tradedesk.log"), StandardCharsets.UTF_8);
        assertThat(log).as("the log flushed before the JVM ended").contains("Simulated exchange stopped", "TradeDesk stopped");
    }
}
