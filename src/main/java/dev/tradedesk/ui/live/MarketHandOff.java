package dev.tradedesk.ui.live;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands market updates from producer threads to the JavaFX thread without either waiting for the
 * other: producers merge into one pending update (a compare-and-set loop, never a lock), and the
 * JavaFX side takes whatever is pending once per pulse. However fast the feed, the UI applies at
 * most one update per frame, and nothing is lost in between (see {@link MarketUpdate#merge}).
 *
 * <p>Thread-safe: any number of producers, one consumer.
 */
public final class MarketHandOff {

    private final AtomicReference<MarketUpdate> pending = new AtomicReference<>();

    /** Called by producers (the scheduler thread); never blocks. */
    public void publish(MarketUpdate update) {
        pending.getAndUpdate(current -> current == null ? update : current.merge(update));
    }

    /** Called once per pulse by the JavaFX thread; {@code null} when nothing changed. */
    public MarketUpdate take() {
        return pending.getAndSet(null);
    }
}
