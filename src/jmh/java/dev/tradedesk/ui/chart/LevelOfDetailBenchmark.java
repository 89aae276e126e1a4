package dev.tradedesk.ui.chart;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the level of detail costs the JavaFX thread when a chart's data or range changes: the
 * candles ({@link VisibleCandles}) and the StochRSI pane's columns ({@link VisibleEnvelopes}) for
 * the whole history on a 1,300-pixel plot, over bars one minute apart ({@code around-the-clock},
 * the simulated exchange) or a stock market's sessions (6.5 hours on weekdays, {@code sessions}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class LevelOfDetailBenchmark {

    private static final double PLOT_WIDTH = 1_300;

    @Param({"100000", "1000000"})
    int bars;

    @Param({"around-the-clock", "sessions"})
    String market;

    private ChartSeries series;
    private ChartRange all;
    private final VisibleCandles candles = new VisibleCandles();
    private final VisibleEnvelopes envelopes = new VisibleEnvelopes();

    @Setup
    public void warm() {
        BarColumns history = market.equals("sessions")
                ? VisibleCandlesTest.sessionBars(Instant.parse("2020-01-06T00:00:00Z"), bars / 390 * 7 / 5, 7)
                : ChartFixtures.minuteBars(42, bars);
        series = ChartSeries.warmed(SeriesKey.of("AAPL", Timeframe.ONE_MINUTE), IndicatorParameters.DEFAULTS,
                Integer.highestOneBit(history.size()) * 2, history);
        all = new ChartRange(series.firstTime(), series.lastTime(), true);
    }

    @Benchmark
    public int candles() {
        candles.fill(series, all, PLOT_WIDTH, true);
        return candles.count();
    }

    /** Every column reduced, as after a zoom or a reload (a pan or a new bar reuses all but a few). */
    @Benchmark
    public int stochRsiColumns() {
        envelopes.clear();
        envelopes.fill(series, all, PLOT_WIDTH, true);
        return envelopes.columns();
    }
}
