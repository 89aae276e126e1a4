package dev.tradedesk.ui.perf;

/**
 * The optimisations the performance panel can turn on and off while the app runs, so their effect
 * shows side by side on its charts.
 */
public enum PerformanceSwitch {
    /** Serve history reads from the read cache instead of the database. */
    READ_CACHE("Read cache", "cache on", "cache off"),
    /** Draw far-away candles merged (level of detail) instead of one by one. */
    CANDLE_LEVEL_OF_DETAIL("Merge candles when zoomed out", "merge on", "merge off");

    private final String title;
    private final String onLabel;
    private final String offLabel;

    PerformanceSwitch(String title, String onLabel, String offLabel) {
        this.title = title;
        this.onLabel = onLabel;
        this.offLabel = offLabel;
    }

    /** The switch's name, the same in the panel, its help and the View menu, so one switch has one name. */
    public String title() {
        return title;
    }

    /** The short text marking, on the charts, the moment the switch was turned on or off. */
    public String markerLabel(boolean on) {
        return on ? onLabel : offLabel;
    }

    /**
     * The shortest such text, "on" or "off", for a mark with no room for {@link #markerLabel}: its
     * colour, keyed beside the switch, and its row say which switch it is.
     */
    public static String briefMarkerLabel(boolean on) {
        return on ? "on" : "off";
    }
}
