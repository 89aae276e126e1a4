package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code snapshot --demo} charts one simulated market, whatever span it is asked to show. */
class SnapshotDemoBarsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T20:17:30Z"), ZoneOffset.UTC);
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final long SEED = 42;

    private static BarColumns demo(Timeframe timeframe, int bars) {
        return SnapshotCommand.demoMinuteBars(AAPL, SnapshotCommand.historyMinutes(timeframe, bars), SEED, CLOCK);
    }

    @Test
    void hundredAndThousandHourlyBarsShowTheSamePricesWhereTheyMeet() {
        assertSameWhereTheyOverlap(demo(Timeframe.ONE_HOUR, 100), demo(Timeframe.ONE_HOUR, 1000));
    }

    @Test
    void aDailyDemoIsBuiltFromTheMinutesAMinuteDemoShows() {
        assertSameWhereTheyOverlap(demo(Timeframe.ONE_MINUTE, 300), demo(Timeframe.ONE_DAY, 300));
    }

    private static void assertSameWhereTheyOverlap(BarColumns shorter, BarColumns longer) {
        Map<Long, Integer> longerIndex = new HashMap<>();
        for (int i = 0; i < longer.size(); i++) {
            longerIndex.put(longer.time(i), i);
        }
        int overlapping = 0;
        for (int i = 0; i < shorter.size(); i++) {
            Integer j = longerIndex.get(shorter.time(i));
            if (j == null) {
                continue;
            }
            overlapping++;
            String minute = Instant.ofEpochMilli(shorter.time(i)).toString();
            assertThat(new double[] {shorter.open(i), shorter.high(i), shorter.low(i), shorter.close(i), shorter.volume(i)})
                    .as("OHLCV at %s", minute)
                    .containsExactly(longer.open(j), longer.high(j), longer.low(j), longer.close(j), longer.volume(j));
        }
        assertThat(overlapping).as("minutes both show").isGreaterThan(shorter.size() * 9 / 10);
    }
}
