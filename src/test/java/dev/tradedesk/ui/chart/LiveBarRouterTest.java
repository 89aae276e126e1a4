package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

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
        LiveBarRouter router = new LiveBarRouter(Timeframe.FIVE_MINUTES, BarAggregator.EXCHANGE_ZONE, model);
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
    void aHistoryUpToNowEndsWithTheFormingBar() {
        IndicatorSeriesView series = routed(T0 + 11 * MINUTE + 30_000);
        assertThat(series.size()).isEqualTo(3);
        assertThat(series.hasFormingBar()).isTrue();
    }
}
