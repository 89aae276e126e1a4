package dev.tradedesk.cli;

import dev.tradedesk.app.AppContext;
import dev.tradedesk.app.LogMarkers;
import dev.tradedesk.app.MarketSession;
import dev.tradedesk.app.SessionTuning;
import dev.tradedesk.app.SettingsLoad;
import dev.tradedesk.app.SimulatorSettings;
import dev.tradedesk.app.SoakRecorder;
import dev.tradedesk.app.TradeDesk;
import dev.tradedesk.core.Spaces;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.FeedMetrics;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.PipelineStage;
import dev.tradedesk.feed.PriceScheduler;
import dev.tradedesk.feed.ProviderException;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.alpaca.AlpacaBaseUrl;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreException;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tradedesk record}: runs the price scheduler headless and stores every bar in the history
 * database, for a server or a cron job. Backfills each series from its last stored bar first. At
 * the end (duration over, Ctrl-C, or the provider rejected the key twice) it flushes, closes the database cleanly and prints
 * {@code key: value} lines; it exits 1 with a one-line reason when it could not do its job, as a
 * script sees only the exit code.
 */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Record bars from a provider into the history database, headless.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run ended (--duration over, Ctrl-C or SIGTERM) without a failure below; stored.total, the bars it "
                    + "added, is 0 when the provider had nothing new (a closed market)",
            "1:it failed, said in one line on stderr: the provider rejected the key twice, not one request succeeded, "
                    + "a write to the history database failed, or no new bar was stored while records were dropped as "
                    + "invalid or the provider's client failed unexpectedly",
            "2:a usage error (a bad option, or a --soak-log file it refuses)",
            "130, 143:a second Ctrl-C or SIGTERM while it was stopping, which ends it at once"})
final class RecordCommand implements Callable<Integer> {

    @ParentCommand
    private TradeDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--provider", paramLabel = "NAME", required = true,
            description = "alpaca, binance, coinbase or sim (the built-in simulated exchange).")
    private String provider;

    @Option(names = "--symbols", paramLabel = "A,B", split = ",",
            description = "Symbols to record (default: the provider's watchlist in the settings).")
    private List<String> symbols;

    @Option(names = "--timeframe", paramLabel = "TF", defaultValue = "1Min",
            description = "1Min, 5Min, 15Min, 1Hour or 1Day (default: ${DEFAULT-VALUE}).")
    private String timeframe;

    @Option(names = "--base-url", paramLabel = "URL", description = "Override the provider's host (a proxy, a test server).")
    private String baseUrl;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.Positive.class,
            description = "Stop after this long, e.g. 10m (default: until Ctrl-C).")
    private Duration duration;

    @Option(names = "--speed", paramLabel = "X", description = "With --provider sim: simulated minutes per real minute (default: the settings' value).")
    private Double speed;

    @Option(names = "--seed", paramLabel = "N", description = "With --provider sim: the price model's seed (default: the settings' value).")
    private Long seed;

    @Mixin
    private SoakOptions soakOptions;

    @Mixin
    private FaultOptions faultOptions = new FaultOptions();

    @Option(names = "--sim-anchor", paramLabel = "INSTANT",
            description = {"With --provider sim: the wall-clock time (e.g. 2026-03-02T15:00:00Z) at which the simulated",
                    "clock read the same; runs with the same anchor and speed share one simulated timeline (default: now, or",
                    "just after the newest bar in the simulated history if that is later)."})
    private Instant simAnchor;

    /** Where the symbols came from when --symbols was not given, said with them; empty otherwise. */
    private String symbolsFromSettings = "";

    @Override
    public Integer call() throws Exception {
        MarketSession.Options options = options();
        SoakRecorder soakRecorder;
        try {
            soakRecorder = soakOptions.startRecorder(root.paths());
        } catch (OutputTarget.Refused refused) {
            spec.commandLine().getErr().println("tradedesk: --soak-log: " + refused.getMessage());
            LoggerFactory.getLogger(RecordCommand.class).warn(LogMarkers.TOLD_ON_CONSOLE, "record refused: --soak-log: {}",
                    refused.getMessage());
            return picocli.CommandLine.ExitCode.USAGE;
        }
        try (SoakRecorder soak = soakRecorder) {
            int exitCode = record(options);
            if (soak != null) {
                PrintWriter out = spec.commandLine().getOut();
                soak.summary(SoakRecorder.WARM_UP).forEach((key, value) -> out.println(key + ": " + value));
                out.flush();
            }
            return exitCode;
        }
    }

    private int record(MarketSession.Options options) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Runnable stopAsked = () -> {
            sayStopping();
            stop.countDown();
        };
        try (StopSignals ctrlC = StopSignals.install(stopAsked); TradeDesk desk = new TradeDesk(root.context())) {
            HistoryStore store = desk.historyStore(options.provider());
            long storedBefore = store.barCount();
            PipelineMetrics pipeline = new PipelineMetrics();
            AtomicReference<String> stoppedBecause = new AtomicReference<>();
            CountDownLatch finished = new CountDownLatch(1);
            // Ctrl-C and SIGTERM are StopSignals'; this hook holds the JVM for the summary on the other
            // ways it shuts down (SIGHUP: the terminal closed), and holds nothing after a first Ctrl-C or SIGTERM.
            Thread onShutdown = ShutdownHooks.holdingUntilFinished("tradedesk-record-shutdown", ctrlC::stopAsked,
                    stop::countDown, finished, Duration.ofSeconds(20));
            Runtime.getRuntime().addShutdownHook(onShutdown);
            long started = System.nanoTime();
            try {
                MarketSession session = MarketSession.start(options, store, pipeline, update -> {
                    if (update.connection() != null && update.connection().status() == ConnectionState.Status.STOPPED) {
                        stoppedBecause.set(update.connection().reason());
                        stop.countDown(); // stopped for good: nothing more would be recorded until Ctrl-C
                    }
                }, root.context().host(), Clock.systemUTC());
                PrintWriter out = spec.commandLine().getOut();
                out.println("recording " + Counted.of(options.symbols().size(), "symbol") + " from " + options.provider().label()
                        + (duration == null ? " until Ctrl-C" : " for " + duration) + symbolsFromSettings);
                out.flush();
                try {
                    if (duration == null) {
                        stop.await();
                    } else {
                        stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
                    }
                } finally {
                    session.close();
                }
                NewBars added = NewBars.since(storedBefore, store);
                StringWriter summary = new StringWriter();
                try (PrintWriter lines = new PrintWriter(summary)) {
                    printSummary(lines, session, added, pipeline, System.nanoTime() - started);
                }
                out.print(summary);
                out.flush();
                // The figures a failure line below points to ("see errors.* above"), kept where a cron or
                // systemd run, whose standard output nobody read, can still find them.
                LoggerFactory.getLogger(RecordCommand.class).info("record summary: {}",
                        summary.toString().strip().replace(System.lineSeparator(), ", "));
                String failure = session.stopped() ? keyRejected(options, stoppedBecause.get())
                        : failure(session, added, pipeline.total(PipelineStage.STORE_WRITE).getTotalCount(), store.databaseFile());
                if (failure != null) {
                    spec.commandLine().getErr().println("tradedesk: " + failure);
                    // Looked up here: --help never starts logging. The log keeps why a cron or systemd run failed.
                    LoggerFactory.getLogger(RecordCommand.class).error(LogMarkers.TOLD_ON_CONSOLE, "record failed: {}", failure);
                }
                return failure != null ? 1 : 0;
            } finally {
                finished.countDown();
                ShutdownHooks.remove(onShutdown);
            }
        }
    }

    /**
     * Answers the first Ctrl-C or SIGTERM at once, on the signal's thread: the close that follows
     * says nothing until its summary, and a user who sees nothing presses Ctrl-C again, which ends
     * the run at once, without its summary.
     */
    private void sayStopping() {
        String message = "stopping: storing the bars already received, then closing the history database"
                + " (a second Ctrl-C or SIGTERM ends it at once, keeping the bars stored so far)";
        PrintWriter err = spec.commandLine().getErr();
        err.println("tradedesk: " + message);
        err.flush();
        LoggerFactory.getLogger(RecordCommand.class).info(LogMarkers.TOLD_ON_CONSOLE, "Ctrl-C or SIGTERM: {}", message);
    }

    /**
     * Why the run did not do its job, for scripts that read only the exit code; {@code null} if it
     * did. A market with nothing new (closed) is no failure: its requests succeed, nothing is dropped.
     */
    private static String failure(MarketSession session, NewBars added, long writes, Path database) {
        FeedMetrics feed = session.feedMetrics();
        String provider = session.provider().label();
        String noneSucceeded = noRequestSucceeded(feed, provider);
        if (noneSucceeded != null) {
            return noneSucceeded;
        }
        if (session.storeFailures() > 0) {
            return session.storeFailures() + " of " + Counted.of(writes, "write") + " to the history database " + database
                    + " failed; see store.failures above and the log";
        }
        if (added.unknownBecause() != null) {
            return "the history database " + database + " could not be read after the run, so what it added is unknown: "
                    + added.unknownBecause();
        }
        long dropped = feed.droppedRecords();
        if (added.count() == 0 && dropped > 0) {
            return "no new bar was stored, and " + Counted.of(dropped, "record") + " from " + provider
                    + (dropped == 1 ? " was" : " were") + " dropped as invalid; see dropped.* above and the log";
        }
        return nothingStoredForClientBugs(feed, added.count(), provider);
    }

    /**
     * Why the run failed if it stored nothing while the provider's client failed of its own accord
     * ({@link ProviderException.Kind#INTERNAL}), else {@code null}. A client that throws at every call
     * sends no request, so {@link #noRequestSucceeded} cannot see it, and a run that recorded nothing
     * for that reason is no closed market.
     */
    static String nothingStoredForClientBugs(FeedMetrics feed, long added, String provider) {
        long bugs = feed.failures(ProviderException.Kind.INTERNAL);
        if (added == 0 && bugs > 0) {
            return "no new bar was stored, and the " + provider + " client failed unexpectedly "
                    + (bugs == 1 ? "once" : bugs + " times") + "; see errors.internal above and the log";
        }
        return null;
    }

    /**
     * Why the run failed if not one request sent to {@code provider} succeeded, else {@code null}. The
     * provider's client counts each request it sends and each one that fails; a bug of the client's
     * ({@link ProviderException.Kind#INTERNAL}) is counted besides and may have sent no request at all
     * (a throw), so it is no failure of a request sent: counted as one, a client throwing now and then
     * failed a run whose other requests were answered.
     */
    static String noRequestSucceeded(FeedMetrics feed, String provider) {
        long sent = feed.requests();
        long failedSent = feed.failures() - feed.failures(ProviderException.Kind.INTERNAL);
        if (sent > 0 && failedSent >= sent) {
            return "not one of " + sent + " requests to " + provider + " succeeded; see errors.* above and the log";
        }
        return null;
    }

    /**
     * Why the scheduler stopped: a single rejection of the key is retried (providers answer a stray
     * 401 now and then), so it was rejected twice in a row. Says where the key in use came from, as a
     * key in the settings is used before the environment's. No part of the key is in it.
     */
    private String keyRejected(MarketSession.Options options, String reason) {
        String rejected = reason == null || reason.isBlank() ? options.provider().label() + " rejected the API key" : reason;
        String settings = "alpaca.keyId and alpaca.secretKey in Settings (" + root.context().paths().settingsFile() + ")";
        String variables = AppContext.ALPACA_KEY_ID_VARIABLE + " and " + AppContext.ALPACA_SECRET_VARIABLE;
        String fix = options.alpaca().keyId().isPresent() || options.alpaca().secretKey().isPresent()
                ? "check " + settings + ", which are used before " + variables
                : "check the environment variables " + variables + ", or enter a key as " + settings;
        return rejected + " twice in a row, so recording stopped; " + fix;
    }

    /**
     * The bars a run added to the store: its count after the run less its count before. The
     * writes cannot say it, as H2's MERGE reports a bar written again (a repair pass, an
     * overlapping fetch) like a new one. When the store cannot be read at the end (a full disk makes
     * H2 close the database), {@code unknownBecause} says why, and the summary is printed all the same.
     */
    private record NewBars(long count, String unknownBecause) {

        static NewBars since(long storedBefore, HistoryStore store) {
            try {
                return new NewBars(store.barCount() - storedBefore, null);
            } catch (StoreException unreadable) {
                return new NewBars(0, unreadable.getMessage());
            }
        }
    }

    private MarketSession.Options options() {
        ProviderKind kind;
        Timeframe frame;
        List<Symbol> parsed;
        try {
            kind = ProviderKind.parse(provider);
            frame = Timeframe.parse(timeframe);
            parsed = symbols == null ? null
                    : symbols.stream().filter(text -> !Spaces.isBlank(text)).map(Symbol::of).distinct().toList();
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
        if (parsed != null && parsed.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--symbols: give at least one symbol");
        }
        if ((speed != null || seed != null || faultOptions.requested() || simAnchor != null) && kind != ProviderKind.SIM) {
            throw new ParameterException(spec.commandLine(),
                    "--speed, --seed, --faults, --fault-kinds and --sim-anchor apply to --provider sim only");
        }
        String url = baseUrl == null ? null : Spaces.trimmed(baseUrl); // OkHttp's parse trims no no-break space
        if (url != null && !isHttpUrl(url)) {
            throw new ParameterException(spec.commandLine(), "--base-url: not an http(s) URL: " + baseUrl);
        }
        // The rules of the settings' Alpaca URL, for any provider: a port OkHttp takes, no user name or
        // password (the URL reaches the log). Its scheme and host are checked above.
        Optional<String> urlProblem = url == null ? Optional.empty() : AlpacaBaseUrl.problem(url);
        if (urlProblem.isPresent()) {
            throw new ParameterException(spec.commandLine(), "--base-url: " + urlProblem.get());
        }
        SessionTuning tuning = SessionTuning.DEFAULTS;
        try {
            // A stall outlasts the client's read timeout by a little: long enough to time out, short enough not to idle.
            tuning = tuning.withFaults(faultOptions.toFaults(tuning.readTimeout().plusSeconds(2)));
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
        if (simAnchor != null) {
            tuning = tuning.withSimClockAnchor(simAnchor);
        }
        var settings = root.context().settingsLoad().settings();
        if (parsed == null) {
            parsed = watchlistOf(settings.watchlists(), kind);
        }
        SimulatorSettings simulator;
        try {
            simulator = new SimulatorSettings(speed != null ? speed : settings.simulator().speed(),
                    seed != null ? seed : settings.simulator().seed(), settings.simulator().historyDays());
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), "--speed: " + invalid.getMessage());
        }
        return new MarketSession.Options(kind, parsed, frame, settings.indicators(), settings.alpaca(), simulator,
                Optional.ofNullable(url), PriceScheduler.Config.defaults(frame).lookback(), Optional.empty(),
                PriceScheduler.Config.defaults(frame).lookback().plus(Duration.ofDays(1)), tuning);
    }

    /** What the workstation would poll for {@code kind}: the symbols to record when none are given. */
    private List<Symbol> watchlistOf(Watchlists watchlists, ProviderKind kind) {
        List<Symbol> watchlist = watchlists.of(kind);
        Path file = root.context().paths().settingsFile();
        // A broken file is not read: its defaults apply, and naming the file would say otherwise.
        boolean exists = Files.exists(file);
        boolean fromFile = exists && root.context().settingsLoad().status() != SettingsLoad.Status.BROKEN;
        String name = "the " + Watchlists.name(kind) + " watchlist " + (fromFile ? "in " + file
                : "of the default settings" + (exists ? ", as " + file + " has a problem" : ""));
        if (watchlist.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--symbols not given and " + name + " is empty");
        }
        symbolsFromSettings = ": " + watchlist.stream().map(Symbol::value).collect(Collectors.joining(", "))
                + " (" + name + ")";
        return watchlist;
    }

    private static boolean isHttpUrl(String text) {
        try {
            java.net.URI uri = new java.net.URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException invalid) {
            return false;
        }
    }

    private static void printSummary(PrintWriter out, MarketSession session, NewBars added, PipelineMetrics pipeline,
            long elapsedNanos) {
        FeedMetrics feed = session.feedMetrics();
        out.println("record.provider: " + session.provider().label());
        out.println("record.duration_s: " + format(elapsedNanos / 1e9));
        out.println("stored.total: " + (added.unknownBecause() == null ? Long.toString(added.count()) : "unknown"));
        // A bar the store already held counts again when written again: writes, not what the run added.
        long written = 0;
        for (var entry : session.writtenBySymbol().entrySet()) {
            out.println("written." + entry.getKey().value() + ": " + entry.getValue());
            written += entry.getValue();
        }
        out.println("written.total: " + written);
        out.println("store.failures: " + session.storeFailures());
        out.println("requests: " + feed.requests());
        out.println("retries: " + feed.retries());
        out.println("errors.total: " + feed.failures());
        for (ProviderException.Kind kind : ProviderException.Kind.values()) {
            out.println("errors." + kind.name().toLowerCase(Locale.ROOT) + ": " + feed.failures(kind));
        }
        out.println("dropped.total: " + feed.droppedRecords());
        session.simulatedExchange().filter(exchange -> exchange.responsesDecided() > 0).ifPresent(exchange ->
                exchange.faultsInjected().forEach((kind, count) -> out.println("faults." + kind.label() + ": " + count)));
        feed.droppedByReason().forEach((reason, count) -> out.println("dropped." + reason.replace(' ', '_') + ": " + count));
        for (PipelineStage stage : List.of(PipelineStage.FETCH, PipelineStage.PARSE, PipelineStage.INDICATORS,
                PipelineStage.STORE_WRITE, PipelineStage.PUBLISH, PipelineStage.CYCLE)) {
            Histogram histogram = pipeline.total(stage);
            out.println("latency." + stage.key() + ".count: " + histogram.getTotalCount());
            out.println("latency." + stage.key() + ".p50_ms: " + format(histogram.getValueAtPercentile(50) / 1e6));
            out.println("latency." + stage.key() + ".p99_ms: " + format(histogram.getValueAtPercentile(99) / 1e6));
        }
        out.flush();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
