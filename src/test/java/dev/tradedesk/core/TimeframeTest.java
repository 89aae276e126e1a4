package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeframeTest {

    @Test
    void parsesAlpacaLabelsCaseInsensitively() {
        assertThat(Timeframe.parse("1Min")).isEqualTo(Timeframe.ONE_MINUTE);
        assertThat(Timeframe.parse("5min")).isEqualTo(Timeframe.FIVE_MINUTES);
        assertThat(Timeframe.parse(" 15Min ")).isEqualTo(Timeframe.FIFTEEN_MINUTES);
        assertThat(Timeframe.parse("1HOUR")).isEqualTo(Timeframe.ONE_HOUR);
        assertThat(Timeframe.parse("1Day")).isEqualTo(Timeframe.ONE_DAY);
    }

    @Test
    void labelAndDurationMatch() {
        assertThat(Timeframe.ONE_HOUR.label()).isEqualTo("1Hour");
        assertThat(Timeframe.ONE_HOUR.millis()).isEqualTo(3_600_000L);
        assertThat(Timeframe.FIVE_MINUTES).hasToString("5Min");
    }

    @Test
    void unknownTimeframeListsTheValidOnes() {
        assertThatThrownBy(() -> Timeframe.parse("2Min"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown timeframe '2Min': use one of 1Min, 5Min, 15Min, 1Hour, 1Day");
    }
}
