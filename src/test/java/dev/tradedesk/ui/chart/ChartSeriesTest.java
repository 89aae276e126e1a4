package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Searching bars by time where some minutes have no bar. */
class ChartSeriesTest {

    private static final long MINUTE = 60_000;

    @Test
    void theFirstBarAtOrAfterATimeIsFoundAcrossMissingBars() {
        SplittableRandom random = new SplittableRandom(11);
        BarColumns history = new BarColumns(3_000);
        long time = 1_700_000_040_000L;
        for (int i = 0; i < 3_000; i++) {
            history.add(time, 10, 11, 9, 10, 100);
            time += MINUTE * (random.nextInt(10) == 0 ? 1 + random.nextInt(2_000) : 1); // a gap now and then
        }
        ChartSeries series = ChartSeries.warmed(SeriesKey.of("GAPS", Timeframe.ONE_MINUTE), IndicatorParameters.DEFAULTS,
                1 << 12, history);

        for (int trial = 0; trial < 5_000; trial++) {
            long start = random.nextInt(3_000);
            long target = history.time((int) start) + 1 + random.nextLong(300 * MINUTE);
            assertThat(series.firstIndexAtOrAfter(target, start)).as("from bar %d to %d", start, target)
                    .isEqualTo(scan(history, start, target));
        }
        long last = history.size() - 1;
        assertThat(series.firstIndexAtOrAfter(history.time((int) last) + 1, last)).isEqualTo(history.size());
    }

    private static long scan(BarColumns history, long start, long target) {
        int i = (int) start + 1;
        while (i < history.size() && history.time(i) < target) {
            i++;
        }
        return i;
    }
}
