package dev.tradedesk.app;

import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
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
    private final Function<Path, HistoryStore> storeOpener;
    /** Held while the store opens (a second or more: Flyway, H2 recovery), so never by the JavaFX thread. */
    private final Object storeLock = new Object();
    private HistoryStore historyStore; // guarded by storeLock
    private HistoryStore simulatedHistoryStore; // guarded by storeLock
    private boolean closed; // guarded by storeLock
    private final Object workstationLock = new Object();
    private WorkstationSession workstation; // guarded by workstationLock

    public TradeDesk(AppContext context) {
        this(context, context.settingsLoad().settings());
    }

    /** With {@code initial} settings in place of the file's (the smoke test); changes are still saved only to a sound file. */
    public TradeDesk(AppContext context, Settings initial) {
        this(context, initial, dataDir -> HistoryStore.openWithReadCacheLater(StoreOptions.defaults(dataDir)));
    }

    /** With {@code storeOpener} opening a history store in the folder it is given (tests). */
    TradeDesk(AppContext context, Settings initial, Function<Path, HistoryStore> storeOpener) {
        this.context = context;
        this.storeOpener = storeOpener;
        this.executors = new ManagedExecutors(SHUTDOWN_GRACE);
        SettingsLoad load = context.settingsLoad();
        this.settings = new AtomicReference<>(initial);
        this.settingsWriter = new SettingsWriter(context.settingsStore(),
                executors.singleThread("settings-writer"), load.canSave());
    }

    public Settings settings() {
        return settings.get();
    }

    /** Applies a change to the settings in effect and saves the result in the background, unless it changed nothing. */
    public void updateSettings(UnaryOperator<Settings> change) {
        Settings[] before = new Settings[1];
        Settings after = settings.updateAndGet(current -> {
            before[0] = current;
            return change.apply(current);
        });
        // OK in Settings saves the new watchlist, then the watchlist, given it, reports it as changed:
        // the file was written twice for one change.
        if (!after.equals(before[0])) {
            settingsWriter.submit(after);
        }
    }

    /**
     * Prepares the workstation: reads the workspace and starts opening the history store and the
     * market session in the background, so they are ready by the time the window shows. Call on
     * the launching thread, before the JavaFX toolkit starts.
     */
    public void prepareWorkstation() {
        synchronized (workstationLock) {
            if (workstation == null) {
                workstation = new WorkstationSession(this, this::historyStore, executors.singleThread("control"),
                        executors.singleThread("ui-loader"), executors.singleThread("import"), executors.scheduled("metrics"),
                        WorkspaceStore.besideSettings(context.paths().settingsFile()));
            }
        }
    }

    /** Builds and shows the workstation window on {@code stage}; JavaFX thread, after {@link #prepareWorkstation()}. */
    public void openMainWindow(Stage stage) {
        prepareWorkstation();
        workstation.show(stage);
    }

    AppContext context() {
        return context;
    }

    /**
     * For a process being stopped (SIGTERM) while the window is open: saves the window's layout as
     * last taken, on the calling thread (a shutdown hook), so the next start restores it.
     */
    public void saveWorkspaceOfOpenWindow() {
        WorkstationSession open = workstation();
        if (open != null) {
            open.saveOpenWindowsWorkspace();
        }
    }

    WorkstationSession workstation() {
        synchronized (workstationLock) {
            return workstation;
        }
    }

    /**
     * The bar history of the real providers, in the data dir, opened (and migrated) on first use.
     * Its read cache is started by the workstation once its first live frame is shown
     * ({@link HistoryStore#startReadCache()}); the commands, which read a range once if at all,
     * leave it off. Thread-safe.
     *
     * @throws dev.tradedesk.store.StoreException if it cannot be opened
     * @throws IllegalStateException              after {@link #close()}
     */
    public HistoryStore historyStore() {
        return store(false);
    }

    /**
     * The simulated exchange's bar history, kept apart ({@link AppPaths#simulatedHistoryDir});
     * otherwise as {@link #historyStore()}.
     */
    public HistoryStore simulatedHistoryStore() {
        return store(true);
    }

    /** The history that {@code provider}'s bars go to: the simulated one or the real providers' one. */
    public HistoryStore historyStore(ProviderKind provider) {
        return store(provider == ProviderKind.SIM);
    }

    private HistoryStore store(boolean simulated) {
        synchronized (storeLock) {
            if (closed) {
                throw new IllegalStateException("TradeDesk is closed");
            }
            HistoryStore store = simulated ? simulatedHistoryStore : historyStore;
            if (store == null) {
                store = storeOpener.apply(simulated ? context.paths().simulatedHistoryDir() : context.paths().dataDir());
                if (simulated) {
                    simulatedHistoryStore = store;
                } else {
                    historyStore = store;
                }
            }
            return store;
        }
    }

    @Override
    public void close() {
        WorkstationSession openWindow;
        synchronized (workstationLock) {
            openWindow = workstation;
        }
        try {
            if (openWindow != null) {
                openWindow.close();
            }
            executors.close();
        } finally {
            synchronized (storeLock) {
                closed = true;
                try {
                    if (historyStore != null) {
                        historyStore.close();
                    }
                } finally {
                    if (simulatedHistoryStore != null) {
                        simulatedHistoryStore.close();
                    }
                }
            }
        }
    }
}
