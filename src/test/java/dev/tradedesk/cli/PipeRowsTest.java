package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stop tests' row writer ends when they let go of it, even if no child ever read the pipe. */
class PipeRowsTest {

    @TempDir
    Path dir;

    @Test
    void closingEndsTheWriterWhenNoReaderEverOpenedThePipe() throws Exception {
        Path pipe = dir.resolve("bars.csv");
        assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo makes a named pipe");
        PipeRows rows = PipeRows.start(pipe, 20_000);
        assertThat(rows.writing()).as("waiting in the pipe's open for a reader").isTrue();

        rows.close();

        assertThat(rows.writing()).isFalse();
    }
}
