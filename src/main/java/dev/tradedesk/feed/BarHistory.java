package dev.tradedesk.feed;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.TimeRange;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the scheduler needs to know from the store: where each series' history ends, and what its
 * completeness ledger says. Called on the scheduler thread; may block briefly on the database.
 */
@FunctionalInterface
public interface BarHistory {

    /** Open time (epoch millis) of the last stored bar of {@code series}, if any. */
    OptionalLong lastBarTime(SeriesKey series);

    /** Since when {@code series} is tracked (the start of its first backfill), if it is. */
    default OptionalLong trackedSince(SeriesKey series) {
        return OptionalLong.empty();
    }

    /**
     * Records that {@code series} is tracked from {@code since} (an earlier start is kept), and that
     * its market trades on the days of {@code tradingDayZone}.
     */
    default void track(SeriesKey series, long since, ZoneId tradingDayZone) {
    }

    /** The zone of {@code series}' market days as last recorded by {@link #track}, if any. */
    default Optional<ZoneId> tradingDayZone(SeriesKey series) {
        return Optional.empty();
    }

    /** Ranges of {@code [from, until)} since the tracking start that are not known complete. */
    default List<TimeRange> missing(SeriesKey series, long from, long until) {
        return List.of();
    }

    /** A store that knows nothing: every series starts from the look-back. */
    BarHistory EMPTY = series -> OptionalLong.empty();
}
