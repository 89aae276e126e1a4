package dev.tradedesk.store;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * The child process of {@link SpaceReuseCrashTest}: writes one bar to each of {@value #SERIES}
 * series in one transaction every {@code pause}, as a live session stores each closed minute, and
 * prints {@code ACK <minute>} once that write is committed. A reader reads the newest bars
 * meanwhile, as the chart does. Runs until it is killed; a restarted writer continues after the
 * last stored minute.
 *
 * <p>Arguments: the data directory, the store's chunk retention in milliseconds, the pause in
 * milliseconds, the least time between two compactions in milliseconds ({@code 0}: at every
 * commit).
 */
public final class PacedWriter {

    static final int SERIES = 8;

    private PacedWriter() {
    }

    static SeriesKey series(int index) {
        return SeriesKey.of("PACE" + index, Timeframe.ONE_MINUTE);
    }

    static StoreOptions options(Path directory, Duration retention, Duration compactionInterval) {
        return StoreOptions.defaults(directory).withChunkRetention(retention).withCompactionInterval(compactionInterval);
    }

    public static void main(String[] args) throws InterruptedException {
        Duration retention = Duration.ofMillis(Long.parseLong(args[1]));
        long pauseMillis = Long.parseLong(args[2]);
        Duration compactionInterval = Duration.ofMillis(Long.parseLong(args[3]));
        try (HistoryStore store = HistoryStore.open(options(Path.of(args[0]), retention, compactionInterval))) {
            OptionalLong last = store.lastTime(series(SERIES - 1));
            long minute = last.isPresent() ? last.getAsLong() / TestBars.MINUTE + 1 : 0;
            Thread reader = new Thread(() -> readNewest(store), "paced-reader");
            reader.setDaemon(true);
            reader.start();
            System.out.println("STARTED " + minute);
            System.out.flush();
            List<SeriesKey> allSeries = IntStream.range(0, SERIES).mapToObj(PacedWriter::series).toList();
            while (true) {
                store.writeAll(TestBars.oneBarEach(minute, allSeries));
                System.out.println("ACK " + minute);
                System.out.flush();
                minute++;
                Thread.sleep(pauseMillis);
            }
        }
    }

    private static void readNewest(HistoryStore store) {
        while (true) {
            for (int i = 0; i < SERIES; i++) {
                store.latest(series(i), 300);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
