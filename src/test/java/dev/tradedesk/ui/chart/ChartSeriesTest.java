package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChartSeriesTest {

    @Test
    void gallopingForwardFindsWhatTheBinarySearchFinds() {
        // 20,000 minute bars in a ring of 16,384: the oldest are dropped, so the retained
        // bars start past index 0.
        ChartSeries series = ChartSeries.warmed(SeriesKey.of("TEST", Timeframe.ONE_MINUTE), IndicatorParameters.DEFAULTS,
                1 << 14, VisibleCandlesTest.randomBars(20_000, 3));
        IndicatorSeriesView bars = series.view();
        long first = bars.firstIndex();
        long last = bars.size() - 1;
        assertThat(first).isPositive();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            long start = random.nextLong(first, last + 1);
            // Times before, at, between and after bars, from just before start to past the end.
            long time = random.nextLong(bars.time(start) - 120_000, bars.time(last) + 120_000);
            long expected = Math.max(start, series.indexAtOrBefore(time - 1) + 1);
            assertThat(series.firstAtOrAfter(start, time)).as("from %d, time %d", start, time).isEqualTo(expected);
        }
        assertThat(series.firstAtOrAfter(last, bars.time(last) + 1)).isEqualTo(bars.size());
        assertThat(series.firstAtOrAfter(first, bars.time(last))).isEqualTo(last);
    }
}
