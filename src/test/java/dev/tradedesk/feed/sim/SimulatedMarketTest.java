package dev.tradedesk.feed.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {

    private static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
    private static final Symbol AAPL = Symbol.of("AAPL");

    private final MutableClock wall = new MutableClock(START);

    private SimulatedMarket market(long seed, double speed) {
        return SimulatedMarket.withHistory(seed, new SimClock(wall, START, speed), Duration.ofDays(2), Set.of(), true);
    }

    private static List<Bar> bars(SimulatedMarket market, Symbol symbol, SimTimeframe timeframe, long from, long to) {
        List<Bar> bars = new ArrayList<>();
        market.forEachClosedBar(symbol, timeframe, from, to, bar -> {
            bars.add(new Bar(bar.time, bar.open, bar.high, bar.low, bar.close, bar.volume));
            return true;
        });
        return bars;
    }

    private static List<Bar> allMinuteBars(SimulatedMarket market, Symbol symbol) {
        return bars(market, symbol, SimTimeframe.ONE_MINUTE, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void sameSeedGivesTheSameBarsWhateverTheOrderOfReading() {
        SimulatedMarket first = market(7, 1);
        SimulatedMarket second = market(7, 1);
        List<Bar> sequential = allMinuteBars(first, AAPL);
        // read the second market backwards, one bar at a time, to defeat any sequential shortcut
        List<Bar> piecewise = new ArrayList<>();
        for (int i = sequential.size() - 1; i >= 0; i--) {
            piecewise.addAll(0, bars(second, AAPL, SimTimeframe.ONE_MINUTE, sequential.get(i).time(), sequential.get(i).time()));
        }
        assertThat(piecewise).isEqualTo(sequential);
        assertThat(allMinuteBars(market(8, 1), AAPL)).isNotEqualTo(sequential);
    }

    @Test
    void historyCoversTheLookbackWithOccasionalNoTradeMinutes() {
        List<Bar> bars = allMinuteBars(market(1, 1), AAPL);
        assertThat(bars.get(0).time()).isEqualTo(START.minus(Duration.ofDays(2)).toEpochMilli());
        assertThat(bars.get(bars.size() - 1).time()).isEqualTo(START.toEpochMilli() - 60_000);
        int minutes = 2 * 24 * 60;
        assertThat(bars.size()).isBetween((int) (minutes * 0.99), minutes - 1);
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).time()).isGreaterThan(bars.get(i - 1).time());
            assertThat(bars.get(i).time() % 60_000).isZero();
        }
    }

    @Test
    void pricesStayPlausibleAndEveryBarIsValid() {
        // Bar's constructor rejects NaN, non-positive prices, high < low, open/close outside the range
        List<Bar> bars = allMinuteBars(market(3, 1), AAPL);
        assertThat(bars).allSatisfy(bar -> assertThat(bar.close()).isBetween(50.0, 800.0));
        assertThat(bars.stream().mapToDouble(Bar::volume).min().orElseThrow()).isGreaterThan(0);
    }

    @Test
    void volatilityRegimesMakeQuietAndWildStretches() {
        List<Bar> bars = allMinuteBars(market(11, 1), AAPL);
        List<Double> rangesPerTwoHours = new ArrayList<>();
        for (int block = 0; block + 120 <= bars.size(); block += 120) {
            double sum = 0;
            for (int i = block; i < block + 120; i++) {
                sum += (bars.get(i).high() - bars.get(i).low()) / bars.get(i).close();
            }
            rangesPerTwoHours.add(sum / 120);
        }
        double quietest = rangesPerTwoHours.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double wildest = rangesPerTwoHours.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(wildest / quietest).as("wild vs quiet average bar range").isGreaterThan(3);
    }

    @Test
    void higherTimeframesAggregateTheMinuteBarsExactly() {
        SimulatedMarket market = market(5, 1);
        List<Bar> minutes = allMinuteBars(market, AAPL);
        List<Bar> fives = bars(market, AAPL, SimTimeframe.parse("5Min"), Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(fives).isNotEmpty();
        for (Bar five : fives.subList(0, 50)) {
            List<Bar> parts = minutes.stream().filter(m -> m.time() >= five.time() && m.time() < five.time() + 300_000).toList();
            assertThat(five.open()).isEqualTo(parts.get(0).open());
            assertThat(five.close()).isEqualTo(parts.get(parts.size() - 1).close());
            assertThat(five.high()).isEqualTo(parts.stream().mapToDouble(Bar::high).max().orElseThrow());
            assertThat(five.low()).isEqualTo(parts.stream().mapToDouble(Bar::low).min().orElseThrow());
            assertThat(five.volume()).isEqualTo(parts.stream().mapToDouble(Bar::volume).sum());
        }
        List<Bar> days = bars(market, AAPL, SimTimeframe.parse("1Day"), Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(days).allSatisfy(day -> assertThat(Instant.ofEpochMilli(day.time()).atZone(SimTimeframe.NEW_YORK)
                .toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT));
    }

    @Test
    void theFormingBarGrowsThroughTheMinuteAndEndsAsTheClosedBar() {
        SimulatedMarket market = market(9, 1);
        SimBar forming = new SimBar();
        double previousHigh = 0;
        long previousVolume = -1;
        long minuteStart = START.toEpochMilli();
        for (int second = 0; second < 60; second += 5) {
            wall.set(Instant.ofEpochMilli(minuteStart + second * 1000L));
            assertThat(market.latestMinuteBar(AAPL, forming)).isTrue();
            assertThat(forming.time).isEqualTo(minuteStart);
            assertThat(forming.high).isGreaterThanOrEqualTo(previousHigh);
            assertThat(forming.volume).isGreaterThanOrEqualTo(previousVolume);
            previousHigh = forming.high;
            previousVolume = forming.volume;
        }
        wall.set(Instant.ofEpochMilli(minuteStart + 60_000));
        List<Bar> closed = bars(market, AAPL, SimTimeframe.ONE_MINUTE, minuteStart, minuteStart);
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).high()).isGreaterThanOrEqualTo(previousHigh);
        assertThat(closed.get(0).open()).isEqualTo(forming.open);
    }

    @Test
    void theClockRunsAtTheConfiguredSpeed() {
        SimulatedMarket market = market(1, 60);
        long before = market.nowMillis();
        wall.advance(Duration.ofSeconds(10));
        assertThat(market.nowMillis() - before).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(allMinuteBars(market, AAPL).get(allMinuteBars(market, AAPL).size() - 1).time())
                .isEqualTo(START.plus(Duration.ofMinutes(9)).toEpochMilli());
    }

    @Test
    void unlistedSymbolsHaveNoBarsAndListingAddsThem() {
        SimulatedMarket market = SimulatedMarket.withHistory(1, new SimClock(wall, START, 1), Duration.ofHours(1),
                Set.of(Symbol.of("ZZTOP")), false);
        assertThat(market.lists(AAPL)).isFalse();
        assertThat(allMinuteBars(market, AAPL)).isEmpty();
        assertThat(allMinuteBars(market, Symbol.of("ZZTOP"))).hasSizeGreaterThan(50);
        market.list(AAPL);
        assertThat(allMinuteBars(market, AAPL)).hasSizeGreaterThan(50);
    }

    @Test
    void runsStartedInTheSameGridBlockAgreeOnEveryBar() {
        SimulatedMarket morning = SimulatedMarket.anchoredOnGrid(4, new SimClock(wall, START, 1), Duration.ofDays(2), Set.of(), true);
        Instant later = START.plus(Duration.ofHours(5));
        SimulatedMarket afternoon = SimulatedMarket.anchoredOnGrid(4, new SimClock(new MutableClock(later), later, 1),
                Duration.ofDays(2), Set.of(), true);
        assertThat(morning.historyStart()).isEqualTo(afternoon.historyStart());
        assertThat(morning.historyStart()).isBeforeOrEqualTo(START.minus(Duration.ofDays(2)));
        long from = START.minus(Duration.ofHours(3)).toEpochMilli();
        long to = START.toEpochMilli() - 1;
        assertThat(bars(afternoon, AAPL, SimTimeframe.ONE_MINUTE, from, to)).hasSize(180)
                .isEqualTo(bars(morning, AAPL, SimTimeframe.ONE_MINUTE, from, to));
    }

    @Test
    void aRangeFarInTheFutureCostsNothing() {
        SimulatedMarket market = market(1, 1);
        long farFuture = Instant.parse("2999-01-01T00:00:00Z").toEpochMilli();
        assertThat(bars(market, AAPL, SimTimeframe.ONE_MINUTE, farFuture, Long.MAX_VALUE)).isEmpty();
    }
}
