package dev.tradedesk.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The main window's own state, free of controls so it can be tested without a scene: the About
 * facts, the theme (the saved one, and the one on screen, which the settings dialog's preview may
 * change until it closes), a notice the user must see (a broken settings file), and whether the
 * simulated-data banner shows. The watchlist, chart and status bar have their own view models.
 * Confined to the JavaFX thread.
 */
public final class MainViewModel {

    private final AboutInfo about;
    private final ObjectProperty<Theme> theme;
    private final ReadOnlyObjectWrapper<Theme> shownTheme;
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
        this.shownTheme = new ReadOnlyObjectWrapper<>(this, "shownTheme", initialTheme);
        this.notice = notice == null ? "" : notice;
        this.simulatedBanner = new SimpleBooleanProperty(this, "simulatedBanner", simulated);
        this.theme.addListener((property, previous, current) -> {
            if (current != null && current != previous) {
                shownTheme.set(current);
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

    /** Saves {@code newTheme} as the theme, and shows it. */
    public void switchTheme(Theme newTheme) {
        theme.set(Objects.requireNonNull(newTheme));
    }

    /**
     * The theme on screen: the saved {@link #theme()}, or the one the settings dialog previews until
     * {@link #endThemePreview()}. The window is styled, and the View menu's Theme items checked, by it.
     */
    public ReadOnlyObjectProperty<Theme> shownThemeProperty() {
        return shownTheme.getReadOnlyProperty();
    }

    public Theme shownTheme() {
        return shownTheme.get();
    }

    /** Shows {@code previewed} without saving it: the settings dialog's live preview. */
    public void previewTheme(Theme previewed) {
        shownTheme.set(Objects.requireNonNull(previewed));
    }

    /** The preview is over (its dialog closed, by OK or Cancel): the saved theme shows again. */
    public void endThemePreview() {
        shownTheme.set(theme.get());
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
