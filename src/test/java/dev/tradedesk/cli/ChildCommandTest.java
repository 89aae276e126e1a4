package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child JVM of the stop tests is gone once the test lets go of it, whatever the test asserted. */
class ChildCommandTest {

    @TempDir
    Path dir;

    @Test
    void closingAChildThatStillRunsReturnsOnlyOnceItHasEnded() throws Exception {
        ChildCommand child = ChildCommand.start(dir.resolve("child.err"), "--data-dir", dir.resolve("data").toString(),
                "--config", dir.resolve("settings.json").toString(), "simulate", "--symbols", "AAPL");
        try {
            child.awaitLineStartingWith("Press Ctrl-C to stop.");
        } finally {
            // As a test's try-with-resources closes it when an assertion in it fails, with the child running.
            child.close();
        }

        assertThat(child.alive()).as("still running after close, while JUnit deletes its folder").isFalse();
    }
}
