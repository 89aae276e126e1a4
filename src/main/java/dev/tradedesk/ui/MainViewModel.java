package dev.tradedesk.ui;

import dev.tradedesk.core.Symbol;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the main window, free of controls so it can be tested without a scene.
 * Confined to the JavaFX thread, like the properties it holds.
 */
public final class MainViewModel {

    static final String NOT_CONNECTED = "No market data provider connected";
    private static final long MIB = 1024 * 1024;

    private final AboutInfo about;
    private final ObservableList<Symbol> watchlist;
    private final ObjectProperty<Theme> theme;
    private final ReadOnlyStringWrapper connectionStatus = new ReadOnlyStringWrapper(this, "connectionStatus", NOT_CONNECTED);
    private final ReadOnlyStringWrapper memoryStatus = new ReadOnlyStringWrapper(this, "memoryStatus", "");
    private final ReadOnlyStringWrapper notice;

    /**
     * @param notice        a problem the user should see (a broken settings file), or empty
     * @param themeChanged  called with the new theme whenever the user switches it
     */
    public MainViewModel(AboutInfo about, List<Symbol> watchlist, Theme initialTheme, String notice,
            Consumer<Theme> themeChanged) {
        this.about = Objects.requireNonNull(about);
        this.watchlist = FXCollections.observableArrayList(watchlist);
        this.theme = new SimpleObjectProperty<>(this, "theme", Objects.requireNonNull(initialTheme));
        this.notice = new ReadOnlyStringWrapper(this, "notice", notice == null ? "" : notice);
        this.theme.addListener((property, previous, current) -> {
            if (current != null && current != previous) {
                themeChanged.accept(current);
            }
        });
    }

    public AboutInfo about() {
        return about;
    }

    public ObservableList<Symbol> watchlist() {
        return watchlist;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    public void switchTheme(Theme newTheme) {
        theme.set(Objects.requireNonNull(newTheme));
    }

    public ReadOnlyStringProperty connectionStatusProperty() {
        return connectionStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryStatusProperty() {
        return memoryStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Updates the heap readout from a fresh sample of the runtime's memory. */
    public void sampleMemory(long usedBytes, long maxBytes) {
        memoryStatus.set("Heap " + usedBytes / MIB + " / " + maxBytes / MIB + " MB");
    }

    /** A labelled line of the About dialog. */
    public record AboutRow(String label, String value) {
    }

    /** The About dialog's lines: the version, every file the user may look for, the runtime. */
    public List<AboutRow> aboutRows(String javaVersion, String javafxVersion) {
        return List.of(
                new AboutRow("Version", about.version()),
                new AboutRow("Data directory", about.dataDir().toString()),
                new AboutRow("Settings file", about.settingsFile().toString()),
                new AboutRow("Log file", about.logFile().toString()),
                new AboutRow("Runtime", "Java " + javaVersion + ", JavaFX " + javafxVersion));
    }
}
