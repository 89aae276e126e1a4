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
        assertThat(Timeframe.parse("\u00A05Min\u202F")).as("no-break spaces pasted around it").isEqualTo(Timeframe.FIVE_MINUTES);
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
    void gridStartIsTheOpenOfTheBarHoldingATime() {
        long open = java.time.Instant.parse("2026-03-02T14:35:00Z").toEpochMilli();
        assertThat(Timeframe.ONE_MINUTE.gridStart(open)).isEqualTo(open);
        assertThat(Timeframe.ONE_MINUTE.gridStart(open + 59_999)).isEqualTo(open);
        assertThat(Timeframe.FIVE_MINUTES.gridStart(open + 4 * 60_000 + 1)).isEqualTo(open);
        assertThat(Timeframe.ONE_DAY.gridStart(open)).isEqualTo(java.time.Instant.parse("2026-03-02T00:00:00Z").toEpochMilli());
        assertThat(Timeframe.ONE_MINUTE.gridStart(-1)).as("before the epoch, still the bar's open").isEqualTo(-60_000);
    }

    @Test
    void unknownTimeframeListsTheValidOnes() {
        assertThatThrownBy(() -> Timeframe.parse("2Min"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown timeframe '2Min': use one of 1Min, 5Min, 15Min, 1Hour, 1Day");
    }
}
