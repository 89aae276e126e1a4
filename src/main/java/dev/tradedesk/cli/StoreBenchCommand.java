package dev.tradedesk.cli;

import dev.tradedesk.store.StoreBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tradedesk bench store}: the history store on a fresh database in a temporary directory
 * (deleted afterwards; the data dir is not touched): ingest rate, uncached and cached 1,000-bar
 * range query latency, bytes on disk per bar.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Time the history store on a fresh temporary database.",
                "Batch ingest, 1,000-bar range queries (uncached and cached) and bytes on disk per bar; the data dir"
                        + " is not touched."})
final class StoreBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--bars", paramLabel = "N", description = "Bars to ingest (default ${DEFAULT-VALUE}).")
    private int barCount = 1_000_000;

    @Option(names = "--queries", paramLabel = "N", description = "Timed uncached range queries (default ${DEFAULT-VALUE}).")
    private int queries = 5_000;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random bars and ranges (default ${DEFAULT-VALUE}).")
    private long seed = 42;

    @Override
    public Integer call() throws IOException {
        if (barCount < 2 * StoreBenchmark.RANGE) {
            throw new ParameterException(spec.commandLine(), "--bars must be at least " + 2 * StoreBenchmark.RANGE);
        }
        if (queries < 100) {
            throw new ParameterException(spec.commandLine(), "--queries must be at least 100");
        }
        try (TemporaryDirectory directory = new TemporaryDirectory("tradedesk-bench-store-")) {
            Map<String, String> results = new StoreBenchmark(directory.path(), barCount, queries, seed).run();
            PrintWriter out = spec.commandLine().getOut();
            results.forEach((key, value) -> out.println(key + ": " + value));
            return 0;
        }
    }
}
