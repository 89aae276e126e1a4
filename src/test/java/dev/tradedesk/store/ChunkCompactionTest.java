package dev.tradedesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file of a database that stays open does not grow with every commit: the store's own
 * compactions ({@link ChunkCompaction}) let H2 reuse the space of old chunks, as a live session's
 * commits of a bar per series need for days on end.
 */
class ChunkCompactionTest {

    private static final int SERIES = 8;
    /** Enough commits for the file without compaction to outgrow the one with it several times. */
    private static final int COMMITS = Integer.getInteger("tradedesk.compaction.commits", 1_200);
    /** Short, so that chunks age past it within the test as they do within minutes in a session. */
    private static final Duration RETENTION = Duration.ofMillis(50);
    private static final List<SeriesKey> SERIES_KEYS = IntStream.range(0, SERIES).mapToObj(ChunkCompactionTest::series).toList();

    @TempDir
    Path compacted;
    @TempDir
    Path uncompacted;

    @Test
    void compactionsKeepTheFileOfAnOpenDatabaseFromGrowingWithEveryCommit() throws Exception {
        long withCompaction = sizeAfterCommits(compacted, Duration.ZERO);
        long withoutCompaction = sizeAfterCommits(uncompacted, Duration.ofDays(1));

        System.out.printf("file after %,d commits: %,d bytes with compactions, %,d without%n", COMMITS, withCompaction,
                withoutCompaction);
        assertTrue(withCompaction * 3 < withoutCompaction,
                "with compactions " + withCompaction + " bytes, without " + withoutCompaction);
        try (HistoryStore reopened = HistoryStore.open(StoreOptions.defaults(compacted))) {
            for (int i = 0; i < SERIES; i++) {
                assertEveryBarAsWritten(reopened.range(series(i), 0, COMMITS * TestBars.MINUTE), i);
            }
        }
    }

    /** The pages the compactions copied hold the bars as they were written. */
    private static void assertEveryBarAsWritten(BarSnapshot bars, int seriesIndex) {
        assertEquals(COMMITS, bars.size(), "bars of " + series(seriesIndex));
        BarColumns expected = new BarColumns(1);
        for (int minute = 0; minute < COMMITS; minute++) {
            expected.clear();
            TestBars.addPacedBar(expected, minute, seriesIndex);
            assertEquals(expected.time(0), bars.time(minute), "time of minute " + minute);
            assertEquals(expected.close(0), bars.close(minute), "close of minute " + minute);
            assertEquals(expected.volume(0), bars.volume(minute), "volume of minute " + minute);
        }
    }

    /** Writes a bar to each series per commit, and returns the file's size before the database closes. */
    private static long sizeAfterCommits(Path directory, Duration compactionInterval) throws Exception {
        StoreOptions options = StoreOptions.defaults(directory).withChunkRetention(RETENTION)
                .withCompactionInterval(compactionInterval);
        try (HistoryStore store = HistoryStore.open(options)) {
            for (int minute = 0; minute < COMMITS; minute++) {
                store.writeAll(TestBars.oneBarEach(minute, SERIES_KEYS));
                if (minute % 100 == 99) {
                    Thread.sleep(RETENTION.toMillis());
                }
            }
            assertEquals((long) SERIES * COMMITS, store.barCount(), "every committed bar is stored");
            for (int i = 0; i < SERIES; i++) {
                BarSnapshot newest = store.latest(series(i), 1);
                assertEquals((COMMITS - 1) * TestBars.MINUTE, newest.time(0), "newest bar of " + series(i));
            }
            return Files.size(options.databaseFile());
        }
    }

    private static SeriesKey series(int index) {
        return SeriesKey.of("GROW" + index, Timeframe.ONE_MINUTE);
    }
}
