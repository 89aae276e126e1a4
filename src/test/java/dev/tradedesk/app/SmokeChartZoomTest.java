package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.ui.chart.ChartModel;
import dev.tradedesk.ui.chart.ChartRange;
import org.junit.jupiter.api.Test;

class SmokeChartZoomTest {

    private static final long MINUTE = 60_000;
    private static final long START = 1_711_800_000_000L;

    private final ChartModel chart =
            new ChartModel(SeriesKey.of("AAPL", Timeframe.ONE_MINUTE), IndicatorParameters.DEFAULTS, 1 << 12);
    private final SmokeChartZoom zoom = new SmokeChartZoom();
    private int rangeChanges;

    @Test
    void aChartShowsAllItsHistoryOnceThenFollowsTheLiveEdgeWithoutBeingZoomedAgain() {
        chart.loadHistory(minutes(0, 2_000));
        chart.applyPending();
        zoom.showAllOnce(chart);
        ChartRange all = chart.range();
        assertThat(all.fromMillis()).as("from the first bar").isLessThan(START);
        assertThat(all.followsLiveEdge()).isTrue();

        chart.rangeProperty().addListener(observable -> rangeChanges++);
        chart.pushClosedBar(START + 2_000 * MINUTE, 100, 101, 99, 100.5, 10);
        chart.applyPending();
        ChartRange followed = chart.range();
        assertThat(rangeChanges).as("the new bar moved the live range").isEqualTo(1);

        zoom.showAllOnce(chart);
        assertThat(chart.range()).as("left as the live follow put it").isEqualTo(followed);
        assertThat(rangeChanges).as("no second refill of the panes for the same bar").isEqualTo(1);
    }

    @Test
    void aReloadedHistoryIsShownWholeAgain() {
        chart.loadHistory(minutes(0, 500));
        chart.applyPending();
        zoom.showAllOnce(chart);

        chart.loadHistory(minutes(-1_500, 2_000));
        chart.applyPending();
        zoom.showAllOnce(chart);

        assertThat(chart.range().fromMillis()).as("from the reloaded history's first bar")
                .isLessThan(START - 1_500 * MINUTE);
    }

    /** {@code count} closed minute bars from {@code firstMinute} minutes after {@link #START}. */
    private static BarColumns minutes(int firstMinute, int count) {
        BarColumns bars = new BarColumns(count);
        for (int minute = firstMinute; minute < firstMinute + count; minute++) {
            double price = 100 + Math.sin(minute / 10.0);
            bars.add(START + minute * MINUTE, price, price + 0.5, price - 0.5, price + 0.1, 1_000);
        }
        return bars;
    }
}
