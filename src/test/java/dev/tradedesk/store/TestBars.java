package dev.tradedesk.store;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deterministic bars for store tests: every value follows from the time and a version. */
final class TestBars {

    static final long T0 = 1_700_000_000_000L; // 2023-11-14T22:13:20Z
    static final long MINUTE = 60_000L;

    private TestBars() {
    }

    /** {@code count} bars one minute apart from {@code start}, valid, values tied to time and {@code version}. */
    static BarColumns minutes(long start, int count, int version) {
        BarColumns bars = new BarColumns(count);
        for (int i = 0; i < count; i++) {
            long time = start + i * MINUTE;
            double base = 100 + (time - T0) / MINUTE % 1000 * 0.01 + version;
            bars.add(time, base, base + 0.5, base - 0.25, base + 0.125, 1_000 + version);
        }
        return bars;
    }

    /**
     * One bar at {@code minute} (minutes since the epoch) for each of {@code series}, as one batch:
     * what a live session stores each minute. Values from {@link #addPacedBar}.
     */
    static Map<SeriesKey, BarColumns> oneBarEach(long minute, List<SeriesKey> series) {
        Map<SeriesKey, BarColumns> batch = new LinkedHashMap<>();
        for (int i = 0; i < series.size(); i++) {
            BarColumns bar = new BarColumns(1);
            addPacedBar(bar, minute, i);
            batch.put(series.get(i), bar);
        }
        return batch;
    }

    /** Adds the bar {@link #oneBarEach} gives the {@code seriesIndex}-th series at {@code minute}. */
    static void addPacedBar(BarColumns into, long minute, int seriesIndex) {
        double price = 100 + (minute + seriesIndex) % 89 * 0.25;
        into.add(minute * MINUTE, price, price + 1, price - 1, price + 0.5, minute);
    }
}
