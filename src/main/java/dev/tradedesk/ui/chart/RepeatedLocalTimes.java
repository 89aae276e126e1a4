package dev.tradedesk.ui.chart;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Names which of the two instants a local time the clocks show twice (the hour repeated when they
 * fall back) stands for, as the crosshair's time tag and the time axis write it: the zone's short
 * name ({@code EDT}, then {@code EST}), or the offset where both halves have one name (Almaty's
 * {@code ALMT} change of 2024: {@code +06:00}, then {@code +05:00}). Every other local time names
 * one instant and needs nothing.
 *
 * <p>Stateless and thread-safe.
 */
final class RepeatedLocalTimes {

    /** The zone's short name, as the readout gives it. */
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z", Locale.ROOT);
    /** The offset, for a repeated time whose two zone names are the same. */
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

    private RepeatedLocalTimes() {
    }

    /**
     * The zone's short name or offset that tells {@code shown} from the other instant of its local
     * time, or the empty string where its local time is shown once.
     */
    static String whichOne(ZonedDateTime shown) {
        ZonedDateTime earlier = shown.withEarlierOffsetAtOverlap();
        ZonedDateTime later = shown.withLaterOffsetAtOverlap();
        if (earlier.equals(later)) {
            return "";
        }
        boolean sameName = ZONE_NAME.format(earlier).equals(ZONE_NAME.format(later));
        return (sameName ? OFFSET : ZONE_NAME).format(shown);
    }
}
