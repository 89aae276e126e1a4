package dev.tradedesk.cli;

import dev.tradedesk.app.Settings;
import dev.tradedesk.app.TradeDesk;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.TimeframeHistory;
import dev.tradedesk.ui.DesktopLauncher;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.ThemeStylesheets;
import dev.tradedesk.ui.chart.ChartImageExporter;
import dev.tradedesk.ui.chart.ChartModel;
import dev.tradedesk.ui.chart.ChartRange;
import dev.tradedesk.ui.chart.ChartView;
import dev.tradedesk.ui.chart.LiveBarRouter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tradedesk snapshot}: renders the workstation's three-pane chart (candles, volume,
 * StochRSI with its dynamic bands) of stored bars, or of the simulated exchange with
 * {@code --demo}, to a PNG, and exits. Without a display it renders on Monocle's headless screen.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Render the chart of a symbol to a PNG file, headless if there is no display.")
final class SnapshotCommand implements Callable<Integer> {

    private static final int WARM_UP_BARS = 200;
    private static final int MAX_HISTORY_MINUTES = 2_000_000;
    private static final Duration DEMO_ANCHOR_LOOKBACK = Duration.ofMinutes(MAX_HISTORY_MINUTES + 60L);

    @ParentCommand
    private TradeDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--symbol", paramLabel = "S", required = true, description = "Symbol to chart.")
    private String symbol;

    @Option(names = "--timeframe", paramLabel = "TF", defaultValue = "1Min",
            description = "1Min, 5Min, 15Min, 1Hour or 1Day (default: ${DEFAULT-VALUE}).")
    private String timeframe;

    @Option(names = "--bars", paramLabel = "N", defaultValue = "300", description = "Bars in view (default: ${DEFAULT-VALUE}).")
    private int bars;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1400", description = "Image width, 200 to 4096 (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "900", description = "Image height, 200 to 8000 (default: ${DEFAULT-VALUE}).")
    private int height;

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "Where to write the PNG.")
    private Path out;

    @Option(names = "--demo", description = "Chart the built-in simulated exchange instead of the database.")
    private boolean demo;

    @Mixin
    private HistoryChoice source;

    @Mixin
    private TradingDayOption tradingDays;

    @Option(names = "--theme", paramLabel = "light|dark", description = "Colour theme (default: the settings' theme).")
    private String theme;

    @Override
    public Integer call() throws Exception {
        Symbol chartSymbol = parse(() -> Symbol.of(symbol));
        Timeframe chartTimeframe = parse(() -> Timeframe.parse(timeframe));
        requireWithin("--bars", bars, 10, 1_000_000);
        requireWithin("--width", width, 200, ChartImageExporter.MAX_WIDTH);
        requireWithin("--height", height, 200, 8_000);
        if (StandardOutputWriter.isNamedBy(out)) {
            // Unlike export's and indicators' CSV, a PNG is no text to pipe on, and "-" is no file name anyone means.
            spec.commandLine().getErr().println("tradedesk: --out -: a snapshot is a PNG file and is not written to"
                    + " standard output; give a file name such as chart.png");
            return CommandLine.ExitCode.USAGE;
        }
        Path target;
        try {
            target = OutputTarget.resolve(out, root.paths());
        } catch (OutputTarget.Refused refused) {
            // The reason is all there is to say: a pointer to --help would not find the folder.
            spec.commandLine().getErr().println("tradedesk: " + refused.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (demo && source.simulated()) {
            throw new ParameterException(spec.commandLine(), "--demo charts the simulated exchange itself; "
                    + "--simulated reads its stored history: give one of them");
        }
        Settings settings = (demo ? root.context() : root.contextOfStoredData(spec.commandLine())).settingsLoad().settings();
        Theme chartTheme = theme == null ? settings.theme() : parse(() -> Theme.parse(theme));
        ZoneId dayZone;
        ChartHistory history;
        if (demo) {
            dayZone = tradingDays.zone(ProviderKind.SIM);
            history = new ChartHistory(demoMinuteBars(chartSymbol, historyMinutes(chartTimeframe, bars),
                    settings.simulator().seed(), Clock.systemUTC()), new BarColumns(0));
        } else {
            try (TradeDesk desk = new TradeDesk(root.context())) {
                ProviderKind market = source.simulated() ? ProviderKind.SIM : settings.provider();
                Optional<HistoryStore> existing = source.existingStore(desk, root.context().paths());
                if (existing.isPresent()) {
                    dayZone = tradingDays.zone(existing.get(), chartSymbol, chartTimeframe, market);
                    history = storedHistory(existing.get(), chartSymbol, chartTimeframe, dayZone, bars);
                } else {
                    dayZone = tradingDays.zone(market);
                    history = new ChartHistory(new BarColumns(0), new BarColumns(0));
                }
            }
        }
        if (history.isEmpty()) {
            spec.commandLine().getErr().println("tradedesk: no bars stored for " + chartSymbol + " in "
                    + source.folder(root.context().paths()) + "; record some with `tradedesk record`"
                    + (source.simulated() ? "" : ", chart what the built-in exchange stored with --simulated")
                    + ", or use --demo");
            return 1;
        }
        if (!DesktopLauncher.hasDisplay()) {
            DesktopLauncher.useHeadlessScreen(width, height);
        }
        boolean startedHere = DesktopLauncher.ensureToolkit();
        try {
            ChartModel model = new ChartModel(new SeriesKey(chartSymbol, chartTimeframe), dayZone, settings.indicators(),
                    Math.max(1 << 12, Integer.highestOneBit(history.size()) << 1));
            LiveBarRouter router = new LiveBarRouter(chartTimeframe, dayZone, model);
            model.loadHistory(router.historyFor(history.stored(), history.minutes()));
            CompletableFuture<WritableImage> image = new CompletableFuture<>();
            AtomicLong barsInView = new AtomicLong();
            Platform.runLater(() -> {
                try {
                    router.finishHistory(System.currentTimeMillis());
                    model.applyPending();
                    var series = model.series().orElseThrow();
                    long first = Math.max(series.firstIndex(), series.size() - bars);
                    barsInView.set(series.size() - first);
                    model.setRange(new ChartRange(series.time(first), series.time(series.size() - 1) + chartTimeframe.millis(), false));
                    Application.setUserAgentStylesheet(ThemeStylesheets.userAgentStylesheet(chartTheme));
                    ChartView view = new ChartView(model, settings.zone(), Locale.getDefault());
                    Region captioned = ChartImageExporter.captioned(view.node(),
                            chartSymbol.value() + " · " + chartTimeframe.label());
                    ChartImageExporter.render(captioned, width, height).whenComplete((rendered, failure) -> {
                        if (failure != null) {
                            image.completeExceptionally(failure);
                        } else {
                            image.complete(rendered);
                        }
                    });
                } catch (RuntimeException failure) {
                    image.completeExceptionally(failure);
                }
            });
            ChartImageExporter.write(image.get(60, TimeUnit.SECONDS), target);
            spec.commandLine().getOut().println("snapshot: " + out.toAbsolutePath() + " (" + width + "x" + height + ", "
                    + chartSymbol + " " + chartTimeframe + ", " + Counted.of(barsInView.get(),
                            (demo ? "simulated" : source.simulated() ? "stored simulated" : "stored") + " bar") + " to "
                    + newestBarName(chartTimeframe, history.newestTime(), dayZone) + ")");
            return 0;
        } finally {
            if (startedHere) {
                Platform.exit();
            }
        }
    }

    /**
     * How the summary names the newest bar charted, given the newest minute in it: that minute's
     * time, or for daily bars their trading day, the date in {@code tradingDayZone} as the chart's
     * daily axis names it. A minute's time named no daily bar, and in UTC often the next day: the
     * bar of 1 December, to 19:29 in New York, read "to 2026-12-02T00:29:00Z".
     */
    static String newestBarName(Timeframe timeframe, long newestMinute, ZoneId tradingDayZone) {
        Instant minute = Instant.ofEpochMilli(newestMinute);
        return timeframe == Timeframe.ONE_DAY ? LocalDate.ofInstant(minute, tradingDayZone).toString()
                : minute.toString();
    }

    private void requireWithin(String option, int value, int least, int most) {
        if (value < least || value > most) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be " + least + " to " + most + ", not " + value);
        }
    }

    /**
     * The bars a snapshot charts, each oldest first, which {@link LiveBarRouter#historyFor(BarColumns,
     * BarColumns)} joins as the workstation's chart does.
     *
     * @param minutes one-minute bars, which the chart aggregates to its timeframe
     * @param stored  the bars stored of the timeframe itself: all of the chart where there is no
     *                minute, else those older than the minutes
     */
    record ChartHistory(BarColumns minutes, BarColumns stored) {

        boolean isEmpty() {
            return minutes.isEmpty() && stored.isEmpty();
        }

        int size() {
            return minutes.size() + stored.size();
        }

        /** Open time of the newest bar: of the minutes where there are any. */
        long newestTime() {
            BarColumns newest = minutes.isEmpty() ? stored : minutes;
            return newest.time(newest.size() - 1);
        }
    }

    /**
     * The stored bars to chart {@code bars} bars of {@code symbol} at {@code timeframe} from, as the
     * workstation's chart takes them: its one-minute bars (aggregated to the timeframe), after the
     * bars stored of the timeframe itself that are older ({@link TimeframeHistory}: an imported daily
     * history, on its trading days in {@code tradingDayZone}); or those alone where no minute is stored.
     */
    static ChartHistory storedHistory(HistoryStore store, Symbol symbol, Timeframe timeframe, ZoneId tradingDayZone,
            int bars) {
        BarColumns minutes = new BarColumns(0);
        store.latest(new SeriesKey(symbol, Timeframe.ONE_MINUTE), historyMinutes(timeframe, bars)).appendTo(minutes);
        BarColumns ofTimeframe = TimeframeHistory.latest(store, symbol, timeframe, tradingDayZone, bars + WARM_UP_BARS);
        return new ChartHistory(minutes, ofTimeframe);
    }

    /**
     * Minutes of history for {@code bars} bars and their warm-up where none is missing; where some
     * are (a closed market), the stored history reaches further back for them.
     */
    static int historyMinutes(Timeframe timeframe, int bars) {
        long minutesPerBar = timeframe.millis() / 60_000;
        return (int) Math.min(MAX_HISTORY_MINUTES, (bars + WARM_UP_BARS) * minutesPerBar);
    }

    /**
     * The simulated exchange's closed one-minute bars of the last {@code minutes} before the
     * clock's now, as {@code --demo} charts them.
     */
    static BarColumns demoMinuteBars(Symbol chartSymbol, int minutes, long seed, Clock clock) {
        // A simulated price is a walk from the market's first minute, so that start must not follow
        // the span asked for: --bars 100 and --bars 1000 would chart other prices for the same minute.
        // It sits on the grid block before the longest span any snapshot reads; the walk from there
        // costs about 20 ns a minute, 40 ms (120 ms before the JIT warms up) for the one symbol charted.
        SimulatedMarket market = SimulatedMarket.anchoredOnGrid(seed, new SimClock(clock, clock.instant(), 1),
                DEMO_ANCHOR_LOOKBACK, List.of(chartSymbol), true);
        long now = clock.millis();
        BarColumns bars = new BarColumns(minutes);
        market.closedMinuteBars(chartSymbol, now - Duration.ofMinutes(minutes + 60L).toMillis(), now, bars);
        return bars;
    }

    private <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
    }
}
