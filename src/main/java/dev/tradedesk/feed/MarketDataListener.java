package dev.tradedesk.feed;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.util.Map;

/**
 * Receives what the price scheduler produces. Called on the scheduler's own thread, one call at a
 * time, in order; an implementation must return quickly (hand slow work such as database writes to
 * another thread) and must not block on the JavaFX thread.
 */
public interface MarketDataListener {

    /** One cycle's closed and forming bars (see {@link CycleBatch}). */
    void onBatch(CycleBatch batch);

    /** The provider's connection state changed. */
    default void onConnectionState(ConnectionState state) {
    }

    /**
     * Bars fetched again to fill ranges the completeness ledger says are missing (after a failure,
     * a dropped record or a crash): older than bars already handed over, so they are for the store,
     * not for the live engine. {@code covered} as in {@link CycleBatch#covered()}.
     */
    default void onRepair(Timeframe timeframe, Map<Symbol, BarColumns> bars, Map<Symbol, TimeRange> covered) {
    }

    /** Progress of a backfill: {@code done} of {@code total} history requests for {@code description}. */
    default void onBackfillProgress(BackfillProgress progress) {
    }
}
