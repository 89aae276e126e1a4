package dev.tradedesk.store;

import static dev.tradedesk.store.TestBars.MINUTE;
import static dev.tradedesk.store.TestBars.T0;
import static dev.tradedesk.store.TestBars.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completeness ledger: covered ranges merge, holes since the tracking start are missing, writes are atomic. */
class CompletenessLedgerTest {

    private static final SeriesKey AAPL = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);

    @TempDir
    Path dir;

    private static TimeRange minutesRange(int from, int until) {
        return new TimeRange(T0 + from * MINUTE, T0 + until * MINUTE);
    }

    @Test
    void coveredRangesMergeAndTheHolesBetweenThemAreMissing() {
        try (StoreFixture fixture = new StoreFixture(dir)) {
            HistoryStore store = fixture.store;
            store.track(AAPL, T0);
            store.writeAll(Map.of(AAPL, minutes(T0, 10, 0)), Map.of(AAPL, List.of(minutesRange(0, 10))));
            store.writeAll(Map.of(AAPL, minutes(T0 + 10 * MINUTE, 5, 0)), Map.of(AAPL, List.of(minutesRange(10, 15))));
            store.writeAll(Map.of(), Map.of(AAPL, List.of(minutesRange(20, 30)))); // no trades: a real gap, covered
            store.writeAll(Map.of(), Map.of(AAPL, List.of(minutesRange(25, 40)))); // overlaps the previous range

            SeriesLedger ledger = store.ledger(AAPL, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(ledger.covered()).containsExactly(minutesRange(0, 15), minutesRange(20, 40));
            assertThat(store.missingRanges(AAPL, Long.MIN_VALUE, T0 + 50 * MINUTE))
                    .containsExactly(minutesRange(15, 20), minutesRange(40, 50));
            assertThat(ledger.completeness(T0 + 40 * MINUTE)).isEqualTo(35.0 / 40);
        }
    }

    @Test
    void nothingBeforeTheTrackingStartIsMissingAndTheEarlierStartIsKept() {
        try (StoreFixture fixture = new StoreFixture(dir)) {
            HistoryStore store = fixture.store;
            assertThat(store.ledger(AAPL, 0, 1).trackedSince()).isEmpty();
            store.track(AAPL, T0 + 5 * MINUTE);
            store.track(AAPL, T0 + 9 * MINUTE);
            assertThat(store.ledger(AAPL, 0, 1).trackedSince()).hasValue(T0 + 5 * MINUTE);
            assertThat(store.missingRanges(AAPL, T0, T0 + 8 * MINUTE)).containsExactly(minutesRange(5, 8));
        }
    }

    @Test
    void theFeedRecordsItsMarketsDaysWhichOutliveAReopenAndAnotherMarketReplaces() {
        ZoneId newYork = ZoneId.of("America/New_York");
        try (StoreFixture fixture = new StoreFixture(dir)) {
            HistoryStore store = fixture.store;
            assertThat(store.tradingDayZone(AAPL)).as("an unknown series").isEmpty();
            store.track(AAPL, T0 + 5 * MINUTE);
            assertThat(store.tradingDayZone(AAPL)).as("tracked by no feed").isEmpty();

            store.track(AAPL, T0 + 9 * MINUTE, ZoneOffset.UTC);
            assertThat(store.tradingDayZone(AAPL)).hasValue(ZoneOffset.UTC);
            assertThat(store.ledger(AAPL, 0, 1).trackedSince()).as("the earlier start is kept").hasValue(T0 + 5 * MINUTE);

            store.track(AAPL, T0, newYork);
            store.track(AAPL, T0 + MINUTE);
        }
        try (StoreFixture fixture = new StoreFixture(dir)) {
            assertThat(fixture.store.tradingDayZone(AAPL)).as("the last feed's, kept by a track that names none")
                    .hasValue(newYork);
            assertThat(fixture.store.ledger(AAPL, 0, 1).trackedSince()).hasValue(T0);
        }
    }

    @Test
    void aRecordedZoneThisJavaDoesNotKnowIsTakenAsUnknownAndLogged() throws Exception {
        try (StoreFixture fixture = new StoreFixture(dir)) {
            fixture.store.track(AAPL, T0, ZoneOffset.UTC);
        }
        try (StoreDatabase database = StoreDatabase.open(StoreFixture.options(dir, new MutableClock(Instant.EPOCH)));
                Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            try (var recorded = statement.executeQuery("SELECT day_zone FROM series_tracking")) {
                assertThat(recorded.next()).isTrue();
                assertThat(recorded.getString(1)).as("written as people name it, not ISO's Z").isEqualTo("UTC");
            }
            statement.execute("UPDATE series_tracking SET day_zone = 'Mars/Olympus\u001b[2J'");
        }
        try (StoreFixture fixture = new StoreFixture(dir); LogCapture log = new LogCapture(HistoryStore.class, Level.WARN)) {
            assertThat(fixture.store.tradingDayZone(AAPL)).isEmpty();
            assertThat(log.lines()).singleElement().asString()
                    .contains("AAPL/1Min", "Mars/Olympus\\u001b[2J", "no zone this Java knows");
        }
    }

    @Test
    void aWriteThatFailsRecordsNoCoverage() {
        try (StoreFixture fixture = new StoreFixture(dir)) {
            HistoryStore store = fixture.store;
            store.track(AAPL, T0);
            BarColumns bad = minutes(T0, 3, 0);
            bad.add(T0 + 3 * MINUTE, 100, 99, 101, 100, 1); // high below low
            assertThatThrownBy(() -> store.writeAll(Map.of(AAPL, bad), Map.of(AAPL, List.of(minutesRange(0, 4)))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.ledger(AAPL, Long.MIN_VALUE, Long.MAX_VALUE).covered()).isEmpty();
            assertThat(store.lastTime(AAPL)).isEmpty();
        }
    }

    @Test
    void theLedgerSurvivesAReopenAndGoesWithItsSeries() {
        try (StoreFixture fixture = new StoreFixture(dir)) {
            fixture.store.track(AAPL, T0);
            fixture.store.writeAll(Map.of(AAPL, minutes(T0, 3, 0)), Map.of(AAPL, List.of(minutesRange(0, 3))));
        }
        try (StoreFixture fixture = new StoreFixture(dir)) {
            assertThat(fixture.store.ledger(AAPL, Long.MIN_VALUE, Long.MAX_VALUE).covered()).containsExactly(minutesRange(0, 3));
            fixture.store.deleteSeries(AAPL);
            SeriesLedger after = fixture.store.ledger(AAPL, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(after.trackedSince()).isEmpty();
            assertThat(after.covered()).isEmpty();
        }
    }

    @Test
    void deletingASpanOfBarsDeletesItFromTheCoveredRangesSoARecordingFetchesItAgain() {
        try (StoreFixture fixture = new StoreFixture(dir)) {
            HistoryStore store = fixture.store;
            store.track(AAPL, T0);
            store.writeAll(Map.of(AAPL, minutes(T0, 20, 0)), Map.of(AAPL, List.of(minutesRange(0, 20))));
            store.writeAll(Map.of(), Map.of(AAPL, List.of(minutesRange(30, 40))));
            store.range(AAPL, T0, T0 + 19 * MINUTE);

            assertThat(store.span(AAPL, T0 + 5 * MINUTE, T0 + 34 * MINUTE))
                    .hasValue(new SeriesInfo(AAPL, 15, T0 + 5 * MINUTE, T0 + 19 * MINUTE));
            // Minutes 5 to 34 inclusive: the end of one covered range, a hole, the start of the next.
            assertThat(store.deleteBetween(AAPL, T0 + 5 * MINUTE, T0 + 34 * MINUTE)).isEqualTo(15);

            assertThat(store.range(AAPL, T0, T0 + 19 * MINUTE)).as("the cached range is read again")
                    .isEqualTo(BarSnapshot.copyOf(minutes(T0, 5, 0)));
            assertThat(store.ledger(AAPL, Long.MIN_VALUE, Long.MAX_VALUE).covered())
                    .containsExactly(minutesRange(0, 5), minutesRange(35, 40));
            assertThat(store.missingRanges(AAPL, Long.MIN_VALUE, T0 + 40 * MINUTE)).containsExactly(minutesRange(5, 35));
            assertThat(store.span(AAPL, T0 + 5 * MINUTE, T0 + 34 * MINUTE)).isEmpty();
            assertThat(store.deleteBetween(AAPL, T0 + 5 * MINUTE, T0 + 34 * MINUTE)).isZero();

            // Inside one covered range: it splits in two.
            assertThat(store.deleteBetween(AAPL, T0 + MINUTE, T0 + 2 * MINUTE)).isEqualTo(2);
            assertThat(store.ledger(AAPL, Long.MIN_VALUE, Long.MAX_VALUE).covered())
                    .containsExactly(minutesRange(0, 1), minutesRange(3, 5), minutesRange(35, 40));
            assertThat(store.ledger(AAPL, 0, 1).trackedSince()).as("still tracked").hasValue(T0);
            assertThat(store.span(AAPL, Long.MIN_VALUE, Long.MAX_VALUE))
                    .hasValue(new SeriesInfo(AAPL, 3, T0, T0 + 4 * MINUTE));
            assertThat(store.span(SeriesKey.of("NONE", Timeframe.ONE_MINUTE), Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
            assertThat(store.deleteBetween(SeriesKey.of("NONE", Timeframe.ONE_MINUTE), Long.MIN_VALUE, Long.MAX_VALUE)).isZero();
        }
    }

    @Test
    void holesAreTheUncoveredPartsOfAWindow() {
        List<TimeRange> covered = List.of(new TimeRange(0, 10), new TimeRange(20, 30), new TimeRange(35, 50));
        assertThat(TimeRange.holes(covered, 5, 40)).containsExactly(new TimeRange(10, 20), new TimeRange(30, 35));
        assertThat(TimeRange.holes(covered, 50, 60)).containsExactly(new TimeRange(50, 60));
        assertThat(TimeRange.holes(List.of(), 1, 2)).containsExactly(new TimeRange(1, 2));
        assertThat(TimeRange.holes(covered, 0, 10)).isEmpty();
    }
}
