package dev.tradedesk.cli;

import dev.tradedesk.app.AlpacaSettings;
import dev.tradedesk.app.MarketSession;
import dev.tradedesk.app.SimulatorSettings;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.PipelineStage;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tradedesk bench pipeline}: the whole live pipeline for many symbols against the built-in
 * simulated exchange on loopback (HTTP, parse, validation, indicators, a real history store in a
 * temporary directory, publishing), warmed up, then timed cycle by cycle and stage by stage.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time the live pipeline (simulated exchange → provider → scheduler → engine → store) per cycle and stage.")
final class BenchPipelineCommand implements Callable<Integer> {

    /**
     * A cycle is the live lane's: the latest bars of every symbol requested, processed and published.
     * The closing lane's history call for the bars that just closed runs beside it and is timed on
     * its own ({@code closed_bars}); {@code tick_to_engine} shows how long forming bars waited for it.
     */
    private static final List<PipelineStage> STAGES = List.of(PipelineStage.CYCLE, PipelineStage.CLOSED_BARS,
            PipelineStage.TICK_TO_ENGINE, PipelineStage.FETCH, PipelineStage.PARSE, PipelineStage.INDICATORS,
            PipelineStage.PUBLISH, PipelineStage.STORE_WRITE);

    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--symbols", paramLabel = "N", defaultValue = "100", description = "Watchlist size (default: ${DEFAULT-VALUE}).")
    private int symbolCount;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "20s", converter = DurationConverter.Positive.class,
            description = "How long to measure after the warm-up (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "60",
            description = "Simulated minutes per real minute; 60 closes a bar every second (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "Least time to run before measuring, beyond the first 5 cycles, e.g. 30s to leave the JIT's"
                    + " start-up compilations out (default: ${DEFAULT-VALUE}).")
    private Duration warmUp;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.Positive.class,
            description = "Time between cycle starts (default: ${DEFAULT-VALUE}).")
    private Duration interval;

    @Override
    public Integer call() throws Exception {
        if (symbolCount < 1 || symbolCount > 500) {
            throw new ParameterException(spec.commandLine(), "--symbols must be between 1 and 500");
        }
        List<Symbol> symbols = IntStream.range(0, symbolCount).mapToObj(i -> Symbol.of(String.format(Locale.ROOT, "SYM%03d", i))).toList();
        PipelineMetrics pipeline = new PipelineMetrics();
        MarketSession.Options options = new MarketSession.Options(ProviderKind.SIM, symbols, Timeframe.ONE_MINUTE,
                IndicatorParameters.DEFAULTS, AlpacaSettings.DEFAULTS, new SimulatorSettings(speed, 42, 1), Optional.empty(),
                Duration.ofHours(2), Optional.of(interval), Duration.ofHours(3));
        PrintWriter out = spec.commandLine().getOut();
        try (TemporaryDirectory directory = new TemporaryDirectory("tradedesk-bench-pipeline-");
                HistoryStore store = HistoryStore.open(StoreOptions.defaults(directory.path()))) {
            long warmUpStarted = System.nanoTime();
            try (MarketSession session = MarketSession.start(options, store, pipeline, update -> { },
                    bench.root().context().host(), Clock.systemUTC())) {
                awaitCycles(pipeline, 5, Duration.ofMinutes(2));
                long warmUpLeft = warmUp.toNanos() - (System.nanoTime() - warmUpStarted);
                if (warmUpLeft > 0) {
                    Thread.sleep((warmUpLeft + 999_999) / 1_000_000);
                }
                out.println("pipeline.warmup_s: " + format((System.nanoTime() - warmUpStarted) / 1e9));
                Map<PipelineStage, Histogram> measured = new EnumMap<>(PipelineStage.class);
                STAGES.forEach(stage -> measured.put(stage, new Histogram(3)));
                STAGES.forEach(pipeline::interval); // discard the warm-up
                long deadline = System.nanoTime() + duration.toNanos();
                while (System.nanoTime() < deadline) {
                    Thread.sleep(Math.min(250, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                }
                STAGES.forEach(stage -> measured.get(stage).add(pipeline.interval(stage)));
                print(out, session, measured);
                return session.feedMetrics().failures() == 0 ? 0 : 1;
            }
        }
    }

    private void print(PrintWriter out, MarketSession session, Map<PipelineStage, Histogram> measured) {
        out.println("pipeline.symbols: " + symbolCount);
        out.println("pipeline.speed: " + speed);
        out.println("pipeline.cycles: " + measured.get(PipelineStage.CYCLE).getTotalCount());
        for (PipelineStage stage : STAGES) {
            Histogram histogram = measured.get(stage);
            String key = "pipeline." + stage.key();
            out.println(key + ".count: " + histogram.getTotalCount());
            out.println(key + ".p50_ms: " + format(histogram.getValueAtPercentile(50) / 1e6));
            out.println(key + ".p99_ms: " + format(histogram.getValueAtPercentile(99) / 1e6));
            out.println(key + ".max_ms: " + format(histogram.getMaxValue() / 1e6));
        }
        // Parse, indicators and publish run once per request or batch; their p99s summed bound the processing p99.
        double processing = (measured.get(PipelineStage.PARSE).getValueAtPercentile(99)
                + measured.get(PipelineStage.INDICATORS).getValueAtPercentile(99)
                + measured.get(PipelineStage.PUBLISH).getValueAtPercentile(99)) / 1e3;
        out.println("pipeline.processing_upper_bound.p99_us: " + format(processing));
        out.println("pipeline.errors: " + session.feedMetrics().failures());
        out.println("pipeline.dropped_records: " + session.feedMetrics().droppedRecords());
        out.flush();
    }

    private static void awaitCycles(PipelineMetrics pipeline, int cycles, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long seen = 0;
        while (seen < cycles && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen += pipeline.interval(PipelineStage.CYCLE).getTotalCount();
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
