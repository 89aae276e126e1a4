package dev.tradedesk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.PipelineStage;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreException;
import dev.tradedesk.ui.chart.ChartModel;
import dev.tradedesk.ui.watchlist.Watchlists;
import dev.tradedesk.ui.workstation.UiMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;

/**
 * {@code tradedesk gui --smoke-test}: the whole workstation on the simulated exchange in a
 * temporary data dir, with a 50-symbol watchlist streaming at 60× speed and the chart zoomed out
 * over 100,000 one-minute bars of the first symbol. Runs for the given duration from the first live
 * frame (giving up a minute after the duration if none comes), closes the window,
 * and reports the figures the targets name, as {@code key: value} lines. Passes when the
 * window showed live data and nothing failed (no ERROR logged, no provider failure, no exception).
 */
public final class SmokeTest {

    static final int WATCHLIST_SIZE = 50;
    static final int CHART_BARS = 100_000;
    private static final double SPEED = 60;
    private static final Duration FIRST_FRAME_GRACE = Duration.ofSeconds(60);

    private final Duration duration;
    private final HostEnvironment host;
    private final BuildInfo build;
    private final Optional<Soak> soak;

    /** A soak run: heap and threads sampled every {@code interval} into {@code csv}. */
    public record Soak(Path csv, Duration interval, Duration warmUp) {
    }

    public SmokeTest(Duration duration, HostEnvironment host, BuildInfo build, Optional<Soak> soak) {
        this.duration = duration;
        this.host = host;
        this.build = build;
        this.soak = soak;
    }

    /** The figures of one run, in print order, and whether it passed. */
    public record Report(Map<String, String> figures, boolean passed) {
    }

    /** Counts ERROR events logged anywhere while the smoke test runs. */
    private static final class ErrorCounter extends AppenderBase<ILoggingEvent> {
        final AtomicLong errors = new AtomicLong();

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                errors.incrementAndGet();
            }
        }
    }

    /**
     * Prepares the data dir and the workstation, then hands a window opener to {@code launcher}
     * (which blocks until the window closes) and reports.
     */
    public Report run(WindowLauncher launcher, PrintWriter progress) throws Exception {
        Path dir = Files.createTempDirectory("tradedesk-smoke-");
        AtomicLong uncaught = new AtomicLong();
        try (AppContext context = AppContext.open(new AppPaths(dir.resolve("settings.json"), dir.resolve("data")), build, host)) {
            ErrorCounter errors = new ErrorCounter();
            LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
            errors.setContext(logging);
            errors.start();
            logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(errors);
            Settings settings = smokeSettings();
            try (TradeDesk desk = new TradeDesk(context, settings)) {
                preloadChartHistory(desk.historyStore(settings.provider()), settings, progress);
                long launched = System.currentTimeMillis();
                desk.prepareWorkstation();
                long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                Map<String, String> soakFigures;
                try (SoakRecorder recorder = soak.isPresent() ? new SoakRecorder(soak.get().csv(), soak.get().interval()) : null) {
                    launcher.runUntilClosed(stage -> {
                        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> {
                            uncaught.incrementAndGet();
                            LoggerFactory.getLogger(SmokeTest.class).error("Uncaught on {}", thread.getName(), failure);
                        });
                        desk.openMainWindow(stage);
                        drive(desk.workstation(), stage);
                    });
                    soakFigures = recorder == null ? Map.of() : recorder.summary(soak.get().warmUp());
                }
                Report report = report(desk.workstation(), jvmStart, launched, errors.errors.get() + uncaught.get());
                Map<String, String> figures = new LinkedHashMap<>(report.figures());
                String result = figures.remove("result");
                figures.putAll(soakFigures);
                figures.put("result", result);
                return new Report(figures, report.passed());
            }
        } finally {
            printStartupMilestones(dir.resolve("data").resolve("logs").resolve("tradedesk.log"), progress);
            deleteTree(dir);
        }
    }

    /** Opens a window with the given opener and blocks until it closes (the desktop launcher). */
    @FunctionalInterface
    public interface WindowLauncher {
        void runUntilClosed(java.util.function.Consumer<Stage> openWindow) throws Exception;
    }

    private static Settings smokeSettings() {
        List<Symbol> watchlist = Stream.concat(Stream.of("AAPL"),
                        SimulatedMarket.catalogue().stream().filter(symbol -> !symbol.equals("AAPL")).sorted())
                .limit(WATCHLIST_SIZE).map(Symbol::of).toList();
        SimulatorSettings simulator = new SimulatorSettings(SPEED, 42, 80);
        Settings defaults = Settings.DEFAULTS;
        return new Settings(Watchlists.DEFAULTS.with(ProviderKind.SIM, watchlist), Timeframe.ONE_MINUTE, ProviderKind.SIM,
                defaults.alpaca(), defaults.indicators(), defaults.theme(), "UTC", simulator);
    }

    /** 100,000 minutes of the first symbol, from the very market the session will run. */
    private static void preloadChartHistory(HistoryStore store, Settings settings, PrintWriter progress) {
        Clock clock = Clock.systemUTC();
        SimulatedMarket market = SimulatedMarket.anchoredOnGrid(settings.simulator().seed(), new SimClock(clock, clock.instant(), 1),
                Duration.ofDays(settings.simulator().historyDays()), List.of(), true);
        Symbol symbol = settings.watchlist().get(0);
        BarColumns bars = new BarColumns(CHART_BARS + 1_000);
        long now = clock.millis();
        market.closedMinuteBars(symbol, now - (CHART_BARS + 500L) * 60_000, now - 60_000, bars);
        writePreload(store, new SeriesKey(symbol, Timeframe.ONE_MINUTE), bars, progress);
    }

    /**
     * Stores the chart's bars, their span recorded as covered in the completeness ledger, and says
     * how many. Covered as a session that had stored them itself would have recorded them: else the
     * session's repair pass fetches the provider's whole look-back window of them again, and the
     * chart, told of repaired bars, reloads all 100,000 (~0.4 s of its loader thread, then a new
     * model on the JavaFX thread) some ten seconds into the run, though none of them changed.
     * A write the device refused to flush
     * ({@link StoreException#committed()}) is stored all the same and read back by the chart, so the
     * run goes on and a line says it was not forced: durability of a data dir deleted after the run
     * is not what the smoke test measures, and the session's own writes report the device.
     */
    static void writePreload(HistoryStore store, SeriesKey series, BarColumns bars, PrintWriter progress) {
        String notForced = null;
        try {
            Map<SeriesKey, List<TimeRange>> covered = bars.isEmpty() ? Map.of() : Map.of(series, List.of(
                    new TimeRange(bars.time(0), bars.time(bars.size() - 1) + series.timeframe().millis())));
            store.writeAll(Map.of(series, bars), covered);
        } catch (StoreException failure) {
            if (!failure.committed()) {
                throw failure;
            }
            notForced = failure.getMessage();
            LoggerFactory.getLogger(SmokeTest.class).warn("Smoke test: the chart's bars are stored, but not forced: {}",
                    notForced);
        }
        progress.println("smoke.preloaded_bars: " + bars.size());
        if (notForced != null) {
            progress.println("smoke.preloaded_not_forced: " + notForced);
        }
        progress.flush();
    }

    /**
     * On the JavaFX thread: zoom the chart out over all its bars once loaded (and once more after
     * each reload), and close after the duration, but not before the chart holds them all (it
     * shows the latest bars first).
     */
    private void drive(WorkstationSession session, Stage stage) {
        SmokeChartZoom zoom = new SmokeChartZoom();
        Timeline zoomOut = new Timeline(new KeyFrame(javafx.util.Duration.millis(100), event ->
                completeChart(session).ifPresent(zoom::showAllOnce)));
        zoomOut.setCycleCount(Timeline.INDEFINITE);
        zoomOut.play();
        // The duration counts from the first live frame, so a slow machine still measures a full
        // run; a workstation that shows nothing live within the grace period fails.
        long opened = System.currentTimeMillis();
        Timeline end = new Timeline();
        end.getKeyFrames().add(new KeyFrame(javafx.util.Duration.millis(100), event -> {
            long firstFrame = session.uiMetrics().firstLiveFrameWallMillis();
            long now = System.currentTimeMillis();
            boolean ranLongEnough = firstFrame != 0 && now - firstFrame >= duration.toMillis() && completeChart(session).isPresent();
            if (ranLongEnough || now - opened >= duration.toMillis() + FIRST_FRAME_GRACE.toMillis()) {
                end.stop();
                zoomOut.stop();
                stage.close();
            }
        }));
        end.setCycleCount(Timeline.INDEFINITE);
        end.play();
    }

    /** The chart, once it holds all {@link #CHART_BARS} of its history. */
    private static Optional<ChartModel> completeChart(WorkstationSession session) {
        return session.parts().chart().model()
                .filter(model -> model.series().map(series -> series.size() >= CHART_BARS).orElse(false));
    }

    private static Report report(WorkstationSession session, long jvmStartMillis, long launchedMillis, long errors) {
        PerformanceSampler.Totals totals = session.sampler().totals();
        UiMetrics ui = session.uiMetrics();
        Map<String, String> figures = new LinkedHashMap<>();
        long firstFrame = ui.firstLiveFrameWallMillis();
        // From opening the workstation (after this test's own set-up: the preloaded chart history).
        figures.put("startup.first_frame_ms", firstFrame == 0 ? "none" : Long.toString(firstFrame - launchedMillis));
        figures.put("startup.jvm_to_first_frame_ms", firstFrame == 0 ? "none" : Long.toString(firstFrame - jvmStartMillis));
        figures.put("ui.fps.median", format(totals.framesPerSecond().getTotalCount() == 0 ? 0
                : totals.framesPerSecond().getValueAtPercentile(50) / 1000.0));
        figures.put("ui.frame_ms.p99", format(millis(totals.frameIntervals(), 99)));
        figures.put("ui.frames", Long.toString(totals.frameIntervals().getTotalCount()));
        figures.put("pipeline.tick_to_screen_ms.p50", format(millis(totals.tickToScreen(), 50)));
        figures.put("pipeline.tick_to_screen_ms.p99", format(millis(totals.tickToScreen(), 99)));
        // Where a tick's time goes, stage by stage (p50 / p99 of each; the stages' percentiles do not add up).
        PipelineMetrics pipeline = session.pipeline();
        figures.put("pipeline.parse_ms", pair(pipeline.total(PipelineStage.PARSE)));
        figures.put("pipeline.tick_to_engine_ms", pair(pipeline.total(PipelineStage.TICK_TO_ENGINE)));
        figures.put("pipeline.indicators_ms", pair(pipeline.total(PipelineStage.INDICATORS)));
        figures.put("pipeline.publish_ms", pair(pipeline.total(PipelineStage.PUBLISH)));
        figures.put("ui.tick_wait_for_pulse_ms", pair(ui.tickPulseWait()));
        figures.put("ui.tick_apply_and_layout_ms", pair(ui.tickPulseWork()));
        figures.put("pipeline.cycle_ms", pair(pipeline.total(PipelineStage.CYCLE)));
        figures.put("pipeline.closed_bars_ms", pair(pipeline.total(PipelineStage.CLOSED_BARS)));
        figures.put("pipeline.ticks", Long.toString(totals.tickToScreen().getTotalCount()));
        long chartBars = session.parts().chart().model().flatMap(ChartModel::series).map(series -> series.size()).orElse(0L);
        figures.put("chart.bars", Long.toString(chartBars));
        figures.put("watchlist.symbols", Integer.toString(session.parts().watchlist().symbols().size()));
        Runtime runtime = Runtime.getRuntime();
        figures.put("heap.used_mb", Long.toString((runtime.totalMemory() - runtime.freeMemory()) >> 20));
        System.gc();
        figures.put("heap.after_gc_mb", Long.toString((runtime.totalMemory() - runtime.freeMemory()) >> 20));
        figures.put("threads", Integer.toString(Thread.activeCount()));
        MarketSession market = session.market();
        long feedFailures = market == null ? 0 : market.feedMetrics().failures();
        figures.put("feed.requests", Long.toString(market == null ? 0 : market.feedMetrics().requests()));
        figures.put("feed.failures", Long.toString(feedFailures));
        figures.put("errors", Long.toString(errors + feedFailures));
        SmokeTargets.Verdict targets = SmokeTargets.judge(figures);
        figures.put("targets.met", joined(targets.met()));
        figures.put("targets.missed", joined(targets.missed()));
        // Pass means the workstation ran without errors; the targets above are judged apart.
        boolean passed = firstFrame != 0 && errors + feedFailures == 0 && chartBars >= CHART_BARS;
        figures.put("result", passed ? "pass" : "fail");
        return new Report(figures, passed);
    }

    private static String joined(List<SmokeTargets.Target> targets) {
        return targets.isEmpty() ? "none" : targets.stream().map(SmokeTargets.Target::toString).collect(Collectors.joining(", "));
    }

    /** "p50 / p99" in milliseconds. */
    private static String pair(Histogram histogram) {
        return format(millis(histogram, 50)) + " / " + format(millis(histogram, 99));
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The log lines that time the start (window, chart, market, backfill), before the log goes with the data dir. */
    private static void printStartupMilestones(Path log, PrintWriter progress) {
        try (Stream<String> lines = Files.lines(log)) {
            lines.filter(line -> STARTUP_MILESTONES.stream().anyMatch(line::contains))
                    .forEach(line -> progress.println("smoke.log: " + line));
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            progress.println("smoke.log: unreadable: " + unreadable.getMessage());
        }
        progress.flush();
    }

    private static final List<String> STARTUP_MILESTONES = List.of("History store open", "Market data from",
            "Workstation window", "Chart of", "backfilled", "Backfill may start", "JavaFX");

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
