package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Timeframe;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HandoverLedgerTest {

    private static long lookbackStart(Timeframe timeframe, Duration lookback, String now) {
        PriceScheduler.Config config = new PriceScheduler.Config(timeframe, Duration.ofSeconds(1), Duration.ofMillis(100),
                lookback, 2_000);
        return HandoverLedger.lookbackStart(config, Instant.parse(now).toEpochMilli());
    }

    @Test
    void aLookbackOfDaysStartsAtTheStartOfTheExchangesDaySoTheFirstDailyBarIsWhole() {
        // Two days before 15:46 UTC on 5 December is 15:46 on the 3rd: New York's day began at 05:00 UTC.
        assertThat(lookbackStart(Timeframe.ONE_MINUTE, Duration.ofDays(2), "2026-12-05T15:46:20Z"))
                .isEqualTo(Instant.parse("2026-12-03T05:00:00Z").toEpochMilli());
        // Summer time: the day began at 04:00 UTC; 02:00 UTC is still the previous New York day.
        assertThat(lookbackStart(Timeframe.ONE_MINUTE, Duration.ofDays(2), "2026-07-05T02:00:00Z"))
                .isEqualTo(Instant.parse("2026-07-02T04:00:00Z").toEpochMilli());
        // Daily bars are stored on their own grid, which holds the exchange's day.
        assertThat(lookbackStart(Timeframe.ONE_DAY, Duration.ofDays(30), "2026-12-05T15:46:20Z"))
                .isEqualTo(Instant.parse("2026-11-05T00:00:00Z").toEpochMilli());
    }

    @Test
    void aLookbackShorterThanADayStartsOnItsOwnMinute() {
        assertThat(lookbackStart(Timeframe.ONE_MINUTE, Duration.ofHours(3), "2026-03-02T15:00:30Z"))
                .isEqualTo(Instant.parse("2026-03-02T12:00:00Z").toEpochMilli());
    }
}
