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
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticRSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The batch path over the same generated bars, side by side: TradeDesk's full indicator set
 * (RSI, StochRSI %K/%D, ATR, ATR-MA, ratio, bands, volume SMA, relative volume), TA-Lib computing
 * only RSI + STOCHRSI + ATR, and ta4j 0.17 (DoubleNum, its fastest number type) computing RSI,
 * StochasticRSI with %K and %D SMAs, and ATR. Time per operation is for all bars; divide by
 * {@code bars} for time per bar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class IndicatorBatchBenchmark {

    @Param("1000000")
    public int bars;

    private BarColumns columns;
    private IndicatorColumns out;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] talibRsi;
    private double[] talibFastK;
    private double[] talibFastD;
    private double[] talibAtr;
    private final Core taLib = new Core();
    private BarSeries ta4jSeries;

    @Setup
    public void generate() {
        columns = TestBars.generate(42, bars, 100, 0.01);
        out = new IndicatorColumns(bars);
        high = Arrays.copyOf(columns.highsArray(), bars);
        low = Arrays.copyOf(columns.lowsArray(), bars);
        close = Arrays.copyOf(columns.closesArray(), bars);
        talibRsi = new double[bars];
        talibFastK = new double[bars];
        talibFastD = new double[bars];
        talibAtr = new double[bars];
        ta4jSeries = ta4jSeries(columns, bars);
    }

    static BarSeries ta4jSeries(BarColumns columns, int count) {
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < count; i++) {
            series.addBar(ZonedDateTime.ofInstant(Instant.ofEpochMilli(columns.time(i) + 60_000), ZoneOffset.UTC),
                    columns.open(i), columns.high(i), columns.low(i), columns.close(i), columns.volume(i));
        }
        return series;
    }

    @Benchmark
    public IndicatorColumns tradedeskFullSet() {
        new IndicatorPipeline(IndicatorParameters.DEFAULTS).pushAll(columns, out);
        return out;
    }

    @Benchmark
    public double[] talibRsiStochRsiAtr() {
        MInteger begin = new MInteger();
        MInteger length = new MInteger();
        taLib.rsi(0, bars - 1, close, 14, begin, length, talibRsi);
        taLib.stochRsi(0, bars - 1, close, 14, 14, 3, MAType.Sma, begin, length, talibFastK, talibFastD);
        taLib.atr(0, bars - 1, high, low, close, 14, begin, length, talibAtr);
        return talibFastD;
    }

    @Benchmark
    public void ta4jRsiStochRsiAtr(Blackhole sink) {
        Ta4jSet set = new Ta4jSet(ta4jSeries);
        for (int i = 0; i < bars; i++) {
            set.consume(i, sink);
        }
    }

    /** ta4j's equivalent of the set: RSI, StochRSI %K = SMA3, %D = SMA3 of %K, ATR. */
    static final class Ta4jSet {
        final Indicator<Num> rsi;
        final Indicator<Num> k;
        final Indicator<Num> d;
        final Indicator<Num> atr;

        Ta4jSet(BarSeries series) {
            RSIIndicator rsiIndicator = new RSIIndicator(new ClosePriceIndicator(series), 14);
            rsi = rsiIndicator;
            k = new SMAIndicator(new StochasticRSIIndicator(rsiIndicator, 14), 3);
            d = new SMAIndicator(k, 3);
            atr = new ATRIndicator(series, 14);
        }

        void consume(int index, Blackhole sink) {
            sink.consume(rsi.getValue(index));
            sink.consume(d.getValue(index));
            sink.consume(atr.getValue(index));
        }
    }
}
