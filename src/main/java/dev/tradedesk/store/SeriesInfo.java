package dev.tradedesk.store;

import dev.tradedesk.core.SeriesKey;
import java.util.Objects;

/**
 * A stored bar series and how much of it there is. Immutable.
 *
 * @param key       symbol and timeframe
 * @param bars      number of stored bars, at least 1
 * @param firstTime open time of the first bar, epoch milliseconds UTC
 * @param lastTime  open time of the last bar, epoch milliseconds UTC
 */
public record SeriesInfo(SeriesKey key, long bars, long firstTime, long lastTime) {

    public SeriesInfo {
        Objects.requireNonNull(key, "key");
        if (bars < 1 || firstTime > lastTime) {
            throw new IllegalArgumentException("inconsistent series info for " + key + ": " + bars + " bars from "
                    + firstTime + " to " + lastTime);
        }
    }
}
