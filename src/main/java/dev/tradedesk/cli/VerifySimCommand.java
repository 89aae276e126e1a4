package dev.tradedesk.cli;

import dev.tradedesk.app.SessionTuning;
import dev.tradedesk.app.SimVerification;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tradedesk verify-sim}: records from a faulty simulated exchange through the real provider,
 * scheduler and store, then compares the database with the simulator's ground truth. Exit code 0
 * only if nothing is missing, duplicated or wrong.
 */
@Command(name = "verify-sim", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Record from the simulated exchange with injected faults, then check the stored bars.",
                "The database is compared with the simulator's ground truth: prints bars.expected, bars.stored,",
                "bars.missing, bars.duplicated, bars.wrong; exits 1 unless the last three are 0."})
final class VerifySimCommand implements Callable<Integer> {

    @ParentCommand
    private TradeDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private FaultOptions faultOptions = new FaultOptions();

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.Positive.class,
            description = "How long to record before the market freezes (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "600",
            description = "Simulated minutes per real minute (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--symbols", paramLabel = "N", defaultValue = "20", description = "How many symbols (default: ${DEFAULT-VALUE}).")
    private int symbols;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "The price model's seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--lookback", paramLabel = "DURATION", defaultValue = "2d", converter = DurationConverter.class,
            description = "Backfill of a new series (default: ${DEFAULT-VALUE}).")
    private Duration lookback;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.Positive.class,
            description = "Time between scheduler cycles (default: the record default, 1s).")
    private Duration interval;

    @Option(names = "--read-timeout", paramLabel = "DURATION", converter = DurationConverter.Positive.class,
            description = "HTTP read timeout; a stall lasts 2 s longer (default: the app's, 10s).")
    private Duration readTimeout;

    @Option(names = "--retry", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "First retry delay after a failure without Retry-After (default: the app's, 1s).")
    private Duration retryInitial;

    @Option(names = "--catch-up", paramLabel = "DURATION", defaultValue = "120s", converter = DurationConverter.class,
            description = "After the freeze, how long to wait for the ledger to show nothing missing (default: ${DEFAULT-VALUE}).")
    private Duration catchUp;

    @Option(names = "--db-dir", paramLabel = "DIR",
            description = "Database directory, new or recorded into before with the same --seed, --speed and --sim-anchor"
                    + " (default: a temporary directory, deleted afterwards).")
    private Path dbDir;

    @Option(names = "--sim-anchor", paramLabel = "INSTANT",
            description = "As for record: the shared simulated timeline of earlier runs into --db-dir (default: now).")
    private Instant simAnchor;

    @Override
    public Integer call() throws Exception {
        SimVerification.Run run = run();
        root.context();
        PrintWriter out = spec.commandLine().getOut();
        out.println("verify-sim: " + Counted.of(symbols, "symbol") + ", " + duration + " at " + speed + "x, faults " + faultOptions.rate
                + (dbDir == null ? ", temporary database" : ", database in " + dbDir));
        out.flush();
        long started = System.nanoTime();
        if (dbDir != null) {
            return verifyInto(dbDir, run, out, started);
        }
        try (TemporaryDirectory temporary = new TemporaryDirectory("tradedesk-verify-sim")) {
            return verifyInto(temporary.path(), run, out, started);
        }
    }

    private int verifyInto(Path directory, SimVerification.Run run, PrintWriter out, long started) throws InterruptedException {
        SimVerification.Result result;
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(directory))) {
            result = SimVerification.run(run, store, root.host(), Clock.systemUTC());
        }
        print(out, result, System.nanoTime() - started);
        return result.report().clean() ? 0 : 1;
    }

    private SimVerification.Run run() {
        try {
            SessionTuning tuning = SessionTuning.DEFAULTS;
            Duration timeout = readTimeout != null ? readTimeout : tuning.readTimeout();
            Duration retry = retryInitial != null ? retryInitial : tuning.retryInitial();
            tuning = tuning.withTimings(timeout, retry, tuning.retryCap().compareTo(retry) < 0 ? retry : tuning.retryCap())
                    .withFaults(faultOptions.toFaults(timeout.plusSeconds(2)));
            if (simAnchor != null) {
                tuning = tuning.withSimClockAnchor(simAnchor);
            }
            if (!(speed > 0 && speed <= 10_000)) {
                throw new IllegalArgumentException("--speed must be in (0, 10000]");
            }
            return new SimVerification.Run(symbols, speed, seed, duration, lookback, Optional.ofNullable(interval), catchUp, tuning);
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
    }

    static void print(PrintWriter out, SimVerification.Result result, long elapsedNanos) {
        SimVerification.Report report = result.report();
        out.println("bars.expected: " + report.expected());
        out.println("bars.stored: " + report.stored());
        out.println("bars.missing: " + report.missing());
        out.println("bars.duplicated: " + report.duplicated());
        out.println("bars.wrong: " + report.wrong());
        out.println("ledger.missing_ranges: " + report.ledgerMissingRanges());
        out.println("caught_up: " + result.caughtUp());
        // "none" where no series was told complete to any degree (nothing stored), not NaN.
        out.println("completeness.lowest: " + (Double.isNaN(result.lowestCompleteness()) ? "none"
                : String.format(Locale.ROOT, "%.5f", result.lowestCompleteness())));
        out.println("catch_up_s: " + String.format(Locale.ROOT, "%.1f", result.catchUpTime().toMillis() / 1e3));
        out.println("requests: " + result.requests());
        out.println("retries: " + result.retries());
        out.println("errors.total: " + result.failures());
        out.println("dropped.total: " + result.droppedRecords());
        out.println("store.failures: " + result.storeFailures());
        long injected = result.faults().values().stream().mapToLong(Long::longValue).sum();
        out.println("faults.total: " + injected);
        result.faults().forEach((kind, count) -> out.println("faults." + kind.label() + ": " + count));
        out.println("connection.final: " + result.finalState());
        out.println("elapsed_s: " + String.format(Locale.ROOT, "%.1f", elapsedNanos / 1e9));
        report.samples().forEach(problem -> out.println("problem: " + problem));
        out.println(report.clean() ? "verify-sim: OK" : "verify-sim: FAILED");
        out.flush();
    }
}
