package dev.tradedesk.ui.chart;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lock-free hand-off of bars from producer threads to the JavaFX thread.
 *
 * <p>The pending work is an immutable chain of {@link Update}s, newest first, behind one
 * {@link AtomicReference}. A producer prepends with a compare-and-set loop (never blocks, never
 * waits for the JavaFX thread); the consumer takes the whole chain with one {@code getAndSet(null)}
 * per pulse. Updates coalesce while they wait: a forming bar replaces a pending forming bar with
 * the same time, a closed bar replaces a pending forming bar with the same time, and a new series
 * drops everything pending before it. So a fast feed costs at most one pending update per bar, not
 * one per tick.
 *
 * <p>Thread-safe: any number of producers, one consumer.
 */
final class PendingBars {

    enum Kind { CLOSED, FORMING, REPLACE }

    /** One pending update; immutable, so a chain can be shared between threads without locks. */
    static final class Update {
        final Update previous;
        final Kind kind;
        final long time;
        final double open;
        final double high;
        final double low;
        final double close;
        final double volume;
        final ChartSeries replacement;

        private Update(Update previous, Kind kind, long time, double open, double high, double low,
                double close, double volume, ChartSeries replacement) {
            this.previous = previous;
            this.kind = kind;
            this.time = time;
            this.open = open;
            this.high = high;
            this.low = low;
            this.close = close;
            this.volume = volume;
            this.replacement = replacement;
        }
    }

    private final AtomicReference<Update> head = new AtomicReference<>();

    void offerClosed(long time, double open, double high, double low, double close, double volume) {
        offerBar(Kind.CLOSED, time, open, high, low, close, volume);
    }

    void offerForming(long time, double open, double high, double low, double close, double volume) {
        offerBar(Kind.FORMING, time, open, high, low, close, volume);
    }

    /** Replaces the whole series; bars offered before are dropped, bars offered after apply to it. */
    void offerReplacement(ChartSeries series) {
        head.set(new Update(null, Kind.REPLACE, 0, 0, 0, 0, 0, 0, series));
    }

    private void offerBar(Kind kind, long time, double open, double high, double low, double close, double volume) {
        Update current;
        Update next;
        do {
            current = head.get();
            Update previous = current;
            if (current != null && current.kind == Kind.FORMING && current.time == time) {
                previous = current.previous; // superseded by this newer state of the same bar
            }
            next = new Update(previous, kind, time, open, high, low, close, volume, null);
        } while (!head.compareAndSet(current, next));
    }

    /** Whether anything waits; a hint only, as producers may add at any moment. */
    boolean isEmpty() {
        return head.get() == null;
    }

    /**
     * Takes every pending update and adds them to {@code oldestFirst} (cleared first) in the order
     * they were offered. Consumer thread only.
     *
     * @return whether anything was taken
     */
    boolean drainTo(ArrayList<Update> oldestFirst) {
        oldestFirst.clear();
        Update newest = head.getAndSet(null);
        for (Update update = newest; update != null; update = update.previous) {
            oldestFirst.add(update);
        }
        int size = oldestFirst.size();
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            Update swap = oldestFirst.get(i);
            oldestFirst.set(i, oldestFirst.get(j));
            oldestFirst.set(j, swap);
        }
        return size > 0;
    }
}
