package dev.tradedesk.ui.live;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands market updates from producer threads to the JavaFX thread without either waiting for the
 * other: producers merge into one pending update (a compare-and-set loop, never a lock), and the
 * JavaFX side takes whatever is pending once per pulse. However fast the feed, the UI applies at
 * most one update per frame, and nothing is lost in between (see {@link MarketUpdate#merge}).
 *
 * <p>A market session publishes through its own {@link #publisherForSession() publisher}. When the
 * window switches to another provider ({@link #endSession()}, the settings' OK), the old session may
 * publish for a moment more, until the control thread has stopped it: what it published and
 * publishes after the switch is dropped, so that none of its prices, bars or "live" state reach the
 * window under the new provider's name.
 *
 * <p>Thread-safe: any number of producers, one consumer.
 */
public final class MarketHandOff {

    /** The update waiting for the next frame, and the session whose updates are taken now. */
    private record Pending(long session, MarketUpdate update) {
    }

    private final AtomicReference<Pending> pending = new AtomicReference<>(new Pending(0, null));

    /**
     * The publisher for the session the window shows now: its updates are taken until the next
     * {@link #endSession()}. Called when the session is asked for, in order with the
     * {@code endSession} before it, not later on the thread that starts it: a second OK's
     * {@code endSession} in between would have its updates taken as the next session's.
     */
    public Consumer<MarketUpdate> publisherForSession() {
        long session = pending.get().session();
        return update -> publish(session, update);
    }

    /** Publishes for the current session; never blocks. */
    public void publish(MarketUpdate update) {
        publish(pending.get().session(), update);
    }

    private void publish(long session, MarketUpdate update) {
        pending.getAndUpdate(current -> current.session() != session ? current
                : new Pending(session, current.update() == null ? update : current.update().merge(update)));
    }

    /**
     * JavaFX thread: the window no longer shows the session publishing so far. What it published
     * and has not been taken is dropped, and so is all it publishes from now on.
     */
    public void endSession() {
        pending.getAndUpdate(current -> new Pending(current.session() + 1, null));
    }

    /** Called once per pulse by the JavaFX thread; {@code null} when nothing changed. */
    public MarketUpdate take() {
        Pending taken = pending.getAndUpdate(current -> current.update() == null ? current : new Pending(current.session(), null));
        return taken.update();
    }
}
