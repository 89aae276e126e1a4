package dev.tradedesk.cli;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorPipeline;
import dev.tradedesk.core.IndicatorSeries;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradedesk bench indicators}: times the indicator engine in this JVM on generated bars
 * (a random walk): the batch path, live appends and forming-bar updates, each warmed up first and
 * reported as the best of several timed rounds, plus the bytes allocated per live update.
 */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Time the indicator engine: batch, append, forming-bar update and allocation.")
final class BenchIndicatorsCommand implements Callable<Integer> {

    private static final int ROUNDS = 5;
    private static final int UPDATES_PER_BAR = 4;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bars", paramLabel = "N", description = "Bars per round (default ${DEFAULT-VALUE}).")
    private int barCount = 1_000_000;

    private double sink;

    @Override
    public Integer call() {
        if (barCount < 1_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--bars must be at least 1000");
        }
        BarColumns bars = randomWalk(barCount);
        IndicatorColumns out = new IndicatorColumns(barCount);
        double batchNanos = Double.MAX_VALUE;
        double appendNanos = Double.MAX_VALUE;
        double updateNanos = Double.MAX_VALUE;
        long allocated = 0;
        long liveOperations = 0;
        for (int round = 0; round < ROUNDS + 2; round++) {
            boolean timed = round >= 2;
            long start = System.nanoTime();
            new IndicatorPipeline(IndicatorParameters.DEFAULTS).pushAll(bars, out);
            long batch = System.nanoTime() - start;
            sink += out.get(Indicator.STOCH_D, barCount - 1);

            IndicatorSeries series = new IndicatorSeries(SeriesKey.of("BENCH", Timeframe.ONE_MINUTE),
                    IndicatorParameters.DEFAULTS);
            long bytesBefore = threadAllocatedBytes();
            long appendTime = appendAll(series, bars);
            long updateTime = updateAll(series, bars);
            long bytes = threadAllocatedBytes() - bytesBefore;
            if (timed) {
                batchNanos = Math.min(batchNanos, (double) batch / barCount);
                appendNanos = Math.min(appendNanos, (double) appendTime / barCount);
                updateNanos = Math.min(updateNanos, (double) updateTime / ((long) barCount * UPDATES_PER_BAR));
                allocated += bytes;
                liveOperations += (long) barCount * (1 + UPDATES_PER_BAR);
            }
        }
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("indicators.bars: %d%n", barCount);
        printer.printf("indicators.batch.ns_per_bar: %.2f%n", batchNanos);
        printer.printf("indicators.append.ns_per_bar: %.2f%n", appendNanos);
        printer.printf("indicators.update.ns_per_tick: %.2f%n", updateNanos);
        printer.printf("indicators.alloc.bytes_per_update: %.4f%n", (double) allocated / liveOperations);
        printer.printf("indicators.checksum: %s%n", sink);
        return 0;
    }

    /** Appends every bar, one closed bar at a time; returns the nanoseconds taken. */
    private long appendAll(IndicatorSeries series, BarColumns bars) {
        long start = System.nanoTime();
        for (int i = 0; i < bars.size(); i++) {
            series.append(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
        long elapsed = System.nanoTime() - start;
        sink += series.latest(Indicator.RSI);
        return elapsed;
    }

    /** Forms bars after the appended ones, each updated several times; returns the update nanoseconds. */
    private long updateAll(IndicatorSeries series, BarColumns bars) {
        long base = bars.time(bars.size() - 1);
        long start = System.nanoTime();
        for (int i = 0; i < bars.size(); i++) {
            long time = base + (i + 1) * 60_000L;
            double open = bars.open(i);
            double high = bars.high(i);
            double low = bars.low(i);
            for (int tick = 1; tick <= UPDATES_PER_BAR; tick++) {
                double close = low + (high - low) * tick / UPDATES_PER_BAR;
                series.update(time, open, high, low, close, bars.volume(i) * tick);
            }
        }
        long elapsed = System.nanoTime() - start;
        sink += series.latest(Indicator.STOCH_K);
        return elapsed;
    }

    private static long threadAllocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** A deterministic random walk of valid one-minute bars. */
    static BarColumns randomWalk(int count) {
        SplittableRandom random = new SplittableRandom(42);
        BarColumns bars = new BarColumns(count);
        double close = 100;
        for (int i = 0; i < count; i++) {
            double open = close;
            close = open * (1 + (random.nextDouble() - 0.5) * 0.02);
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.005);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.005);
            bars.add(1_700_000_000_000L + i * 60_000L, open, high, low, close, 1_000 + random.nextDouble() * 9_000);
        }
        return bars;
    }
}
