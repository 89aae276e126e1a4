package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveBarRouterTest {

    private static final long T0 = Instant.parse("2024-01-02T14:30:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    /** Twelve minutes from 14:30: two whole five-minute buckets and two minutes of a third. */
    private static BarColumns minutes() {
        BarColumns bars = new BarColumns(12);
        for (int i = 0; i < 12; i++) {
            bars.add(T0 + i * MINUTE, 10 + i, 11 + i, 9 + i, 10.5 + i, 100);
        }
        return bars;
    }

    private static IndicatorSeriesView routed(long nowMillis) {
        ChartModel model = new ChartModel(SeriesKey.of("AAPL", Timeframe.FIVE_MINUTES));
        LiveBarRouter router = new LiveBarRouter(Timeframe.FIVE_MINUTES, BarAggregator.NEW_YORK, model);
        model.loadHistory(router.historyFor(minutes()));
        router.finishHistory(nowMillis);
        model.applyPending();
        return model.series().orElseThrow();
    }

    @Test
    void aHistoryThatEndedLongAgoEndsWithAClosedBar() {
        IndicatorSeriesView series = routed(T0 + 24 * 60 * MINUTE);
        assertThat(series.size()).isEqualTo(3);
        assertThat(series.hasFormingBar()).as("stored bars from yesterday: nothing is forming").isFalse();
        assertThat(series.close(2)).isEqualTo(10.5 + 11);
    }

    @Test
    void barsStoredOfTheTimeframeComeBeforeTheMinutesWhereTheyAreOlderAndGiveWayWhereBothCoverABucket() {
        BarColumns stored = new BarColumns(4);
        stored.add(T0 - 10 * MINUTE, 1, 2, 0.5, 1.5, 7); // 14:20: older than the first minute's bucket
        stored.add(T0 - 5 * MINUTE, 2, 3, 1.5, 2.5, 7); // 14:25
        stored.add(T0, 50, 60, 40, 55, 7); // 14:30: the minutes' own first bucket, which they make
        stored.add(T0 + 5 * MINUTE, 50, 60, 40, 55, 7);
        ChartModel model = new ChartModel(SeriesKey.of("AAPL", Timeframe.FIVE_MINUTES));
        LiveBarRouter router = new LiveBarRouter(Timeframe.FIVE_MINUTES, BarAggregator.NEW_YORK, model);

        BarColumns history = router.historyFor(stored, minutes());

        assertThat(history.timesArray()).startsWith(T0 - 10 * MINUTE, T0 - 5 * MINUTE, T0, T0 + 5 * MINUTE);
        assertThat(history.size()).as("two stored, two made of minutes; the third bucket is forming").isEqualTo(4);
        assertThat(history.high(2)).as("14:30 from its minutes").isEqualTo(11 + 4);
        assertThat(history.close(1)).isEqualTo(2.5);

        LiveBarRouter minuteRouter = new LiveBarRouter(Timeframe.ONE_MINUTE, BarAggregator.NEW_YORK, model);
        assertThat(minuteRouter.historyFor(stored, minutes()).size()).as("a minute chart is of minutes only").isEqualTo(12);
        assertThat(router.historyFor(stored, new BarColumns(0)).timesArray()).as("no minute: the stored bars alone")
                .startsWith(T0 - 10 * MINUTE, T0 - 5 * MINUTE, T0, T0 + 5 * MINUTE);
        assertThat(router.historyFor(stored, new BarColumns(0)).size()).isEqualTo(4);
    }

    @Test
    void aHistoryUpToNowEndsWithTheFormingBar() {
        IndicatorSeriesView series = routed(T0 + 11 * MINUTE + 30_000);
        assertThat(series.size()).isEqualTo(3);
        assertThat(series.hasFormingBar()).isTrue();
    }

    @Test
    void minutesOfABarClosedByTheClockLeaveItAsItIsAndAskForTheHistoryAgain() {
        ChartModel model = new ChartModel(SeriesKey.of("AAPL", Timeframe.FIVE_MINUTES));
        LiveBarRouter router = new LiveBarRouter(Timeframe.FIVE_MINUTES, BarAggregator.NEW_YORK, model);
        model.loadHistory(router.historyFor(minutes()));
        router.finishHistory(T0 + 24 * 60 * MINUTE); // the app closed at 14:41 and started a day later
        model.applyPending();

        // The backfill goes on where the history stopped: 14:42 to 14:44 belong to the bar closed at 14:40.
        for (int i = 12; i < 15; i++) {
            router.closedMinute(new Bar(T0 + i * MINUTE, 30, 40, 20, 35, 100));
        }
        router.formingMinute(new Bar(T0 + 14 * MINUTE, 30, 40, 20, 35, 100));
        model.applyPending();

        IndicatorSeriesView series = model.series().orElseThrow();
        assertThat(series.size()).isEqualTo(3);
        assertThat(series.close(2)).as("the closed bar is not changed").isEqualTo(10.5 + 11);
        assertThat(model.refusedBars()).as("nor sent again as a bar of the same time").isZero();
        assertThat(router.takeBehindClosedBar()).as("the chart must be built again to show them").isTrue();
        assertThat(router.takeBehindClosedBar()).as("told once").isFalse();

        router.closedMinute(new Bar(T0 + 15 * MINUTE, 36, 37, 35, 36.5, 100));
        router.closedMinute(new Bar(T0 + 20 * MINUTE, 37, 38, 36, 37.5, 100));
        model.applyPending();
        assertThat(series.size()).as("14:45 closed by the minute of 14:50, which forms").isEqualTo(5);
        assertThat(series.close(3)).isEqualTo(36.5);
        assertThat(series.hasFormingBar()).isTrue();
        assertThat(router.takeBehindClosedBar()).as("minutes of later bars are the chart's as ever").isFalse();
        assertThat(model.refusedBars()).isZero();
    }

    @Test
    void aHistoryUpToTheEndOfItsLastBucketClosesItWithNothingLeftToCome() {
        ChartModel model = new ChartModel(SeriesKey.of("AAPL", Timeframe.FIVE_MINUTES));
        LiveBarRouter router = new LiveBarRouter(Timeframe.FIVE_MINUTES, BarAggregator.NEW_YORK, model);
        BarColumns tenMinutes = new BarColumns(10);
        for (int i = 0; i < 10; i++) {
            tenMinutes.add(minutes().bar(i));
        }
        model.loadHistory(router.historyFor(tenMinutes));
        router.finishHistory(T0 + 24 * 60 * MINUTE);
        router.closedMinute(new Bar(T0 + 10 * MINUTE, 30, 40, 20, 35, 100));
        model.applyPending();

        assertThat(model.series().orElseThrow().size()).as("14:30, 14:35, and 14:40 forming").isEqualTo(3);
        assertThat(model.series().orElseThrow().hasFormingBar()).isTrue();
        assertThat(router.takeBehindClosedBar()).as("14:40 opens a bar of its own").isFalse();
    }
}
