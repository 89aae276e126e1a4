package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record} stopped by a signal, as a terminal's Ctrl-C or {@code systemctl stop} stops it, in a child JVM. */
class RecordStopTest {

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
        }
        String log = Files.readString(data.resolve("logs").resolve("tradedesk.log"), StandardCharsets.UTF_8);
        assertThat(log).as("the store closed and the log flushed before the JVM ended")
                .contains("History store closed: " + data.resolve("simulated").resolve("history.mv.db"), "TradeDesk stopped");
    }
}
