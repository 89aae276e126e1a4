package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the first signal says and decides at each point of an import, on the calling thread. */
class ImportStopPhaseTest {

    private final StringWriter err = new StringWriter();
    private final ImportStop stop = new ImportStop(new PrintWriter(err, true), LoggerFactory.getLogger(ImportStopPhaseTest.class));

    @Test
    void aStopBeforeTheLastChunkWinsAndTheCommitIsRefused() {
        stop.ask();

        assertThat(stop.asked()).isTrue();
        assertThat(stop.commitFirst()).as("no commit after the line said nothing will be imported").isFalse();
        assertThat(err.toString()).startsWith("tradedesk: stopping: nothing will be imported");
    }

    @Test
    void aStopAfterTheLastChunkIsTooLateAndSaysSo() {
        assertThat(stop.commitFirst()).isTrue();

        stop.ask();

        assertThat(stop.asked()).as("the transaction commits: no rollback, no 'nothing was imported'").isFalse();
        assertThat(err.toString()).startsWith("tradedesk: too late to stop:").doesNotContain("nothing will be imported");
    }

    @Test
    void aStopDuringTheCompactionSaysTheBarsAreStoredAndASecondSignalCutsItShort() {
        stop.commitFirst();
        stop.compacting(150_000);

        stop.ask();

        assertThat(stop.compacts()).isTrue();
        assertThat(err.toString()).startsWith("tradedesk: too late to stop: the import is done (150000 bars stored);"
                + " compacting the history database file").contains("a second Ctrl-C or SIGTERM cuts short without losing");
    }
}
