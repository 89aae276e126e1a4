package dev.tradedesk.core;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/**
 * The live path, one operation = one new closed bar ({@code append}) or one tick of the forming
 * bar ({@code update}), for the full set, side by side with what TA-Lib and ta4j need for the
 * same: TA-Lib has no incremental API, so each new bar recomputes RSI + STOCHRSI + ATR over a
 * trailing window of {@value #TA_LIB_WINDOW} bars (what the trading bot did on its DataFrames);
 * ta4j adds the bar (or the price) to its series and asks RSI, %D and ATR for the last index; its
 * series keeps at most 100,000 bars, the same bounded memory as ours (ta4j then removes the oldest
 * bar from an {@code ArrayList} on every add). Each side starts warm with {@value #HISTORY} bars
 * and cycles through 1,000,000 generated ones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IndicatorLiveBenchmark {

    static final int BARS = 1_000_000;
    static final int HISTORY = 10_000;
    static final int TA_LIB_WINDOW = 200;

    private BarColumns bars;
    private double[] high;
    private double[] low;
    private double[] close;
    private int cursor;
    private long time;
    private long formingTime;

    private IndicatorSeries series;

    private final Core taLib = new Core();
    private final MInteger begin = new MInteger();
    private final MInteger length = new MInteger();
    private final double[] rsi = new double[TA_LIB_WINDOW];
    private final double[] fastK = new double[TA_LIB_WINDOW];
    private final double[] fastD = new double[TA_LIB_WINDOW];
    private final double[] atr = new double[TA_LIB_WINDOW];

    private BarSeries ta4jSeries;
    private IndicatorBatchBenchmark.Ta4jSet ta4j;

    private void generateBars() {
        bars = TestBars.generate(42, BARS, 100, 0.01);
        high = Arrays.copyOf(bars.highsArray(), BARS);
        low = Arrays.copyOf(bars.lowsArray(), BARS);
        close = Arrays.copyOf(bars.closesArray(), BARS);
    }

    /**
     * Warm state, once per trial (a per-iteration setup would allocate inside the measured window
     * and show up in {@code -prof gc}); appends then simply continue from iteration to iteration.
     */
    @Setup(Level.Trial)
    public void warm() {
        generateBars();
        BarColumns history = new BarColumns(HISTORY);
        for (int i = 0; i < HISTORY; i++) {
            history.add(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
        series = new IndicatorSeries(SeriesKey.of("BENCH", Timeframe.ONE_MINUTE), IndicatorParameters.DEFAULTS);
        series.appendAll(history);
        ta4jSeries = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).withMaxBarCount(100_000).build();
        for (int i = 0; i < HISTORY; i++) {
            ta4jSeries.addBar(end(bars.time(i)), bars.open(i), bars.high(i), bars.low(i), bars.close(i),
                    bars.volume(i));
        }
        ta4j = new IndicatorBatchBenchmark.Ta4jSet(ta4jSeries);
        for (int i = 0; i < HISTORY; i++) {
            ta4j.rsi.getValue(i);
            ta4j.d.getValue(i);
            ta4j.atr.getValue(i);
        }
        cursor = HISTORY;
        time = bars.time(HISTORY - 1);
        formingTime = time + 60_000;
    }

    private static ZonedDateTime end(long openTime) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(openTime + 60_000), ZoneOffset.UTC);
    }

    /** The next generated bar, wrapping around; times keep increasing. */
    private int next() {
        int i = cursor;
        cursor = i + 1 == BARS ? 1 : i + 1;
        time += 60_000;
        return i;
    }

    @Benchmark
    public double tradedeskAppend() {
        int i = next();
        series.append(time, bars.open(i), high[i], low[i], close[i], bars.volume(i));
        return series.latest(Indicator.STOCH_D);
    }

    /** One tick of a forming bar: a new price for the same bar time. */
    @Benchmark
    public double tradedeskUpdate() {
        int i = next();
        double open = bars.open(i);
        // Same bar time every tick: the forming bar is replaced, never closed.
        series.update(formingTime, open, high[i], low[i], close[i], bars.volume(i));
        return series.latest(Indicator.STOCH_D);
    }

    @Benchmark
    public double talibAppendRecomputeWindow() {
        int end = Math.max(next(), TA_LIB_WINDOW);
        int start = end - TA_LIB_WINDOW + 1;
        taLib.rsi(start, end, close, 14, begin, length, rsi);
        taLib.stochRsi(start, end, close, 14, 14, 3, MAType.Sma, begin, length, fastK, fastD);
        taLib.atr(start, end, high, low, close, 14, begin, length, atr);
        return rsi[length.value - 1] + fastD[length.value - 1] + atr[length.value - 1];
    }

    @Benchmark
    public void ta4jAppend(Blackhole sink) {
        int i = next();
        ta4jSeries.addBar(end(time), bars.open(i), high[i], low[i], close[i], bars.volume(i));
        ta4j.consume(ta4jSeries.getEndIndex(), sink);
    }

    /** ta4j's forming-bar update: a new price on the last bar, then the values at the last index. */
    @Benchmark
    public void ta4jUpdate(Blackhole sink) {
        int i = next();
        ta4jSeries.addPrice(close[i]);
        ta4j.consume(ta4jSeries.getEndIndex(), sink);
    }
}
