package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.Timeframe;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The line {@code snapshot} prints names the newest bar it charted as the chart names it. */
class SnapshotSummaryTest {

    /** 19:29 in New York on 1 December, already 2 December in UTC. */
    private static final long EVENING_MINUTE = Instant.parse("2026-12-02T00:29:00Z").toEpochMilli();

    @Test
    void dailyBarsAreNamedByTheirTradingDayInNewYorkNotByAMinute() {
        assertThat(SnapshotCommand.newestBarName(Timeframe.ONE_DAY, EVENING_MINUTE, BarAggregator.NEW_YORK))
                .isEqualTo("2026-12-01");
    }

    @Test
    void dailyBarsOfACryptoMarketAreNamedByTheirUtcDay() {
        assertThat(SnapshotCommand.newestBarName(Timeframe.ONE_DAY, EVENING_MINUTE, ZoneOffset.UTC)).isEqualTo("2026-12-02");
    }

    @Test
    void intradayBarsKeepTheTimeOfTheirNewestMinute() {
        for (Timeframe timeframe : new Timeframe[] {Timeframe.ONE_MINUTE, Timeframe.FIVE_MINUTES,
                Timeframe.FIFTEEN_MINUTES, Timeframe.ONE_HOUR}) {
            assertThat(SnapshotCommand.newestBarName(timeframe, EVENING_MINUTE, BarAggregator.NEW_YORK)).as(timeframe.label())
                    .isEqualTo("2026-12-02T00:29:00Z");
        }
    }
}
