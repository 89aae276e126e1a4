package dev.tradedesk.core;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Bar timeframes the workstation charts and stores. The label is the Alpaca spelling, used in
 * settings, on the command line and in the database.
 */
public enum Timeframe {
    ONE_MINUTE("1Min", Duration.ofMinutes(1)),
    FIVE_MINUTES("5Min", Duration.ofMinutes(5)),
    FIFTEEN_MINUTES("15Min", Duration.ofMinutes(15)),
    ONE_HOUR("1Hour", Duration.ofHours(1)),
    ONE_DAY("1Day", Duration.ofDays(1));

    private final String label;
    private final Duration duration;

    Timeframe(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    public long millis() {
        return duration.toMillis();
    }

    /**
     * The open time of the bar holding {@code epochMillis} on this timeframe's grid counted from the
     * epoch (UTC days for {@link #ONE_DAY}): the grid providers' and the simulator's bars sit on.
     */
    public long gridStart(long epochMillis) {
        long width = millis();
        return Math.floorDiv(epochMillis, width) * width;
    }

    /** Parses a label such as {@code 1Min} (case-insensitive). */
    public static Timeframe parse(String text) {
        if (text != null) {
            for (Timeframe timeframe : values()) {
                if (timeframe.label.equalsIgnoreCase(Spaces.trimmed(text))) {
                    return timeframe;
                }
            }
        }
        throw new IllegalArgumentException("unknown timeframe '" + text + "': use one of " + labels());
    }

    public static String labels() {
        return Arrays.stream(values()).map(Timeframe::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
