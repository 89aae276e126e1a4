package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code indicators} stopped by a signal in a child JVM while it writes its output, which leaves
 * no temporary file beside it. Its input is a pipe this test writes rows into until the child
 * stops reading, so the output's temporary file exists when the signal comes, whatever the
 * machine's speed. {@code export} makes its temporary file the same way ({@link
 * OutputTarget#temporaryBeside}), but its store cannot be held up like this.
 */
class IndicatorsStopTest {

    /** More than a pipe's buffer holds: once written, the child has read most of them into its output. */
    private static final int ROWS_BEFORE_THE_STOP = 20_000;
    private static final int MOST_ROWS = 5_000_000;

    @TempDir
    Path dir;

    @Test
    void aStoppedRunLeavesNoTemporaryFileAndTheOutputAsItWas() throws Exception {
        Path pipe = dir.resolve("bars.csv");
        assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo makes a named pipe");
        Path target = Files.writeString(dir.resolve("out.csv"), "previous results");
        CountDownLatch primed = new CountDownLatch(1);
        Thread writer = new Thread(() -> writeRows(pipe, primed), "indicators-stop-test-rows");
        writer.setDaemon(true);
        writer.start();

        try (ChildCommand child = ChildCommand.start(dir.resolve("child.err"), "--data-dir", dir.resolve("data").toString(),
                "--config", dir.resolve("settings.json").toString(), "indicators", "--in", pipe.toString(),
                "--out", target.toString())) {
            assertThat(primed.await(ChildCommand.TIMEOUT_SECONDS, TimeUnit.SECONDS)).as(child.stderr()).isTrue();

            child.stop();

            assertThat(child.awaitExit()).as("ended by the signal; stderr:%n%s", child.stderr()).isEqualTo(143);
        }
        writer.join(TimeUnit.SECONDS.toMillis(ChildCommand.TIMEOUT_SECONDS));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no temporary file left").containsExactlyInAnyOrder("bars.csv", "out.csv", "child.err");
        }
        assertThat(target).hasContent("previous results");
    }

    /** Writes rows into the pipe until the reader stops reading it; counts down once the first ones are in. */
    private static void writeRows(Path pipe, CountDownLatch primed) {
        long minute = Instant.parse("2000-01-03T00:00:00Z").toEpochMilli();
        try (BufferedWriter rows = Files.newBufferedWriter(pipe, StandardCharsets.UTF_8)) {
            rows.write("timestamp,open,high,low,close,volume\n");
            for (int i = 0; i < MOST_ROWS; i++) {
                rows.write(Instant.ofEpochMilli(minute + i * 60_000L) + ",10,11,9,10.5,100\n");
                if (i == ROWS_BEFORE_THE_STOP) {
                    rows.flush();
                    primed.countDown();
                }
            }
        } catch (IOException readerGone) {
            // Broken pipe: the child stopped reading, as it should.
        }
    }
}
