package dev.tradedesk.ui;

import dev.tradedesk.core.Spaces;

/** The workstation's colour themes (AtlantaFX Primer light and dark). */
public enum Theme {
    LIGHT("light"),
    DARK("dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses {@code light} or {@code dark} (case-insensitive). */
    public static Theme parse(String text) {
        for (Theme theme : values()) {
            if (theme.label.equalsIgnoreCase(Spaces.trimmed(text))) {
                return theme;
            }
        }
        throw new IllegalArgumentException("unknown theme '" + text + "': use light or dark");
    }

    @Override
    public String toString() {
        return label;
    }
}
