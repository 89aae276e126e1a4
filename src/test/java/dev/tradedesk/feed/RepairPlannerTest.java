package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.time.Duration;
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

    /** Passes of the planner until one is made: each call of plan counts a cycle. */
    private static List<RepairPlanner.Request> nextPass(RepairPlanner planner) {
        List<RepairPlanner.Request> requests = List.of();
        for (int cycle = 0; cycle < RepairPlanner.EVERY_CYCLES && requests.isEmpty(); cycle++) {
            requests = planner.plan(List.of(AAPL), Map.of());
        }
        return requests;
    }

    @Test
    void aWindowThatCameBackIncompleteIsAskedAgainAfterGrowingWaitsThenLeftForTheNextStart() {
        TimeRange hole = new TimeRange(NOW - 2 * 60_000L, NOW);
        long[] nanos = {0};
        RepairPlanner planner = new RepairPlanner(missing(hole), Timeframe.ONE_MINUTE, 5, 10_000, () -> nanos[0]);
        planner.startsAt(AAPL, NOW);
        assertThat(nextPass(planner)).extracting(RepairPlanner.Request::range).containsExactly(hole);

        for (int answered = 1; answered < RepairPlanner.ATTEMPTS; answered++) {
            assertThat(planner.incomplete(AAPL, hole)).as("given up after %d", answered).isFalse();
            Duration wait = RepairPlanner.RETRY_AFTER.get(Math.min(answered, RepairPlanner.RETRY_AFTER.size()) - 1);
            nanos[0] += wait.toNanos() - 1;
            assertThat(nextPass(planner)).as("within its wait after %d incomplete answers", answered).isEmpty();
            nanos[0] += 1;
            assertThat(nextPass(planner)).as("after its wait").extracting(RepairPlanner.Request::range).containsExactly(hole);
        }
        assertThat(planner.incomplete(AAPL, hole)).as("the last attempt").isTrue();
        nanos[0] += Duration.ofHours(1).toNanos();
        assertThat(nextPass(planner)).isEmpty();
    }

    @Test
    void aHoleThatGrewAfterItsAttemptsWereSpentIsAskedForWhole() {
        // The minute after a hole given up on went missing too: one window of both, not skipped as the old one.
        TimeRange[] hole = {new TimeRange(NOW - 2 * 60_000L, NOW - 60_000L)};
        BarHistory ledger = new BarHistory() {
            @Override
            public OptionalLong lastBarTime(SeriesKey series) {
                return OptionalLong.empty();
            }

            @Override
            public List<TimeRange> missing(SeriesKey series, long from, long until) {
                return List.of(hole[0]);
            }
        };
        long[] nanos = {0};
        RepairPlanner planner = new RepairPlanner(ledger, Timeframe.ONE_MINUTE, 5, 10_000, () -> nanos[0]);
        planner.startsAt(AAPL, NOW);
        for (int attempt = 0; attempt < RepairPlanner.ATTEMPTS; attempt++) {
            planner.incomplete(AAPL, hole[0]);
        }

        hole[0] = new TimeRange(NOW - 2 * 60_000L, NOW);

        assertThat(nextPass(planner)).extracting(RepairPlanner.Request::range).containsExactly(hole[0]);
    }
}
