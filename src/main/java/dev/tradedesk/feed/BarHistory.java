package dev.tradedesk.feed;

import dev.tradedesk.core.SeriesKey;
import java.util.OptionalLong;

/** What the scheduler needs to know from the store: where each series' history ends. */
@FunctionalInterface
public interface BarHistory {

    /** Open time (epoch millis) of the last stored bar of {@code series}, if any. */
    OptionalLong lastBarTime(SeriesKey series);

    /** A store that knows nothing: every series starts from the look-back. */
    BarHistory EMPTY = series -> OptionalLong.empty();
}
