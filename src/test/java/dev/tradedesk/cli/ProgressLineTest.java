package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final StringWriter err = new StringWriter();
    private long now;

    @Test
    void onATerminalOneLineIsRedrawnAtMostEveryTwoHundredMilliseconds() {
        ProgressLine line = new ProgressLine(new PrintWriter(err), () -> now, true);

        line.advance(4_096);
        now += 100_000_000;
        line.advance(4_096);
        assertThat(err.toString()).as("not yet 200 ms").isEmpty();
        now += 100_000_000;
        line.advance(4_096);
        assertThat(err.toString()).isEqualTo("\rimporting: 12,288 bars");

        line.clear();
        assertThat(err.toString()).endsWith("\r" + " ".repeat("importing: 12,288 bars".length()) + "\r");
    }

    @Test
    void offATerminalNothingIsPrinted() {
        ProgressLine line = new ProgressLine(new PrintWriter(err), () -> now, false);
        for (int i = 0; i < 5; i++) {
            now += 1_000_000_000;
            line.advance(10);
        }
        line.clear();
        assertThat(err.toString()).isEmpty();
    }
}
