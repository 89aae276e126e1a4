package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final StringWriter err = new StringWriter();
    private long now;

    private ProgressLine progress(boolean terminal) {
        return new ProgressLine((chunk, limit) -> {
            for (int i = 0; i < limit; i++) {
                chunk.add(i, 1, 1, 1, 1, 1);
            }
        }, new PrintWriter(err), () -> now, terminal);
    }

    @Test
    void onATerminalOneLineIsRedrawnAtMostEveryTwoHundredMilliseconds() throws IOException {
        ProgressLine line = progress(true);
        BarColumns chunk = new BarColumns(4_096);

        line.fill(chunk, 4_096);
        now += 100_000_000;
        chunk.clear();
        line.fill(chunk, 4_096);
        assertThat(err.toString()).as("not yet 200 ms").isEmpty();
        now += 100_000_000;
        chunk.clear();
        line.fill(chunk, 4_096);
        assertThat(err.toString()).isEqualTo("\rimporting: 12,288 bars");

        line.clear();
        assertThat(err.toString()).endsWith("\r" + " ".repeat("importing: 12,288 bars".length()) + "\r");
    }

    @Test
    void offATerminalNothingIsPrinted() throws IOException {
        ProgressLine line = progress(false);
        for (int i = 0; i < 5; i++) {
            now += 1_000_000_000;
            line.fill(new BarColumns(10), 10);
        }
        line.clear();
        assertThat(err.toString()).isEmpty();
    }
}
