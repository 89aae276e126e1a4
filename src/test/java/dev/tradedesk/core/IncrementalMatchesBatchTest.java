package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The live path (forming-bar updates, closes, appends, history warm-up) gives exactly the batch
 * numbers: bit for bit, which is stricter than the 1e-9 relative the definitions require.
 */
class IncrementalMatchesBatchTest {

    private static final SeriesKey KEY = SeriesKey.of("TEST", Timeframe.ONE_MINUTE);
    private static final IndicatorParameters SHORT = new IndicatorParameters(5, 4, 2, 3, 6, 4, 30, 95, 0.8, 3);

    @Test
    void randomSequencesOfUpdatesAndAppendsEndWithTheBatchValues() {
        for (long seed = 1; seed <= 30; seed++) {
            IndicatorParameters parameters = seed % 2 == 0 ? IndicatorParameters.DEFAULTS : SHORT;
            SplittableRandom random = new SplittableRandom(seed);
            BarColumns bars = TestBars.generate(seed, 400 + random.nextInt(400), 10 + seed, 0.02);
            IndicatorSeries series = new IndicatorSeries(KEY, parameters, 1024);
            for (int i = 0; i < bars.size(); i++) {
                for (int ticks = random.nextInt(4); ticks > 0; ticks--) {
                    updateWithRandomTick(series, bars, i, random);
                }
                switch (random.nextInt(3)) {
                    case 0 -> series.append(bars.bar(i));
                    case 1 -> {
                        series.update(bars.bar(i));
                        series.close();
                    }
                    default -> series.update(bars.bar(i)); // closed by the next bar's later time
                }
            }
            if (series.hasFormingBar()) {
                series.close();
            }
            assertSeriesEqualsBatch(series, bars, "seed " + seed);
        }
    }

    @Test
    void aFormingBarShowsTheValuesItWouldHaveIfItClosedNow() {
        SplittableRandom random = new SplittableRandom(99);
        BarColumns bars = TestBars.generate(5, 300, 40, 0.02);
        IndicatorSeries series = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 512);
        for (int i = 0; i < bars.size(); i++) {
            if (i % 23 == 0) {
                Bar tick = updateWithRandomTick(series, bars, i, random);
                BarColumns closedPlusTick = prefix(bars, i);
                closedPlusTick.add(tick);
                IndicatorColumns batch = IndicatorBatch.compute(closedPlusTick, IndicatorParameters.DEFAULTS);
                for (Indicator indicator : Indicator.values()) {
                    assertSame(series.latest(indicator), batch.get(indicator, i), indicator + " forming at " + i);
                }
            }
            series.append(bars.bar(i));
        }
    }

    @Test
    void aFormingBarUpdatedAThousandTimesThenClosedGivesTheBatchValues() {
        BarColumns bars = TestBars.generate(8, 120, 100, 0.01);
        IndicatorSeries series = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS);
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < bars.size(); i++) {
            int ticks = i == bars.size() - 1 ? 1_000 : random.nextInt(3);
            for (int t = 0; t < ticks; t++) {
                updateWithRandomTick(series, bars, i, random);
            }
            series.update(bars.bar(i));
            series.close();
        }
        assertThat(series.closedCount()).isEqualTo(120);
        assertSeriesEqualsBatch(series, bars, "after 1,000 ticks");
    }

    @Test
    void warmingFromHistoryThenAppendingGivesTheBatchValues() {
        BarColumns bars = TestBars.generate(21, 1_000, 7, 0.03);
        IndicatorSeries series = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 2048);
        BarColumns history = prefix(bars, 700);
        series.appendAll(history);
        for (int i = 700; i < 1_000; i++) {
            series.append(bars.bar(i));
        }
        assertSeriesEqualsBatch(series, bars, "warm + append");
    }

    @Test
    void aFullRingKeepsTheLastBarsAndForgetsTheOldest() {
        BarColumns bars = TestBars.generate(17, 1_000, 70, 0.02);
        IndicatorSeries series = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 100);
        for (int i = 0; i < bars.size(); i++) {
            series.append(bars.bar(i));
        }
        assertThat(series.capacity()).isEqualTo(128);
        assertThat(series.firstIndex()).isEqualTo(1_000 - 128);
        assertSeriesEqualsBatch(series, bars, "ring of 128");
        assertThatThrownBy(() -> series.close(1_000 - 129)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("outside the retained [872, 1000)");
        assertThatThrownBy(() -> series.value(Indicator.RSI, 1_000)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** Updates bar {@code i} with a random valid tick (same time, prices around the final bar). */
    private static Bar updateWithRandomTick(IndicatorSeries series, BarColumns bars, int i, SplittableRandom random) {
        double open = bars.open(i);
        double close = open * (1 + (random.nextDouble() - 0.5) * 0.04);
        double high = Math.max(open, close) * (1 + random.nextDouble() * 0.01);
        double low = Math.min(open, close) * (1 - random.nextDouble() * 0.01);
        Bar tick = new Bar(bars.time(i), open, high, low, close, random.nextDouble() * bars.volume(i));
        series.update(tick);
        return tick;
    }

    static void assertSeriesEqualsBatch(IndicatorSeries series, BarColumns bars, String what) {
        IndicatorColumns batch = IndicatorBatch.compute(bars, series.parameters());
        assertThat(series.size()).isEqualTo(bars.size());
        for (long i = series.firstIndex(); i < series.size(); i++) {
            int row = (int) i;
            if (series.time(i) != bars.time(row) || series.close(i) != bars.close(row)) {
                fail(what + ": bar " + i + " differs");
            }
            for (Indicator indicator : Indicator.values()) {
                assertSame(series.value(indicator, i), batch.get(indicator, row), what + ", " + indicator + " at " + i);
            }
        }
    }

    private static void assertSame(double live, double batch, String what) {
        if (Double.doubleToLongBits(live) != Double.doubleToLongBits(batch)) {
            fail(what + ": live " + live + ", batch " + batch);
        }
    }

    private static BarColumns prefix(BarColumns bars, int count) {
        BarColumns prefix = new BarColumns(count + 1);
        for (int i = 0; i < count; i++) {
            prefix.add(bars.bar(i));
        }
        return prefix;
    }
}
