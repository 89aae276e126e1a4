package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.app.SimVerification;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lines verify-sim prints of a run. */
class VerifySimReportTest {

    private static String printed(double lowestCompleteness) {
        SimVerification.Report nothingStored = new SimVerification.Report(20, 0, 20, 0, 0, 20, List.of());
        SimVerification.Result result = new SimVerification.Result(nothingStored, Map.of(), 12, 3, 12, 0, 0, false,
                Duration.ofSeconds(30), "backing off", lowestCompleteness);
        StringWriter text = new StringWriter();
        VerifySimCommand.print(new PrintWriter(text), result, 50_000_000_000L);
        return text.toString();
    }

    @Test
    void aRunThatToldNoCompletenessSaysNoneNotNaN() {
        assertThat(printed(Double.NaN).lines()).contains("completeness.lowest: none").noneMatch(line -> line.contains("NaN"));
        assertThat(printed(0.25).lines()).contains("completeness.lowest: 0.25000");
    }
}
