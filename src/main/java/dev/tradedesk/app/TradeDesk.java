package dev.tradedesk.app;

import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import dev.tradedesk.ui.AboutInfo;
import dev.tradedesk.ui.MainViewModel;
import dev.tradedesk.ui.MainWindow;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javafx.stage.Stage;

/**
 * The composition root: builds the workstation's object graph with constructors and owns every
 * executor in it. One instance per process; {@link #close()} stops all of its threads.
 *
 * <p>Threads: {@code tradedesk-settings-writer} saves settings. Later parts (scheduler, store
 * writer) are added here, each on an executor from {@link ManagedExecutors}. The history store is
 * opened on first use and closed after the executors, so a writer can finish its last batch.
 */
public final class TradeDesk implements AutoCloseable {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final AppContext context;
    private final ManagedExecutors executors;
    private final SettingsWriter settingsWriter;
    private final AtomicReference<Settings> settings;
    private final Object storeLock = new Object();
    private HistoryStore historyStore; // guarded by storeLock
    private boolean closed; // guarded by storeLock

    public TradeDesk(AppContext context) {
        this.context = context;
        this.executors = new ManagedExecutors(SHUTDOWN_GRACE);
        SettingsLoad load = context.settingsLoad();
        this.settings = new AtomicReference<>(load.settings());
        this.settingsWriter = new SettingsWriter(context.settingsStore(),
                executors.singleThread("settings-writer"), load.canSave());
    }

    public Settings settings() {
        return settings.get();
    }

    /** Applies a change to the settings in effect and saves the result in the background. */
    public void updateSettings(UnaryOperator<Settings> change) {
        settingsWriter.submit(settings.updateAndGet(change));
    }

    /** The main window's view model; call on the JavaFX thread. */
    public MainViewModel mainViewModel() {
        Settings current = settings.get();
        AppPaths paths = context.paths();
        AboutInfo about = new AboutInfo(context.build().version(), paths.dataDir(), paths.settingsFile(), paths.logFile());
        return new MainViewModel(about, current.watchlist(), current.theme(), context.settingsLoad().problem(),
                theme -> updateSettings(previous -> previous.withTheme(theme)));
    }

    /** Builds and shows the main window on {@code stage}; call on the JavaFX thread. */
    public void openMainWindow(Stage stage) {
        new MainWindow(mainViewModel()).show(stage);
    }

    /**
     * The bar history in the data dir, opened (and migrated) on first use. Thread-safe.
     *
     * @throws dev.tradedesk.store.StoreException if it cannot be opened
     * @throws IllegalStateException              after {@link #close()}
     */
    public HistoryStore historyStore() {
        synchronized (storeLock) {
            if (closed) {
                throw new IllegalStateException("TradeDesk is closed");
            }
            if (historyStore == null) {
                historyStore = HistoryStore.open(StoreOptions.defaults(context.paths().dataDir()));
            }
            return historyStore;
        }
    }

    @Override
    public void close() {
        try {
            executors.close();
        } finally {
            synchronized (storeLock) {
                closed = true;
                if (historyStore != null) {
                    historyStore.close();
                }
            }
        }
    }
}
