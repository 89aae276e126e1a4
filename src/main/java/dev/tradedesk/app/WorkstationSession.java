package dev.tradedesk.app;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.core.WriteFailures;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.BarSnapshot;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreException;
import dev.tradedesk.store.TimeframeHistory;
import dev.tradedesk.ui.AboutInfo;
import dev.tradedesk.ui.MainViewModel;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.Workspace;
import dev.tradedesk.ui.live.MarketHandOff;
import dev.tradedesk.ui.perf.PerformanceSampleHandOff;
import dev.tradedesk.ui.perf.PerformanceViewModel;
import dev.tradedesk.ui.settings.SettingsValues;
import dev.tradedesk.ui.watchlist.WatchlistViewModel;
import dev.tradedesk.ui.workstation.BarImport;
import dev.tradedesk.ui.workstation.ChartController;
import dev.tradedesk.ui.workstation.StatusViewModel;
import dev.tradedesk.ui.workstation.StoredMinutes;
import dev.tradedesk.ui.workstation.UiMetrics;
import dev.tradedesk.ui.workstation.Workstation;
import dev.tradedesk.ui.workstation.WorkstationHost;
import dev.tradedesk.ui.workstation.WorkstationWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop half of the composition root: builds the workstation window's parts, starts the
 * market session that feeds it ({@link MarketLifecycle}), answers the window's requests
 * ({@link WorkstationHost}), and queues on its control thread, in order with the session's restarts,
 * the watchlist's edits, the settings dialog's indicator previews and what its OK applies to the
 * session ({@link SettingsApplier}). One per open window. The JavaFX thread never waits here:
 * history reads, session restarts and saves run on the executors it is given.
 */
final class WorkstationSession implements WorkstationHost, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkstationSession.class);
    private static final java.time.Duration SAMPLE_PERIOD = java.time.Duration.ofSeconds(1);
    /** Longest that backfill waits for the first live frame (a hidden or minimised window never shows one). */
    private static final java.time.Duration HISTORY_HOLD_LIMIT = java.time.Duration.ofSeconds(10);
    /**
     * The longest a chart's reload waits for the store writer before it reads: long enough for a
     * backfill window's write, short enough that a failing disk does not hold the chart back.
     */
    private static final java.time.Duration STORED_BARS_WAIT = java.time.Duration.ofSeconds(2);

    private final TradeDesk desk;
    private final ExecutorService control;
    private final ExecutorService loader;
    private final ExecutorService importer;
    private final ScheduledExecutorService metrics;
    private final Function<ProviderKind, HistoryStore> stores;
    /** The import running, if any: stopped when the window closes. */
    private final AtomicReference<CsvBarImport> runningImport = new AtomicReference<>();
    private final MarketHandOff handOff = new MarketHandOff();
    private final PipelineMetrics pipeline = new PipelineMetrics();
    private final UiMetrics uiMetrics = new UiMetrics();
    private final MarketLifecycle marketLifecycle;
    private final SettingsApplier settingsApplier;
    private final WorkspaceStore workspaceStore;
    private final AtomicReference<Workspace> latestWorkspace = new AtomicReference<>();
    private final Workspace workspace;
    private volatile Workstation parts; // set on the JavaFX thread, read on the control thread too
    private PerformanceSampler sampler;
    private volatile ScheduledFuture<?> sampling;

    /**
     * Reads the workspace, then opens the history store and starts the market session on the
     * control thread, so both run while the JavaFX toolkit starts and the window is built. Any
     * thread but the JavaFX thread.
     */
    WorkstationSession(TradeDesk desk, Function<ProviderKind, HistoryStore> stores, ExecutorService control,
            ExecutorService loader, ExecutorService importer, ScheduledExecutorService metrics,
            WorkspaceStore workspaceStore) {
        this.desk = desk;
        this.stores = stores;
        this.importer = importer;
        this.control = control;
        this.loader = loader;
        this.metrics = metrics;
        this.workspaceStore = workspaceStore;
        this.workspace = workspaceStore.load();
        StartHold startHold = new StartHold(uiMetrics.firstLiveFrame(), HISTORY_HOLD_LIMIT, metrics);
        this.marketLifecycle = new MarketLifecycle(desk, stores, control, handOff, pipeline, startHold,
                this::historySwitched);
        this.settingsApplier =
                new SettingsApplier(desk, control, handOff, marketLifecycle::askRestart, marketLifecycle::useIndicators,
                        marketLifecycle::marketStopped);
        marketLifecycle.start();
    }

    /** Control thread: the chart shows the history switched to. */
    private void historySwitched() {
        Workstation shown = parts;
        if (shown != null) {
            Platform.runLater(shown.chart()::reload);
        }
    }

    /**
     * Builds the window's parts and shows it on {@code stage} (JavaFX thread), then starts sampling
     * and, on the control thread, the market session, so the window appears before any network or
     * database work.
     */
    void show(Stage stage) {
        long started = System.nanoTime();
        Settings settings = desk.settings();
        // Before the first control is built: Control's class initializer loads JavaFX's own Modena
        // stylesheet unless a user-agent stylesheet is set, only for the theme to replace it.
        WorkstationWindow.applyTheme(settings.theme());
        AppPaths paths = desk.context().paths();
        AboutInfo about = new AboutInfo(desk.context().build().version(), paths.dataDir(), paths.settingsFile(), paths.logFile());
        MainViewModel main = new MainViewModel(about, settings.theme(), desk.context().settingsLoad().problem(),
                settings.provider() == ProviderKind.SIM, this::themeChanged);
        WatchlistViewModel watchlist = new WatchlistViewModel(settings.watchlist(), this::watchlistChanged);
        StatusViewModel status = new StatusViewModel(settings.provider().displayName(), settings.zone());
        ChartController chart = new ChartController(this, loader, settings.indicators(), settings.zone(), settings.timeframe(),
                range -> { });
        PerformanceViewModel performance = new PerformanceViewModel(true, this::setReadCache, true, chart::setLevelOfDetail);
        parts = new Workstation(main, watchlist, status, chart, performance, handOff, uiMetrics, this, workspace, loader);
        PerformanceSampleHandOff samples = new PerformanceSampleHandOff(Platform::runLater, sample -> {
            performance.accept(sample);
            status.showTickToScreenP99(sample.tickToScreenP99Ms());
        });
        sampler = new PerformanceSampler(pipeline, uiMetrics,
                () -> marketLifecycle.openStore().map(store -> new PerformanceSampler.CacheCounters(store, store.cacheStats()))
                        .orElse(PerformanceSampler.CacheCounters.NONE),
                samples::offer, Clock.systemUTC());
        sampling = metrics.scheduleAtFixedRate(sampler, SAMPLE_PERIOD.toMillis(), SAMPLE_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        long built = System.nanoTime();
        WorkstationWindow window = new WorkstationWindow(parts);
        window.show(stage);
        log.info("Workstation window: parts built in {} ms, shown in {} ms", (built - started) / 1_000_000,
                (System.nanoTime() - built) / 1_000_000);
        marketLifecycle.store().whenComplete((opened, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                boolean held = cause instanceof StoreException store && store.inUseElsewhere();
                String header = held ? "The history database is in use by another process"
                        : "The history database could not be opened: no market data is recorded or shown";
                String detail = held ? cause.getMessage() + ". TradeDesk tries again every "
                        + MarketLifecycle.REOPEN_PERIOD.toSeconds() + " s and starts market data once it is free."
                        : cause.getMessage();
                Platform.runLater(() -> {
                    Runnable close = window.showError(header, detail);
                    // Told over: a held history that opened since has market data running under the alert.
                    marketLifecycle.reopened().thenRun(() -> Platform.runLater(close));
                });
            }
        });
    }

    Workstation parts() {
        return parts;
    }

    UiMetrics uiMetrics() {
        return uiMetrics;
    }

    PipelineMetrics pipeline() {
        return pipeline;
    }

    PerformanceSampler sampler() {
        return sampler;
    }

    MarketSession market() {
        return marketLifecycle.market();
    }

    MarketHandOff handOff() {
        return handOff;
    }

    SettingsApplier settingsApplier() {
        return settingsApplier;
    }

    // ---- WorkstationHost -----------------------------------------------------------------

    @Override
    public void chartShowing(Symbol symbol) {
        marketLifecycle.chartShowing(symbol);
    }

    @Override
    public void awaitStoredBars() {
        marketLifecycle.awaitStoreWrites(STORED_BARS_WAIT);
    }

    @Override
    public StoredMinutes minuteHistory(Symbol symbol, int minutes) {
        SeriesKey key = new SeriesKey(symbol, Timeframe.ONE_MINUTE);
        return readHistory(store -> {
            BarSnapshot span = store.newestSpan(key, minutes);
            if (span.isEmpty()) {
                return StoredMinutes.none();
            }
            long from = span.time(span.size() - 1) - (minutes - 1L) * Timeframe.ONE_MINUTE.millis();
            BarColumns bars = new BarColumns(0);
            span.appendTo(bars);
            return new StoredMinutes(bars, store.firstTime(key).orElse(from) < from);
        }, StoredMinutes::none, "the history of " + symbol);
    }

    @Override
    public BarColumns timeframeHistory(Symbol symbol, Timeframe timeframe, ZoneId tradingDayZone, int bars) {
        return readHistory(store -> TimeframeHistory.latest(store, symbol, timeframe, tradingDayZone, bars),
                () -> new BarColumns(0), "the " + timeframe + " history of " + symbol);
    }

    @Override
    public ZoneId tradingDayZone() {
        return marketLifecycle.tradingDayZone();
    }

    /**
     * {@code read} from the store of the provider in use; {@code none} if the store did not open
     * (the market session says why, once) or could not be read ({@code what} logged).
     */
    private <T> T readHistory(Function<HistoryStore, T> read, Supplier<T> none, String what) {
        HistoryStore store;
        try {
            store = marketLifecycle.openedStore();
        } catch (RuntimeException notOpened) {
            return none.get();
        }
        try {
            return read.apply(store);
        } catch (RuntimeException unreadable) {
            log.error("Could not read {}: {}", what, unreadable.getMessage());
            return none.get();
        }
    }

    /**
     * Saves the list at once and has the session watch it on the control thread, in order with
     * restarts: an edit made while one is queued or running reaches the session it starts.
     */
    @Override
    public void watchlistChanged(List<Symbol> symbols) {
        desk.updateSettings(settings -> settings.withWatchlist(symbols));
        control.execute(marketLifecycle::watchLatestList);
    }

    /**
     * Has the session compute with the dialog's preview on the control thread, in order with
     * restarts and OK's parameters, as the watchlist's edits: a preview made while a restart is
     * queued or running reaches the session it starts, which would otherwise keep the parameters of
     * the settings it was started from.
     */
    @Override
    public void indicatorsPreviewed(IndicatorParameters previewed) {
        control.execute(() -> marketLifecycle.useIndicators(previewed));
    }

    @Override
    public void themeChanged(Theme theme) {
        desk.updateSettings(settings -> settings.withTheme(theme));
    }

    @Override
    public SettingsValues currentSettings() {
        return SettingsApplier.valuesOf(desk.settings());
    }

    @Override
    public void settingsChanged(SettingsValues values) {
        settingsApplier.apply(values, parts);
    }

    @Override
    public CompletionStage<Void> exportSettings(Path file) {
        Settings shared = desk.settings().withoutSecrets();
        return CompletableFuture.runAsync(() -> {
            // The settings file itself, chosen in the save dialog's folder, would lose its API keys.
            desk.context().paths().ownerOf(file).ifPresent(owner -> {
                throw new IllegalArgumentException("cannot write " + file + ": it is " + owner + "; choose another file");
            });
            try {
                new SettingsStore(file).save(shared);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + WriteFailures.reason(e, file), e);
            }
        }, loader);
    }

    @Override
    public BarImport importBars(Path file, SeriesKey series, ZoneId localTimes) {
        CsvBarImport started = new CsvBarImport(file, series, localTimes);
        runningImport.set(started);
        importer.execute(() -> {
            try {
                // The real providers share one history (any real kind names it); the simulated
                // exchange's keeps invented prices apart, as `tradedesk import` does.
                HistoryStore realHistory;
                try {
                    realHistory = stores.apply(ProviderKind.ALPACA);
                } catch (RuntimeException cannotOpen) {
                    started.failBeforeStart(cannotOpen.getMessage());
                    return;
                }
                started.run(realHistory, desk.settings().provider() != ProviderKind.SIM, System.currentTimeMillis());
            } finally {
                runningImport.compareAndSet(started, null);
            }
        });
        return started;
    }

    /** Control thread: replaces the market session ({@link MarketLifecycle#restart}). */
    void restartMarket(Settings settings) {
        marketLifecycle.restart(settings, handOff.publisherForSession());
    }

    @Override
    public void setReadCache(boolean enabled) {
        marketLifecycle.setReadCache(enabled);
    }

    @Override
    public boolean readCacheEnabled() {
        return marketLifecycle.readCacheEnabled();
    }

    @Override
    public void workspaceChanged(Workspace workspace) {
        latestWorkspace.set(null); // the window closed: this is the one to keep
        control.execute(() -> save(workspace));
    }

    @Override
    public void workspaceNow(Workspace workspace) {
        latestWorkspace.set(workspace);
    }

    /**
     * Saves the layout last taken from the open window, on the calling thread: for a process
     * stopped while the window is still open. Does nothing once the window has closed normally.
     */
    void saveOpenWindowsWorkspace() {
        Workspace open = latestWorkspace.getAndSet(null);
        if (open != null) {
            save(open);
        }
    }

    private void save(Workspace workspace) {
        try {
            workspaceStore.save(workspace);
        } catch (IOException e) {
            log.warn("Could not save the workspace to {}: {}", workspaceStore.file(), e.getMessage());
        }
    }

    /** Stops sampling and the market session (the last store write finishes first). Idempotent. */
    @Override
    public void close() {
        ScheduledFuture<?> sampled = sampling;
        if (sampled != null) {
            sampled.cancel(false);
        }
        // Rolled back before the store closes: the executors wait for it, the stores close after them.
        CsvBarImport importing = runningImport.get();
        if (importing != null) {
            importing.cancel();
        }
        marketLifecycle.close();
    }
}
