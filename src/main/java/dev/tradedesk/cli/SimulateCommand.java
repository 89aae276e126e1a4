package dev.tradedesk.cli;

import dev.tradedesk.app.ManagedExecutors;
import dev.tradedesk.app.SimulatorSettings;
import dev.tradedesk.core.Spaces;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.sim.FaultKind;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimFaults;
import dev.tradedesk.feed.sim.SimulatedExchange;
import dev.tradedesk.feed.sim.SimulatedMarket;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tradedesk simulate}: runs the built-in simulated exchange alone and prints its URL, for
 * trying the Alpaca provider, curl, or another client against it. Runs until Ctrl-C, SIGTERM or
 * {@code --duration}, each of which is its normal end: the server is closed and it exits 0 (a
 * second Ctrl-C exits at once, see {@link StopSignals}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the built-in simulated exchange (Alpaca Market Data API v2 on 127.0.0.1).",
                "Serves /v2/stocks/bars, /v2/stocks/{symbol}/bars and /v2/stocks/bars/latest."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the exchange served until stopped (Ctrl-C, SIGTERM or --duration) and was closed",
            "1:it failed, said on stderr (the port in use, say)",
            "2:a usage error (a bad option)",
            "130, 143:a second Ctrl-C or SIGTERM while it was stopping, which ends it at once"})
final class SimulateCommand implements Callable<Integer> {

    @ParentCommand
    private TradeDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "TCP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--symbols", paramLabel = "A,B", split = ",",
            description = "Symbols to list (default: a catalogue of 50 well-known US tickers).")
    private List<String> symbols;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Simulated minutes per real minute: 60 = one simulated minute per second (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--history", paramLabel = "DURATION", defaultValue = "2d", converter = DurationConverter.class,
            description = "At least this much history before now to serve; the start is rounded down to a 32-day grid,"
                    + " so that every run in the same block serves the same prices (default: ${DEFAULT-VALUE}).")
    private Duration history;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the price model; the same seed gives the same prices (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.Positive.class,
            description = "Stop after this long (default: run until Ctrl-C).")
    private Duration duration;

    @picocli.CommandLine.Mixin
    private FaultOptions faultOptions = new FaultOptions();

    @Option(names = "--stall", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
            description = "With --faults: how long a stalled response keeps the client waiting (default: ${DEFAULT-VALUE}).")
    private Duration stall;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        if (!(speed > 0 && speed <= SimulatorSettings.MAX_SPEED)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--speed must be in (0, " + (long) SimulatorSettings.MAX_SPEED + "], was " + speed);
        }
        List<Symbol> listed = parseSymbols();
        SimFaults faults;
        try {
            faults = faultOptions.toFaults(stall);
        } catch (IllegalArgumentException invalid) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), invalid.getMessage());
        }
        root.context();
        PrintWriter out = spec.commandLine().getOut();
        SimClock clock = new SimClock(Clock.systemUTC(), Clock.systemUTC().instant(), speed);
        SimulatedMarket market = SimulatedMarket.anchoredOnGrid(seed, clock, history, listed, listed.isEmpty());
        CountDownLatch stopped = new CountDownLatch(1);
        try (StopSignals ctrlC = StopSignals.install(stopped::countDown);
                ManagedExecutors executors = new ManagedExecutors(Duration.ofSeconds(2));
                SimulatedExchange exchange = SimulatedExchange.start(market, port,
                        executors.fixedPool("sim-http", faults.active() ? 12 : 4), faults)) {
            // Ctrl-C and SIGTERM are StopSignals'; this hook closes the server on the other ways the JVM
            // shuts down (SIGHUP: the terminal closed), where nothing after it runs.
            Thread onShutdown = new Thread(() -> {
                exchange.close();
                stopped.countDown();
            }, "tradedesk-simulate-shutdown");
            Runtime.getRuntime().addShutdownHook(onShutdown);
            printServing(out, exchange, market, faults);
            if (duration == null) {
                stopped.await();
            } else {
                stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
            ShutdownHooks.remove(onShutdown);
            if (faults.active()) {
                exchange.faultsInjected().forEach((kind, count) -> out.println("faults." + kind.label() + ": " + count));
            }
        }
        LoggerFactory.getLogger(SimulateCommand.class).info("Simulated exchange stopped");
        out.println("simulated exchange stopped");
        out.flush();
        return 0;
    }

    private void printServing(PrintWriter out, SimulatedExchange exchange, SimulatedMarket market, SimFaults faults) {
        out.println("simulated exchange: " + exchange.baseUrl());
        out.println("api: Alpaca Market Data v2 (any API key is accepted)");
        out.println("symbols: " + market.symbols().stream().map(Symbol::value).collect(Collectors.joining(",")));
        out.println("speed: " + speed + "x, history from " + market.historyStart() + ", seed " + seed);
        if (faults.active()) {
            out.println("faults: " + faults.rate() + " of responses, kinds " + faults.kinds().stream()
                    .map(FaultKind::label).sorted().collect(Collectors.joining(",")) + ", fault seed " + faults.seed());
        }
        out.println(duration == null ? "Press Ctrl-C to stop." : "Stopping after " + duration + ".");
        out.flush();
    }

    private List<Symbol> parseSymbols() {
        if (symbols == null) {
            return List.of();
        }
        try {
            return symbols.stream().filter(text -> !Spaces.isBlank(text)).map(Symbol::of).distinct().toList();
        } catch (IllegalArgumentException invalid) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--symbols: " + invalid.getMessage());
        }
    }
}
