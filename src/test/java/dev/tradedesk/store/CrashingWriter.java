package dev.tradedesk.store;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The child process of {@link CrashSafetyTest}: writes batches to a store until it is killed,
 * printing {@code ACK <n>} once batch {@code n} is committed.
 *
 * <p>Batch {@code n} is one write of {@value #BATCH} new bars (times {@code n * BATCH} to
 * {@code (n + 1) * BATCH - 1} minutes) and a rewrite of batch {@code n - 1} with version
 * {@code n}, so a half-applied batch would show as a partial batch or as a batch whose bars carry
 * mixed versions. A restarted writer continues after the last stored batch.
 */
public final class CrashingWriter {

    static final int BATCH = 500;
    static final SeriesKey SERIES = SeriesKey.of("CRASH", Timeframe.ONE_MINUTE);
    private static final int MAX_BATCHES = 10_000;

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        System.out.println("STARTED");
        System.out.flush();
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(Path.of(args[0])))) {
            OptionalLong last = store.lastTime(SERIES);
            int first = last.isPresent() ? (int) (last.getAsLong() / TestBars.MINUTE / BATCH) + 1 : 0;
            for (int batch = first; batch < first + MAX_BATCHES; batch++) {
                store.write(SERIES, batch(batch));
                System.out.println("ACK " + batch);
                System.out.flush();
            }
        }
    }

    /** What batch {@code n} writes: batch {@code n - 1} at version {@code n}, then its own bars at version {@code n}. */
    static BarColumns batch(int n) {
        BarColumns bars = new BarColumns(2 * BATCH);
        if (n > 0) {
            addBars(bars, n - 1, n);
        }
        addBars(bars, n, n);
        return bars;
    }

    static void addBars(BarColumns bars, int batch, int version) {
        for (int i = 0; i < BATCH; i++) {
            long minute = (long) batch * BATCH + i;
            double price = 100 + minute % 97 * 0.25;
            bars.add(minute * TestBars.MINUTE, price, price + 1, price - 1, price + 0.5, version);
        }
    }
}
