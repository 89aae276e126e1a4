package dev.tradedesk.app;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.feed.BarHistory;
import dev.tradedesk.store.HistoryStore;
import java.util.List;
import java.util.OptionalLong;

/** The scheduler's view of the history store: last bars and the completeness ledger. Thread-safe. */
final class StoreBarHistory implements BarHistory {

    private final HistoryStore store;

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
    public void track(SeriesKey series, long since) {
        store.track(series, since);
    }

    @Override
    public List<TimeRange> missing(SeriesKey series, long from, long until) {
        return store.missingRanges(series, from, until);
    }
}
