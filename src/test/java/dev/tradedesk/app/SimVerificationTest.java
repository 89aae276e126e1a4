package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.sim.FaultKind;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimFaults;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short {@code verify-sim}: every kind of fault at 20% of responses, and the database still
 * equals the simulator's ground truth, bar for bar. Timeouts and retry delays are shortened so
 * that it takes seconds; the code paths are those of {@code record}.
 */
class SimVerificationTest {

    @TempDir
    Path dir;

    @Test
    void aFaultyExchangeStillYieldsACompleteAndExactHistory() throws Exception {
        SessionTuning tuning = SessionTuning.DEFAULTS
                .withTimings(Duration.ofMillis(400), Duration.ofMillis(50), Duration.ofMillis(400))
                .withFaults(new SimFaults(0.2, EnumSet.allOf(FaultKind.class), 3, Duration.ofMillis(700)));
        SimVerification.Run run = new SimVerification.Run(6, 600, 42, Duration.ofSeconds(4), Duration.ofHours(12),
                Optional.of(Duration.ofMillis(150)), Duration.ofSeconds(40), tuning);
        SimVerification.Result result;
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            result = SimVerification.run(run, store, new HostEnvironment("Linux", dir, Map.of()), Clock.systemUTC());
        }
        SimVerification.Report report = result.report();
        assertThat(report.samples()).as("problems").isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(result.caughtUp()).isTrue();
        assertThat(report.expected()).as("12 h of backfill and the recorded minutes, 6 symbols").isGreaterThan(6 * 700);
        assertThat(report.stored()).isEqualTo(report.expected());
        assertThat(report.ledgerMissingRanges()).isZero();
        assertThat(result.lowestCompleteness()).as("what the watchlist shows at the end").isGreaterThan(0.998);
        assertThat(result.faults().values().stream().mapToLong(Long::longValue).sum()).as("faults injected").isPositive();
        assertThat(result.failures()).as("failed requests").isPositive();
    }

    /**
     * The scheduler takes a bar as closed once the market clock has left its minute, so the check
     * must expect the last closed bar even when nothing has traded yet in the frozen minute (then
     * the exchange's "latest" bar is that closed bar, not a forming one).
     */
    @Test
    void theLastClosedBarIsExpectedEvenWhenTheFrozenMinuteHasNoTrades() {
        Symbol symbol = Symbol.of("AAPL");
        SeriesKey key = new SeriesKey(symbol, Timeframe.ONE_MINUTE);
        Instant historyStart = Instant.parse("2026-11-20T00:00:00Z");
        long since = historyStart.toEpochMilli();
        long quietMinute = firstMinuteWithoutTrades(marketFrozenAt(historyStart, since + Duration.ofDays(5).toMillis()),
                symbol, since);
        SimulatedMarket market = marketFrozenAt(historyStart, quietMinute + 5_000);
        BarColumns closed = new BarColumns(0);
        market.closedMinuteBars(symbol, since, quietMinute - 1, closed);
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            store.track(key, since);
            store.writeAll(Map.of(key, closed), Map.of(key, List.of(new TimeRange(since, quietMinute))));

            SimVerification.Report complete = SimVerification.compare(store, market, List.of(symbol));
            assertThat(complete.samples()).isEmpty();
            assertThat(complete.expected()).isEqualTo(closed.size()).isEqualTo(complete.stored());
            assertThat(closed.time(closed.size() - 1)).as("the bar just before the quiet minute").isEqualTo(quietMinute - 60_000);

            BarColumns early = new BarColumns(1);
            early.add(quietMinute, 100, 101, 99, 100, 10);
            store.write(key, early);
            SimVerification.Report formingStored = SimVerification.compare(store, market, List.of(symbol));
            assertThat(formingStored.wrong()).isEqualTo(1);
            assertThat(formingStored.samples()).containsExactly("AAPL " + Instant.ofEpochMilli(quietMinute)
                    + ": stored but never served as closed");
        }
    }

    private static SimulatedMarket marketFrozenAt(Instant historyStart, long simulatedNow) {
        Clock stopped = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        return new SimulatedMarket(42, historyStart, new SimClock(stopped, Instant.ofEpochMilli(simulatedNow), 1.0),
                List.of(Symbol.of("AAPL")), false);
    }

    /** The first minute after {@code since} in which the simulated symbol has no bar (0.3 % of minutes). */
    private static long firstMinuteWithoutTrades(SimulatedMarket market, Symbol symbol, long since) {
        BarColumns bars = new BarColumns(0);
        market.closedMinuteBars(symbol, since, market.nowMillis() - 1, bars);
        for (int i = 1; i < bars.size(); i++) {
            if (bars.time(i) - bars.time(i - 1) > 60_000) {
                return bars.time(i - 1) + 60_000;
            }
        }
        throw new AssertionError("no minute without trades in " + bars.size() + " bars");
    }
}
