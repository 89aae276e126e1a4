package dev.tradedesk.feed;

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

    /** Progress of a backfill: {@code done} of {@code total} history requests for {@code description}. */
    default void onBackfillProgress(BackfillProgress progress) {
    }
}
