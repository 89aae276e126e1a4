package dev.tradedesk.app;

import dev.tradedesk.core.RepeatingFailures;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.feed.BarHistory;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's view of the history store: last bars and the completeness ledger. A tracking start
 * the store committed but the device refused to flush ({@link StoreException#committed()}) is
 * recorded as far as the scheduler is concerned: told as stored but not forced, not thrown, so the
 * scheduler does not hold the new symbol back to record it again. Thread-safe.
 */
final class StoreBarHistory implements BarHistory {

    private static final Logger log = LoggerFactory.getLogger(StoreBarHistory.class);

    private final HistoryStore store;
    /** Every write fails its flush while the device does: told once, then summarized. */
    private final RepeatingFailures notForced = RepeatingFailures.everyMinute();

    StoreBarHistory(HistoryStore store) {
        this.store = store;
    }

    @Override
    public OptionalLong lastBarTime(SeriesKey series) {
        return store.lastTime(series);
    }

    @Override
    public OptionalLong trackedSince(SeriesKey series) {
        return store.ledger(series, 0, 0).trackedSince();
    }

    @Override
    public void track(SeriesKey series, long since, ZoneId tradingDayZone) {
        try {
            store.track(series, since, tradingDayZone);
        } catch (StoreException failure) {
            if (!failure.committed()) {
                throw failure;
            }
            // A warning, not the store writer's error: a tracking start a crash loses is recorded anew
            // when the symbol is next seen, and the bars' own writes tell the device's state. Told by
            // the device's reason: the message names the series, and each new symbol's would differ.
            notForced.report(StoreException.rootCauseOf(failure),
                    () -> log.warn("{} {}: its tracking start is stored, but the device refused to flush it (check the"
                            + " disk): {}", series.symbol(), series.timeframe().label(), failure.getMessage()),
                    repeats -> log.warn("Still cannot flush tracking starts to the device: {} more failed the same way:"
                            + " {}", repeats, failure.getMessage()));
            return;
        }
        notForced.succeeded();
    }

    @Override
    public Optional<ZoneId> tradingDayZone(SeriesKey series) {
        return store.tradingDayZone(series);
    }

    @Override
    public List<TimeRange> missing(SeriesKey series, long from, long until) {
        return store.missingRanges(series, from, until);
    }
}
