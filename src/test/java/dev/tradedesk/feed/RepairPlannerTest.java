package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RepairPlannerTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final long NOW = Instant.parse("2026-12-04T19:00:00Z").toEpochMilli();

    /** A ledger whose one missing range of AAPL is {@code gap}. */
    private static BarHistory missing(TimeRange gap) {
        return new BarHistory() {
            @Override
            public OptionalLong lastBarTime(SeriesKey series) {
                return OptionalLong.empty();
            }

            @Override
            public List<TimeRange> missing(SeriesKey series, long from, long until) {
                return series.symbol().equals(AAPL) ? List.of(gap) : List.of();
            }
        };
    }

    @Test
    void aPassMakesAtMostItsRequestsFromTheOldestWindowOnAndLeavesTheRestDue() {
        RepairPlanner planner = new RepairPlanner(missing(new TimeRange(NOW - 100 * 60_000L, NOW)), Timeframe.ONE_MINUTE, 5, 10_000);
        planner.startsAt(AAPL, NOW);

        List<RepairPlanner.Request> first = planner.plan(List.of(AAPL), Map.of());

        assertThat(first).hasSize(RepairPlanner.REQUESTS_PER_PASS);
        assertThat(first.get(0).range()).isEqualTo(new TimeRange(NOW - 100 * 60_000L, NOW - 95 * 60_000L));
        assertThat(first.get(0).symbols()).containsExactly(AAPL);
        assertThat(planner.plan(List.of(AAPL), Map.of())).as("more is missing: the next cycle passes again").isNotEmpty();
    }

    @Test
    @Timeout(5)
    void aGapReachingFarIntoTheFutureIsPlannedAPassAtATimeWithoutWalkingAllOfIt() {
        // A bar dated 9999-12-31 in the store leaves the series "missing" from now until then:
        // about 4 billion one-minute windows.
        long farAhead = Instant.parse("9999-12-31T00:00:00Z").toEpochMilli();
        RepairPlanner planner = new RepairPlanner(missing(new TimeRange(NOW, farAhead)), Timeframe.ONE_MINUTE, 1, 10_000);
        planner.startsAt(AAPL, farAhead);

        List<RepairPlanner.Request> requests = planner.plan(List.of(AAPL), Map.of());

        assertThat(requests).hasSize(RepairPlanner.REQUESTS_PER_PASS);
        assertThat(requests.get(0).range().from()).isEqualTo(NOW);
    }
}
