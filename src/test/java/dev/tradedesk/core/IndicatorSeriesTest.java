package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class IndicatorSeriesTest {

    private static final SeriesKey KEY = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
    private static final long T0 = 1_700_000_000_000L;

    private final IndicatorSeries series = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 256);

    @Test
    void defaultCapacityIsAHundredThousandBarsRoundedToAPowerOfTwo() {
        assertThat(new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS).capacity()).isEqualTo(131_072);
        assertThat(RingCapacity.atLeast(1)).isEqualTo(1);
        assertThat(RingCapacity.atLeast(64)).isEqualTo(64);
        assertThat(RingCapacity.atLeast(65)).isEqualTo(128);
        assertThatThrownBy(() -> new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 0))
                .hasMessage("ring capacity must be between 1 and 1073741824, was 0");
    }

    @Test
    void aBarOlderThanTheLastIsRejectedAndChangesNothing() {
        series.append(T0 + 60_000, 10, 11, 9, 10, 5);
        assertThatThrownBy(() -> series.append(T0, 10, 11, 9, 10, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar at 2023-11-14T22:13:20Z is out of time order in AAPL/1Min: "
                        + "the last bar is at 2023-11-14T22:14:20Z");
        assertThatThrownBy(() -> series.update(T0 + 60_000, 10, 11, 9, 10, 5))
                .as("a closed bar cannot be updated").isInstanceOf(IllegalArgumentException.class);
        series.update(T0 + 180_000, 10, 11, 9, 10, 5);
        assertThatThrownBy(() -> series.update(T0 + 120_000, 10, 11, 9, 10, 5))
                .hasMessageContaining("out of time order");
        assertThat(series.size()).isEqualTo(2);
        assertThat(series.hasFormingBar()).isTrue();
    }

    @Test
    void anInvalidBarIsRejectedWithItsTimeAndChangesNothing() {
        series.append(T0, 10, 11, 9, 10, 5);
        assertThatThrownBy(() -> series.update(T0 + 60_000, 10, 9, 11, 10, 5))
                .hasMessage("invalid bar at 2023-11-14T22:14:20Z: high 9.0 is below low 11.0");
        assertThatThrownBy(() -> series.update(T0 + 60_000, Double.NaN, 11, 9, 10, 5))
                .hasMessageContaining("prices must be finite and positive");
        assertThat(series.size()).isEqualTo(1);
        assertThat(series.hasFormingBar()).isFalse();
    }

    @Test
    void closingWithoutAFormingBarIsAnError() {
        assertThatThrownBy(series::close).isInstanceOf(IllegalStateException.class)
                .hasMessage("series AAPL/1Min has no forming bar to close");
    }

    @Test
    void historyCannotBeAppendedWhileABarIsFormingOrOutOfOrder() {
        series.update(T0, 10, 11, 9, 10, 5);
        BarColumns history = new BarColumns(2);
        history.add(T0 + 60_000, 10, 11, 9, 10, 5);
        assertThatThrownBy(() -> series.appendAll(history)).isInstanceOf(IllegalStateException.class);
        series.close();
        BarColumns unordered = new BarColumns(2);
        unordered.add(T0 + 120_000, 10, 11, 9, 10, 5);
        unordered.add(T0 + 60_000, 10, 11, 9, 10, 5);
        assertThatThrownBy(() -> series.appendAll(unordered)).hasMessageContaining("out of time order");
        assertThat(series.size()).as("a bad batch changes nothing").isEqualTo(1);
    }

    @Test
    void aSnapshotCarriesTheLastBarAndItsValues() {
        assertThatThrownBy(series::snapshot).isInstanceOf(IllegalStateException.class);
        assertThat(series.latest(Indicator.RSI)).isNaN();
        BarColumns bars = TestBars.generate(4, 60, 20, 0.02);
        series.appendAll(bars);
        series.update(T0 + 3_600_000_000L, 20, 21, 19, 20.5, 1_000);
        IndicatorSnapshot snapshot = series.snapshot();
        assertThat(snapshot.key()).isEqualTo(KEY);
        assertThat(snapshot.index()).isEqualTo(60);
        assertThat(snapshot.forming()).isTrue();
        assertThat(snapshot.close()).isEqualTo(20.5);
        for (Indicator indicator : Indicator.values()) {
            assertThat(snapshot.value(indicator)).as(indicator.column()).isEqualTo(series.latest(indicator))
                    .isNotNaN();
        }
    }

    @Test
    void updatesAndAppendsAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BarColumns bars = TestBars.generate(6, 20_000, 100, 0.01);
        IndicatorSeries live = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 4096);
        feed(live, bars, 0, 10_000);
        long before = threads.getCurrentThreadAllocatedBytes();
        feed(live, bars, 10_000, 20_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 10,000 appends and 30,000 updates").isLessThan(1_000);
    }

    private static void feed(IndicatorSeries live, BarColumns bars, int from, int to) {
        for (int i = from; i < to; i++) {
            double open = bars.open(i);
            for (int tick = 0; tick < 3; tick++) {
                live.update(bars.time(i), open, bars.high(i), bars.low(i), open, tick);
            }
            live.append(bars.time(i), open, bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
    }
}
