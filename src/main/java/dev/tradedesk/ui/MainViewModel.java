package dev.tradedesk.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The main window's own state, free of controls so it can be tested without a scene: the About
 * facts, the theme, a notice the user must see (a broken settings file), and whether the
 * simulated-data banner shows. The watchlist, chart and status bar have their own view models.
 * Confined to the JavaFX thread.
 */
public final class MainViewModel {

    private final AboutInfo about;
    private final ObjectProperty<Theme> theme;
    private final String notice;
    private final BooleanProperty simulatedBanner;

    /**
     * @param notice        a problem the user should see (a broken settings file), or empty
     * @param simulated     whether the data comes from the built-in simulated exchange
     * @param themeChanged  called with the new theme whenever the user switches it
     */
    public MainViewModel(AboutInfo about, Theme initialTheme, String notice, boolean simulated, Consumer<Theme> themeChanged) {
        this.about = Objects.requireNonNull(about);
        this.theme = new SimpleObjectProperty<>(this, "theme", Objects.requireNonNull(initialTheme));
        this.notice = notice == null ? "" : notice;
        this.simulatedBanner = new SimpleBooleanProperty(this, "simulatedBanner", simulated);
        this.theme.addListener((property, previous, current) -> {
            if (current != null && current != previous) {
                themeChanged.accept(current);
            }
        });
    }

    public AboutInfo about() {
        return about;
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

    public String notice() {
        return notice;
    }

    /** Whether the "simulated data" banner shows; the user can dismiss it. */
    public BooleanProperty simulatedBannerProperty() {
        return simulatedBanner;
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
