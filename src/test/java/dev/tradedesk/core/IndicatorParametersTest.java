package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndicatorParametersTest {

    @Test
    void defaultsAreTheBotsParameters() {
        IndicatorParameters p = IndicatorParameters.DEFAULTS;
        assertThat(p.rsiPeriod()).isEqualTo(14);
        assertThat(p.stochPeriod()).isEqualTo(14);
        assertThat(p.kSmoothing()).isEqualTo(3);
        assertThat(p.dSmoothing()).isEqualTo(3);
        assertThat(p.atrPeriod()).isEqualTo(14);
        assertThat(p.atrMaPeriod()).isEqualTo(20);
        assertThat(p.baseLower()).isEqualTo(35);
        assertThat(p.baseUpper()).isEqualTo(100);
        assertThat(p.sensitivity()).isEqualTo(0.7);
        assertThat(p.volumePeriod()).isEqualTo(20);
    }

    @Test
    void periodsMustBeAtLeastOne() {
        assertThatThrownBy(() -> new IndicatorParameters(0, 14, 3, 3, 14, 20, 35, 100, 0.7, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid indicator parameters: rsiPeriod must be between 1 and 10000, was 0");
    }

    @Test
    void theStochRsiWindowHoldsAtLeastTwoRsiValuesSinceOneHasNoRange() {
        assertThatThrownBy(() -> new IndicatorParameters(14, 1, 3, 3, 14, 20, 35, 100, 0.7, 20))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("invalid indicator parameters: stochPeriod must be between 2 and 10000, was 1");
        assertThat(new IndicatorParameters(1, 2, 1, 1, 1, 1, 35, 100, 0.7, 1).stochPeriod()).isEqualTo(2);
    }

    @Test
    void sensitivityMustBeInTheHalfOpenUnitInterval() {
        assertThat(new IndicatorParameters(14, 14, 3, 3, 14, 20, 35, 100, 1.0, 20).sensitivity()).isEqualTo(1.0);
        for (double bad : new double[] {0, -0.1, 1.0001, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new IndicatorParameters(14, 14, 3, 3, 14, 20, 35, 100, bad, 20))
                    .hasMessageContaining("sensitivity must be in (0, 1], was " + bad);
        }
    }

    @Test
    void basesMustLieOnTheStochRsiScale() {
        assertThatThrownBy(() -> new IndicatorParameters(14, 14, 3, 3, 14, 20, -1, 100, 0.7, 20))
                .hasMessageContaining("baseLower must be within [0, 100], was -1.0");
        assertThatThrownBy(() -> new IndicatorParameters(14, 14, 3, 3, 14, 20, 35, 100.5, 0.7, 20))
                .hasMessageContaining("baseUpper must be within [0, 100], was 100.5");
        assertThatThrownBy(() -> new IndicatorParameters(14, 14, 3, 3, 14, 20, 60, 40, 0.7, 20))
                .hasMessageContaining("baseLower (60.0) must be below baseUpper (40.0)");
        assertThatThrownBy(() -> new IndicatorParameters(14, 14, 3, 3, 14, 20, Double.NaN, 100, 0.7, 20))
                .hasMessageContaining("baseLower must be within [0, 100], was NaN");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> new IndicatorParameters(0, -1, 3, 3, 14, 20_000, 35, 100, 2, 20))
                .hasMessageContaining("rsiPeriod")
                .hasMessageContaining("stochPeriod")
                .hasMessageContaining("atrMaPeriod must be between 1 and 10000, was 20000")
                .hasMessageContaining("sensitivity");
    }
}
