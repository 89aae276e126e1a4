package dev.tradedesk.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where TradeDesk keeps its settings, data and logs. Defaults follow each OS's convention:
 * <ul>
 *   <li>Linux and other Unix: settings in {@code $XDG_CONFIG_HOME/tradedesk} (default
 *       {@code ~/.config/tradedesk}), data in {@code $XDG_DATA_HOME/tradedesk} (default
 *       {@code ~/.local/share/tradedesk});</li>
 *   <li>macOS: both in {@code ~/Library/Application Support/TradeDesk};</li>
 *   <li>Windows: both in {@code %APPDATA%\TradeDesk}.</li>
 * </ul>
 * {@code --config FILE} and {@code --data-dir DIR} override them.
 *
 * @param settingsFile the JSON settings file
 * @param dataDir      the databases, logs and other state
 */
public record AppPaths(Path settingsFile, Path dataDir) {

    static final String SETTINGS_FILE_NAME = "settings.json";
    /** The current log file in {@link #logDir()}; Logback rolls it into dated, numbered archives beside it. */
    static final String LOG_FILE_NAME = "tradedesk.log";

    public AppPaths {
        settingsFile = settingsFile.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Folder of the simulated exchange's bar history, inside the data dir. */
    static final String SIMULATED_HISTORY_DIR = "simulated";

    /**
     * Where the simulated exchange's history database is: the {@value #SIMULATED_HISTORY_DIR}
     * folder of the data dir, apart from the real providers' database in the data dir itself. The
     * simulator serves real symbols (AAPL, SPY) at invented prices: kept in one database, its bars
     * would show in a real provider's chart and make that series look complete.
     */
    public Path simulatedHistoryDir() {
        return dataDir.resolve(SIMULATED_HISTORY_DIR);
    }

    /** The window's layout, saved beside the settings ({@link WorkspaceStore}). */
    public Path workspaceFile() {
        return settingsFile.resolveSibling(WorkspaceStore.FILE_NAME);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path logFile() {
        return logDir().resolve(LOG_FILE_NAME);
    }

    /**
     * What of TradeDesk's own {@code file} is ("TradeDesk's settings file", "in TradeDesk's log folder
     * …"), or empty for any other file: an export must not replace the settings it reads, its
     * database or its logs. Links are followed as far as the path exists.
     */
    public Optional<String> ownerOf(Path file) {
        Path real = realPathOf(file);
        if (real.equals(realPathOf(settingsFile))) {
            return Optional.of("TradeDesk's settings file");
        }
        if (real.equals(realPathOf(workspaceFile()))) {
            return Optional.of("TradeDesk's workspace file");
        }
        if (real.startsWith(realPathOf(logDir()))) {
            return Optional.of("in TradeDesk's log folder " + logDir());
        }
        if (real.startsWith(realPathOf(simulatedHistoryDir()))) {
            return Optional.of("in the simulated exchange's history folder " + simulatedHistoryDir());
        }
        if (real.getParent() != null && real.getParent().equals(realPathOf(dataDir))
                && real.getFileName().toString().endsWith(".db")) {
            return Optional.of("a file of TradeDesk's history database in " + dataDir);
        }
        return Optional.empty();
    }

    /** {@code path} with its links resolved as far as it exists: a file not made yet, in its folder's real path. */
    public static Path realPathOf(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException notThere) {
            Path parent = absolute.getParent();
            return parent == null ? absolute : realPathOf(parent).resolve(absolute.getFileName());
        }
    }

    /**
     * Resolves the paths for this machine.
     *
     * @param dataDirOption      {@code --data-dir}, or {@code null} for the OS default
     * @param settingsFileOption {@code --config}, or {@code null} for the OS default
     */
    public static AppPaths resolve(Path dataDirOption, Path settingsFileOption, HostEnvironment host) {
        Path settings = settingsFileOption != null
                ? settingsFileOption
                : defaultConfigDir(host).resolve(SETTINGS_FILE_NAME);
        Path data = dataDirOption != null ? dataDirOption : defaultDataDir(host);
        return new AppPaths(settings, data);
    }

    static Path defaultConfigDir(HostEnvironment host) {
        if (host.isWindows()) {
            return windowsAppData(host);
        }
        if (host.isMac()) {
            return macApplicationSupport(host);
        }
        return xdgDir(host, "XDG_CONFIG_HOME", host.userHome().resolve(".config")).resolve("tradedesk");
    }

    static Path defaultDataDir(HostEnvironment host) {
        if (host.isWindows()) {
            return windowsAppData(host);
        }
        if (host.isMac()) {
            return macApplicationSupport(host);
        }
        return xdgDir(host, "XDG_DATA_HOME", host.userHome().resolve(".local").resolve("share"))
                .resolve("tradedesk");
    }

    private static Path windowsAppData(HostEnvironment host) {
        Path appData = host.variable("APPDATA").map(Path::of)
                .orElse(host.userHome().resolve("AppData").resolve("Roaming"));
        return appData.resolve("TradeDesk");
    }

    private static Path macApplicationSupport(HostEnvironment host) {
        return host.userHome().resolve("Library").resolve("Application Support").resolve("TradeDesk");
    }

    /** The XDG spec says a relative value is invalid and must be ignored. */
    private static Path xdgDir(HostEnvironment host, String variable, Path fallback) {
        return host.variable(variable).map(Path::of).filter(Path::isAbsolute).orElse(fallback);
    }
}
