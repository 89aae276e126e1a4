package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BarTest {

    @Test
    void acceptsAConsistentBar() {
        Bar bar = new Bar(1_700_000_000_000L, 10, 11, 9.5, 10.5, 1200);
        assertThat(bar.high()).isEqualTo(11);
        assertThat(Bar.problem(10, 10, 10, 10, 0)).as("flat bar with no volume").isNull();
    }

    @Test
    void rejectsNaNInfiniteZeroAndNegativePrices() {
        assertThat(Bar.problem(Double.NaN, 11, 9, 10, 1)).contains("finite and positive");
        assertThat(Bar.problem(10, Double.POSITIVE_INFINITY, 9, 10, 1)).contains("finite and positive");
        assertThat(Bar.problem(10, 11, 0, 10, 1)).contains("finite and positive");
        assertThat(Bar.problem(10, 11, 9, -10, 1)).contains("finite and positive");
    }

    @Test
    void rejectsInconsistentRanges() {
        assertThat(Bar.problem(10, 9, 11, 10, 1)).isEqualTo("high 9.0 is below low 11.0");
        assertThat(Bar.problem(12, 11, 9, 10, 1)).contains("must lie within [low 9.0, high 11.0]");
        assertThat(Bar.problem(10, 11, 9, 8.9, 1)).contains("must lie within");
        assertThat(Bar.problem(0.0000129, 0.00001295, 0.00001291, 0.00001293, 1))
                .as("a small coin's prices as its file writes them, not as 1.29E-5")
                .isEqualTo("open 0.0000129 and close 0.00001293 must lie within [low 0.00001291, high 0.00001295]");
        assertThat(Bar.problem(10, 11, 9, 10, -60_739_437)).endsWith("was -60739437");
        assertThat(Bar.problem(10, 11, 9, 10, -1e300)).endsWith("was -1.0E300");
    }

    @Test
    void rejectsBadVolume() {
        assertThat(Bar.problem(10, 11, 9, 10, -1)).contains("volume");
        assertThat(Bar.problem(10, 11, 9, 10, Double.NaN)).contains("volume");
        assertThat(Bar.problem(10, 11, 9, 10, Double.POSITIVE_INFINITY)).contains("volume");
    }

    @Test
    void defectsClassifyWhatIsWrong() {
        assertThat(Bar.defect(10, 11, 9, 10, 1)).isNull();
        assertThat(Bar.defect(Double.NaN, 11, 9, 10, 1)).isEqualTo(Bar.Defect.PRICE);
        assertThat(Bar.defect(10, 9, 11, 10, 1)).isEqualTo(Bar.Defect.HIGH_BELOW_LOW);
        assertThat(Bar.defect(12, 11, 9, 10, 1)).isEqualTo(Bar.Defect.OUTSIDE_RANGE);
        assertThat(Bar.defect(10, 11, 9, 10, -1)).isEqualTo(Bar.Defect.VOLUME);
    }

    @Test
    void isValidAgreesWithDefectOnEveryEdge() {
        double[] values = {Double.NaN, Double.NEGATIVE_INFINITY, -1, -0.0, 0, Double.MIN_VALUE, 9, 10, 11,
            Double.MAX_VALUE, Double.POSITIVE_INFINITY};
        for (double open : values) {
            for (double high : values) {
                for (double low : values) {
                    for (double close : values) {
                        for (double volume : values) {
                            assertThat(Bar.isValid(open, high, low, close, volume))
                                    .as("%s %s %s %s %s", open, high, low, close, volume)
                                    .isEqualTo(Bar.defect(open, high, low, close, volume) == null);
                        }
                    }
                }
            }
        }
    }

    @Test
    void constructorNamesTheBarsTime() {
        assertThatThrownBy(() -> new Bar(0, 10, 9, 11, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid bar at 1970-01-01T00:00:00Z: high 9.0 is below low 11.0");
    }
}
