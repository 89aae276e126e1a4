package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.app.Main;
import dev.tradedesk.testing.ChildOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record} stopped by a signal, as a terminal's Ctrl-C or {@code systemctl stop} stops it, in a
 * child JVM: SIGTERM stands for both, as {@link ProcessHandle#destroy} sends it on every Unix and a child
 * of a background job may ignore SIGINT.
 */
class RecordStopTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void aStoppedRecordingClosesItsStoreAndExitsWithItsOwnCode() throws Exception {
        Path data = dir.resolve("data");
        Path stderr = dir.resolve("child.err");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", data.toString(), "--config", dir.resolve("settings.json").toString(),
                "record", "--provider", "sim", "--symbols", "AAPL");
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> ChildOutput.readLines(child, lines), "record-stop-test-stdout");
        reader.setDaemon(true);
        reader.start();
        String first = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (first == null || !first.startsWith("recording ")) {
            child.destroyForcibly();
            throw new AssertionError("did not start recording: " + first + "\nstderr:\n" + ChildOutput.read(stderr));
        }

        child.toHandle().destroy(); // SIGTERM; Process.destroy would close the pipe the summary comes on

        assertThat(child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        List<String> out = new ArrayList<>(lines);
        assertThat(child.exitValue()).as("the run's own exit code, not 143; stdout %s, stderr:%n%s", out, ChildOutput.read(stderr))
                .isZero();
        assertThat(out).anySatisfy(line -> assertThat(line).startsWith("stored.total: "));
        String log = Files.readString(data.resolve("logs").resolve("tradedesk.log"), StandardCharsets.UTF_8);
        assertThat(log).as("the store closed and the log flushed before the JVM ended")
                .contains("History store closed: " + data.resolve("simulated").resolve("history.mv.db"), "TradeDesk stopped");
    }
}
