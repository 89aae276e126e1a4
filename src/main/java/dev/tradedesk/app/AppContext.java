package dev.tradedesk.app;

import dev.tradedesk.core.Secret;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every command starts from: where things live, the build, logging and the loaded settings.
 * Opened once per process by the command line, after the global options are parsed; closing it
 * flushes and stops logging.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppContext.class);

    /** Alpaca's conventional environment variables, honoured wherever the key is used. */
    public static final String ALPACA_KEY_ID_VARIABLE = "APCA_API_KEY_ID";
    public static final String ALPACA_SECRET_VARIABLE = "APCA_API_SECRET_KEY";

    private final AppPaths paths;
    private final BuildInfo build;
    private final HostEnvironment host;
    private final LoggingSetup logging;
    private final SettingsStore settingsStore;
    private final SettingsLoad settingsLoad;

    private AppContext(AppPaths paths, BuildInfo build, HostEnvironment host, LoggingSetup logging,
            SettingsStore settingsStore, SettingsLoad settingsLoad) {
        this.paths = paths;
        this.build = build;
        this.host = host;
        this.logging = logging;
        this.settingsStore = settingsStore;
        this.settingsLoad = settingsLoad;
    }

    /** Starts logging in the data dir and reads the settings (never fails on a bad settings file). */
    public static AppContext open(AppPaths paths, BuildInfo build, HostEnvironment host) {
        LoggingSetup logging = LoggingSetup.start(paths.logDir());
        // The JVM's own handler prints a crashed thread's stack trace to stderr unmasked; through the
        // log it is redacted like every other line, whatever thread (JavaFX, OkHttp, ours) crashed.
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, failure) -> log.error("Uncaught exception in thread {}", thread.getName(), failure));
        logging.registerSecrets(Stream.of(ALPACA_KEY_ID_VARIABLE, ALPACA_SECRET_VARIABLE)
                .flatMap(name -> host.variable(name).stream())
                .map(Secret::of)
                .toList());
        log.info("TradeDesk {} on Java {} ({}); data {}, settings {}", build.version(),
                System.getProperty("java.version"), host.osName(), paths.dataDir(), paths.settingsFile());
        SettingsStore store = new SettingsStore(paths.settingsFile());
        SettingsLoad load = store.load();
        logging.registerSecrets(load.settings().secrets());
        switch (load.status()) {
            case LOADED -> log.info("Loaded settings from {}", paths.settingsFile());
            case MISSING -> log.info("No settings file at {} yet; using the defaults", paths.settingsFile());
            case BROKEN -> log.warn(load.problem());
        }
        return new AppContext(paths, build, host, logging, store, load);
    }

    public AppPaths paths() {
        return paths;
    }

    public BuildInfo build() {
        return build;
    }

    public HostEnvironment host() {
        return host;
    }

    public SettingsStore settingsStore() {
        return settingsStore;
    }

    public SettingsLoad settingsLoad() {
        return settingsLoad;
    }

    public LoggingSetup logging() {
        return logging;
    }

    @Override
    public void close() {
        log.info("TradeDesk stopped");
        logging.close();
    }
}
