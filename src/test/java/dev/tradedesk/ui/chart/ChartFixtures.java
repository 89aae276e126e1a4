package dev.tradedesk.ui.chart;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimulatedMarket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** Deterministic data for chart tests, demos and the rendering harness: the simulated market's minute bars. */
final class ChartFixtures {

    static final Symbol SYMBOL = Symbol.of("AAPL");
    /** The simulated clock's now: a Sunday, just after Europe's spring-forward change. */
    static final Instant NOW = Instant.parse("2024-03-31T12:00:00Z");

    private ChartFixtures() {
    }

    /** The closed minute bars of the last {@code minutes} minutes before {@link #NOW}. */
    static BarColumns minuteBars(long seed, int minutes) {
        SimClock clock = new SimClock(Clock.fixed(NOW, ZoneOffset.UTC), NOW, 1);
        SimulatedMarket market = SimulatedMarket.withHistory(seed, clock, Duration.ofMinutes(minutes + 1L),
                Set.of(SYMBOL), false);
        BarColumns bars = new BarColumns(minutes + 16);
        long from = NOW.minus(Duration.ofMinutes(minutes + 1L)).toEpochMilli();
        market.closedMinuteBars(SYMBOL, from, NOW.toEpochMilli(), bars);
        return bars;
    }
}
