package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @TempDir
    Path dir;

    @Test
    void aStoppedRunLeavesNoTemporaryFileAndTheOutputAsItWas() throws Exception {
        Path pipe = PipeRows.namedPipe(dir.resolve("bars.csv"));
        Path target = Files.writeString(dir.resolve("out.csv"), "previous results");

        // Closed in reverse: the child ends first, then the rows' writer, also when an assertion fails.
        try (PipeRows rows = PipeRows.start(pipe, ROWS_BEFORE_THE_STOP);
                ChildCommand child = ChildCommand.start(dir.resolve("child.err"), "--data-dir",
                        dir.resolve("data").toString(), "--config", dir.resolve("settings.json").toString(), "indicators",
                        "--in", pipe.toString(), "--out", target.toString())) {
            assertThat(rows.awaitPrimed(ChildCommand.TIMEOUT_SECONDS, TimeUnit.SECONDS)).as(child.stderr()).isTrue();

            child.stop();

            assertThat(child.awaitExit()).as("ended by the signal; stderr:%n%s", child.stderr()).isEqualTo(143);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no temporary file left (data holds the run's log)")
                    .containsExactlyInAnyOrder("bars.csv", "out.csv", "child.err", "data");
        }
        assertThat(target).hasContent("previous results");
    }
}
