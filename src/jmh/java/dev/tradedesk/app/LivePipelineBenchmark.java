package dev.tradedesk.app;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.CycleBatch;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.ui.live.MarketHandOff;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One cycle's processing after parsing, for a whole watchlist: every symbol's forming bar through
 * the indicator engine, quotes built and the update merged into the UI hand-off (store writes go
 * to their own thread and are excluded). One operation = one batch; every fourth batch also closes
 * a bar per symbol, as at speed 60 with a 250 ms interval.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LivePipelineBenchmark {

    @Param({"50", "100"})
    public int symbols;

    private LivePipeline pipeline;
    private MarketHandOff handOff;
    private Symbol[] watchlist;
    private long minute;
    private int tick;

    @Setup
    public void warm() {
        handOff = new MarketHandOff();
        pipeline = new LivePipeline(IndicatorParameters.DEFAULTS, (batch, covered) -> { }, (series, count) -> history(count),
                handOff::publish, new PipelineMetrics());
        watchlist = new Symbol[symbols];
        for (int i = 0; i < symbols; i++) {
            watchlist[i] = Symbol.of(String.format(Locale.ROOT, "SYM%03d", i));
        }
        minute = 10_000;
        pipeline.onBatch(batch(Map.of(), forming(0)));
    }

    private BarColumns history(int count) {
        BarColumns bars = new BarColumns(count);
        double price = 100;
        for (int i = 0; i < Math.min(count, 5_000); i++) {
            double next = price * (1 + 0.001 * Math.sin(i * 0.37));
            bars.add((long) i * 60_000, price, Math.max(price, next) + 0.1, Math.min(price, next) - 0.1, next, 1000 + i % 50);
            price = next;
        }
        return bars;
    }

    private Map<Symbol, Bar> forming(double shift) {
        Map<Symbol, Bar> bars = new HashMap<>();
        for (Symbol symbol : watchlist) {
            bars.put(symbol, new Bar(minute * 60_000, 100, 101 + shift, 99, 100.5 + shift, 500));
        }
        return bars;
    }

    private CycleBatch batch(Map<Symbol, BarColumns> closed, Map<Symbol, Bar> forming) {
        return new CycleBatch(1, Timeframe.ONE_MINUTE, closed, forming, Set.of(), Map.of(), System.nanoTime());
    }

    @Benchmark
    public void processOneCycle() {
        Map<Symbol, BarColumns> closed = Map.of();
        if (++tick % 4 == 0) {
            Map<Symbol, BarColumns> bars = new HashMap<>();
            for (Symbol symbol : watchlist) {
                BarColumns one = new BarColumns(1);
                one.add(minute * 60_000, 100, 101, 99, 100.5, 500);
                bars.put(symbol, one);
            }
            closed = bars;
            minute++;
        }
        pipeline.onBatch(batch(closed, forming(tick % 4 * 0.1)));
        handOff.take();
    }
}
