package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stop tests' row writer ends when they let go of it, even if no child ever read the pipe. */
class PipeRowsTest {

    @TempDir
    Path dir;

    @Test
    void closingEndsTheWriterWhenNoReaderEverOpenedThePipe() throws Exception {
        Path pipe = PipeRows.namedPipe(dir.resolve("bars.csv"));
        PipeRows rows = PipeRows.start(pipe, 20_000);
        assertThat(rows.writing()).as("waiting in the pipe's open for a reader").isTrue();

        rows.close();

        assertThat(rows.writing()).isFalse();
    }
}
