package dev.tradedesk.ui.settings;

/** The settings dialog's sections, in the order of its tabs. */
public enum SettingsSection {
    PROVIDER("Data provider"),
    WATCHLIST("Watchlist"),
    CHART("Chart"),
    INDICATORS("Indicators"),
    APPEARANCE("Appearance"),
    SIMULATOR("Simulator");

    private final String title;

    SettingsSection(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
