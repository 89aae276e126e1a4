package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HandoverLedgerTest {

    private static final Symbol SOL = Symbol.of("SOLUSDT");
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Instant NOW = Instant.parse("2026-12-05T15:46:20Z");
    private static final PriceScheduler.Config CONFIG = PriceScheduler.Config.defaults(Timeframe.ONE_MINUTE);
    /** The default two-day look-back at {@link #NOW}: the start of New York's 3 December. */
    private static final long LOOKBACK_START = Instant.parse("2026-12-03T05:00:00Z").toEpochMilli();

    /** A store holding the given last bar times and tracking starts; records what is tracked. */
    private static final class FakeHistory implements BarHistory {
        final Map<Symbol, Long> lastBars = new HashMap<>();
        final Map<Symbol, Long> tracked = new HashMap<>();
        final Map<Symbol, ZoneId> dayZones = new HashMap<>();
        int trackingWrites;
        /** While set, every read fails, as a store does between two reopens on a full disk. */
        volatile boolean refusing;
        /** While set, every write fails, as a store on a full disk refuses them while it reads. */
        volatile boolean refusingWrites;

        @Override
        public OptionalLong lastBarTime(SeriesKey series) {
            if (refusing) {
                throw new IllegalStateException("the history database is closed");
            }
            Long last = lastBars.get(series.symbol());
            return last == null ? OptionalLong.empty() : OptionalLong.of(last);
        }

        @Override
        public OptionalLong trackedSince(SeriesKey series) {
            Long since = tracked.get(series.symbol());
            return since == null ? OptionalLong.empty() : OptionalLong.of(since);
        }

        @Override
        public void track(SeriesKey series, long since, ZoneId tradingDayZone) {
            if (refusingWrites) {
                throw new IllegalStateException("cannot record since when " + series + " is tracked: no space left on device");
            }
            trackingWrites++;
            tracked.merge(series.symbol(), since, Math::min);
            dayZones.put(series.symbol(), tradingDayZone);
        }

        @Override
        public Optional<ZoneId> tradingDayZone(SeriesKey series) {
            return Optional.ofNullable(dayZones.get(series.symbol()));
        }
    }

    private static HandoverLedger ledger(BarHistory history) {
        RepairPlanner repairs = new RepairPlanner(history, CONFIG.timeframe(), CONFIG.windowBars(), 1_000);
        return new HandoverLedger(history, CONFIG, BarAggregator.NEW_YORK, Clock.fixed(NOW, ZoneOffset.UTC), repairs);
    }

    private static long lookbackStart(Timeframe timeframe, Duration lookback, String now) {
        return lookbackStart(timeframe, lookback, BarAggregator.NEW_YORK, now);
    }

    private static long lookbackStart(Timeframe timeframe, Duration lookback, ZoneId tradingDayZone, String now) {
        PriceScheduler.Config config = new PriceScheduler.Config(timeframe, Duration.ofSeconds(1), Duration.ofMillis(100),
                lookback, 2_000);
        return HandoverLedger.lookbackStart(config, tradingDayZone, Instant.parse(now).toEpochMilli());
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
    void aCryptoMarketsLookbackOfDaysStartsAtUtcsMidnight() {
        assertThat(lookbackStart(Timeframe.ONE_MINUTE, Duration.ofDays(2), ZoneOffset.UTC, "2026-12-05T15:46:20Z"))
                .isEqualTo(Instant.parse("2026-12-03T00:00:00Z").toEpochMilli());
        assertThat(lookbackStart(Timeframe.ONE_MINUTE, Duration.ofDays(2), ZoneOffset.UTC, "2026-07-05T02:00:00Z"))
                .as("where New York's day is still the 2nd").isEqualTo(Instant.parse("2026-07-03T00:00:00Z").toEpochMilli());
    }

    @Test
    void aLookbackShorterThanADayStartsOnItsOwnMinute() {
        assertThat(lookbackStart(Timeframe.ONE_MINUTE, Duration.ofHours(3), "2026-03-02T15:00:30Z"))
                .isEqualTo(Instant.parse("2026-03-02T12:00:00Z").toEpochMilli());
    }

    @Test
    void aSeriesWhoseHistoryEndsBeforeTheLookbackIsBackfilledFromTheLookbackStartAndSaysSoOnce() {
        // One imported bar on 2 January 1970 once made the recorder backfill SOLUSDT from 1970:
        // 28 million minutes, window by window, before any current bar was kept.
        FakeHistory history = new FakeHistory();
        history.lastBars.put(SOL, Instant.parse("1970-01-02T00:00:00Z").toEpochMilli());
        HandoverLedger ledger = ledger(history);

        try (LogCapture log = new LogCapture(HandoverLedger.class, Level.INFO)) {
            assertThat(ledger.coverage(SOL)).isEqualTo(LOOKBACK_START);
            assertThat(ledger.coverage(SOL)).isEqualTo(LOOKBACK_START);

            assertThat(log.lines()).filteredOn(line -> line.contains("SOLUSDT")).singleElement().asString()
                    .contains("1970-01-02T00:00:00Z", "2026-12-03T05:00:00Z", "gap");
        }
        assertThat(history.tracked).containsEntry(SOL, LOOKBACK_START);
    }

    @Test
    void aSeriesTrackedLongAgoWithoutABarStartsAtTheLookbackStartToo() {
        FakeHistory history = new FakeHistory();
        history.tracked.put(SOL, Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

        assertThat(ledger(history).coverage(SOL)).isEqualTo(LOOKBACK_START);
    }

    @Test
    void aNewSeriesIsTrackedWithItsMarketsDaysAndAnOlderOneGetsThemOnceKeepingItsStart() {
        FakeHistory history = new FakeHistory();
        long olderStart = Instant.parse("2026-12-04T00:00:00Z").toEpochMilli();
        history.tracked.put(BTC, olderStart); // tracked by a build that recorded no market days
        HandoverLedger utcMarket = new HandoverLedger(history, CONFIG, ZoneOffset.UTC, Clock.fixed(NOW, ZoneOffset.UTC),
                new RepairPlanner(history, CONFIG.timeframe(), CONFIG.windowBars(), 1_000));

        utcMarket.coverage(SOL);
        utcMarket.coverage(BTC);

        assertThat(history.dayZones).containsEntry(SOL, ZoneOffset.UTC).containsEntry(BTC, ZoneOffset.UTC);
        assertThat(history.tracked).containsEntry(BTC, olderStart);
        assertThat(history.trackingWrites).isEqualTo(2);

        ledger(history).coverage(BTC); // a New York market's feed: the series is now its
        assertThat(history.dayZones).containsEntry(BTC, BarAggregator.NEW_YORK);
        assertThat(history.trackingWrites).isEqualTo(3);

        ledger(history).coverage(BTC);
        assertThat(history.trackingWrites).as("nothing to record again").isEqualTo(3);
    }

    @Test
    void aSeriesStoredWithinTheLookbackGoesOnAfterItsLastBarAndALongStaleOneDoesNotHoldItBack() {
        FakeHistory history = new FakeHistory();
        long lastBtc = NOW.toEpochMilli() - Duration.ofHours(5).toMillis();
        history.lastBars.put(BTC, lastBtc);
        history.lastBars.put(SOL, 0L);
        HandoverLedger ledger = ledger(history);

        try (LogCapture log = new LogCapture(HandoverLedger.class, Level.INFO)) {
            assertThat(ledger.coverage(SOL)).isEqualTo(LOOKBACK_START);
            assertThat(ledger.coverage(BTC)).isEqualTo(lastBtc + 1);

            assertThat(log.text()).doesNotContain("BTCUSDT");
        }
    }

    @Test
    void aNewSymbolWhoseHistoryTheStoreCannotTellIsLeftOutUntilItAnswersAndTheOthersGoOn() {
        FakeHistory history = new FakeHistory();
        HandoverLedger ledger = ledger(history);
        ledger.coverage(BTC);
        history.refusing = true;

        try (LogCapture log = new LogCapture(HandoverLedger.class, Level.INFO)) {
            assertThat(ledger.known(List.of(BTC, SOL))).containsExactly(BTC);
            assertThat(ledger.known(List.of(BTC, SOL))).containsExactly(BTC);
            assertThat(log.lines()).as("told once while it repeats").singleElement().asString()
                    .contains("SOLUSDT", "the history database is closed");
        }
        assertThat(ledger.knows(SOL)).isFalse();
        assertThat(ledger.waiting()).as("named for the watchlist, with the store's reason")
                .containsExactly(Map.entry(SOL, "the history database is closed"));

        history.refusing = false;
        assertThat(ledger.known(List.of(BTC, SOL))).containsExactly(BTC, SOL);
        assertThat(ledger.coveredUntil()).containsEntry(SOL, LOOKBACK_START);
        assertThat(ledger.waiting()).isEmpty();
    }

    @Test
    void aWaitingSymbolTheStoreAnswersForIsNamedAnsweredUntilToldEvenIfItWasRemovedWhileItWaited() {
        Symbol eth = Symbol.of("ETHUSDT");
        FakeHistory history = new FakeHistory();
        HandoverLedger ledger = ledger(history);
        history.refusing = true;
        ledger.known(List.of(SOL, eth));
        ledger.known(List.of(SOL)); // ETH removed from the watchlist while it waits
        assertThat(ledger.storeAnswered()).as("nothing answered yet").isEmpty();

        history.refusing = false;
        ledger.known(List.of(SOL, BTC));
        assertThat(ledger.storeAnswered()).as("a symbol that never waited was never said to").containsExactly(SOL);
        ledger.known(List.of(SOL, BTC));
        assertThat(ledger.storeAnswered()).as("still untold: only a latest answer's batch tells them")
                .containsExactly(SOL);
        ledger.storeAnsweredTold();
        assertThat(ledger.storeAnswered()).isEmpty();

        ledger.known(List.of(SOL, BTC, eth)); // put back: its row still says it waits
        assertThat(ledger.storeAnswered()).containsExactly(eth);
    }

    @Test
    void aNewSymbolWhoseTrackingStartTheStoreRefusesWaitsAndIsToldAsSuchUntilTheWriteIsTaken() {
        FakeHistory history = new FakeHistory();
        HandoverLedger ledger = ledger(history);
        ledger.coverage(BTC);
        history.refusingWrites = true;

        try (LogCapture log = new LogCapture(HandoverLedger.class, Level.INFO)) {
            assertThat(ledger.known(List.of(BTC, SOL))).containsExactly(BTC);
            // The store read where its history ends; only the write failed: the line must not say otherwise.
            assertThat(log.lines()).singleElement().asString()
                    .contains("SOLUSDT", "record where its tracking starts", "cannot record since when")
                    .doesNotContain("cannot say");
        }
        assertThat(history.tracked).doesNotContainKey(SOL);

        history.refusingWrites = false;
        assertThat(ledger.known(List.of(BTC, SOL))).containsExactly(BTC, SOL);
        assertThat(history.tracked).containsEntry(SOL, LOOKBACK_START);
    }
}
