package dev.tradedesk.cli;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.store.BarSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Passes a {@link BarSource} through and, on a terminal, keeps one line on stderr saying how far
 * it got ({@code importing: 1,250,000 bars}), redrawn at most every 200 ms. Off a terminal it
 * prints nothing, so logs and pipes stay clean. Not thread-safe.
 */
final class ProgressLine implements BarSource {

    private static final long INTERVAL_NANOS = 200_000_000L;

    private final BarSource source;
    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final boolean enabled;
    private long bars;
    private long lastDrawn;
    private int drawnLength;

    ProgressLine(BarSource source, PrintWriter err, LongSupplier nanoTime, boolean enabled) {
        this.source = source;
        this.err = err;
        this.nanoTime = nanoTime;
        this.enabled = enabled;
        this.lastDrawn = nanoTime.getAsLong();
    }

    @Override
    public void fill(BarColumns chunk, int limit) throws IOException {
        source.fill(chunk, limit);
        bars += chunk.size();
        long now = nanoTime.getAsLong();
        if (enabled && now - lastDrawn >= INTERVAL_NANOS) {
            lastDrawn = now;
            String line = String.format(Locale.ROOT, "importing: %,d bars", bars);
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
