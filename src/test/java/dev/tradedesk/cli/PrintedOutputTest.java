package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.app.BuildInfo;
import dev.tradedesk.app.HostEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command printed to standard output and could not write there. */
class PrintedOutputTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Standard output whose every write fails as {@code reason} says (/dev/full, a closed pipe). */
    private static OutputStream failing(String reason) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(reason);
            }
        };
    }

    private int run(OutputStream stdout, String... args) {
        HostEnvironment host = new HostEnvironment("Linux", dir, Map.of());
        return TradeDeskCommand.commandLine(host, new BuildInfo("1.2.3"), stdout, new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesAFullDiskTookNoneOfEndTheCommandWithExitOneAndTheReason() throws IOException {
        assertThat(run(failing("No space left on device"), "--help")).as(stderr()).isEqualTo(1);
        assertThat(stderr()).isEqualTo("tradedesk: cannot write to standard output: No space left on device; what the command"
                + " printed there is cut short" + System.lineSeparator());
        err.reset();

        // A command's whole output: the missing ranges of a series with a hole.
        Path bars = Files.writeString(dir.resolve("bars.csv"), "timestamp,open,high,low,close,volume\n"
                + "2024-01-02T14:30:00Z,10,11,9,10.5,100\n2024-01-02T14:35:00Z,10,11,9,10.5,100\n");
        String data = dir.resolve("data").toString();
        assertThat(run(new ByteArrayOutputStream(), "--data-dir", data, "import", "--symbol", "AAPL", "--timeframe", "1Min",
                "--in", bars.toString()))
                .as(stderr()).isZero();
        err.reset();
        assertThat(run(failing("No space left on device"), "--data-dir", data, "gaps", "--symbol", "AAPL"))
                .as(stderr()).isEqualTo(1);

        assertThat(stderr()).endsWith("tradedesk: cannot write to standard output: No space left on device; what the command"
                + " printed there is cut short" + System.lineSeparator());
    }

    @Test
    void aReaderThatClosedThePipeChangesNothing() {
        assertThat(run(failing("Broken pipe"), "--version")).isZero();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void linesWrittenChangeNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(run(out, "--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1.2.3");
        assertThat(stderr()).isEmpty();
    }
}
