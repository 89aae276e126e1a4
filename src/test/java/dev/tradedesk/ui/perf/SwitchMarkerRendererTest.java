package dev.tradedesk.ui.perf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SwitchMarkerRendererTest {

    @Test
    void switchesSecondsApartShowOnlyTheLatestLabelAndFarApartOnesEach() {
        // Two switches 20 px apart (cache off, then on), then one far to the right.
        assertThat(SwitchMarkerRenderer.labelled(new double[] {100, 120, 400}, 1000)).containsExactly(false, true, true);
        assertThat(SwitchMarkerRenderer.labelled(new double[] {100, 300, 500}, 1000)).containsExactly(true, true, true);
        // Near the right edge a label goes left of its line, so it can clash with one to its left.
        assertThat(SwitchMarkerRenderer.labelled(new double[] {930, 990}, 1000)).containsExactly(false, true);
    }
}
