package dev.tradedesk.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One line on stderr saying how far a long command got ({@code importing: 1,250,000 bars}),
 * redrawn in place at most every 200 ms, on a terminal only: off a terminal it prints nothing, so
 * logs and pipes stay clean. Not thread-safe.
 */
final class ProgressLine {

    private static final long INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final boolean enabled;
    private long count;
    private long lastDrawn;
    private int drawnLength;

    ProgressLine(PrintWriter err, LongSupplier nanoTime, boolean enabled) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.enabled = enabled;
        this.lastDrawn = nanoTime.getAsLong();
    }

    /** Counts {@code more} bars and redraws the line if it is due. */
    void advance(long more) {
        count += more;
        long now = nanoTime.getAsLong();
        if (enabled && now - lastDrawn >= INTERVAL_NANOS) {
            lastDrawn = now;
            String line = String.format(Locale.ROOT, "importing: %,d bars", count);
            err.print("\r" + line);
            err.flush();
            drawnLength = line.length();
        }
    }

    /** Erases the line, if one is shown, so the next output starts on a clean line. */
    void clear() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }
}
