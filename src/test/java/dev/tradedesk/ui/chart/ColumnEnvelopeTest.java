package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the StochRSI pane's areas end: at stretches with no data wider than a few pixels. */
class ColumnEnvelopeTest {

    @Test
    void anAreaEndsBeforeAStretchWithoutDataWiderThanItJoins() {
        ColumnEnvelope envelope = new ColumnEnvelope();
        assertThat(envelope.breaksBefore(100)).as("nothing collected yet").isFalse();

        envelope.add(10.2, 40, 60);
        envelope.add(11.4, 42, 58);

        assertThat(envelope.breaksBefore(12.1)).as("the next pixel").isFalse();
        assertThat(envelope.breaksBefore(11.4 + ColumnEnvelope.MAX_JOINED_PIXELS)).as("a missing bar or two").isFalse();
        assertThat(envelope.breaksBefore(11.5 + ColumnEnvelope.MAX_JOINED_PIXELS)).as("a closed market").isTrue();
    }
}
