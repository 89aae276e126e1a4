package dev.tradedesk.store;

import static dev.tradedesk.store.TestBars.MINUTE;
import static dev.tradedesk.store.TestBars.T0;
import static dev.tradedesk.store.TestBars.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's reads and writes against a real H2 file through a real HikariCP pool. */
class HistoryStoreTest {

    private static final SeriesKey AAPL_1MIN = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
    private static final SeriesKey AAPL_5MIN = SeriesKey.of("AAPL", Timeframe.FIVE_MINUTES);
    private static final SeriesKey MSFT_1MIN = SeriesKey.of("MSFT", Timeframe.ONE_MINUTE);

    @TempDir
    Path dir;

    private StoreFixture fixture;
    private HistoryStore store;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(dir, options -> options.withWriteChunk(7));
        store = fixture.store;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void writtenBarsReadBackExactlyInTimeOrder() {
        BarColumns bars = minutes(T0, 100, 0);
        assertThat(store.write(AAPL_1MIN, bars)).isEqualTo(100);

        BarSnapshot read = store.range(AAPL_1MIN, T0, T0 + 99 * MINUTE);
        assertThat(read).isEqualTo(BarSnapshot.copyOf(bars));
        assertThat(read.bar(42)).isEqualTo(bars.bar(42));
    }

    @Test
    void severalSeriesAreWrittenInOneTransactionAndEachCacheIsInvalidated() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));
        assertThat(store.range(AAPL_1MIN, T0, T0 + 20 * MINUTE).size()).isEqualTo(10);
        java.util.Map<SeriesKey, BarColumns> batch = new java.util.LinkedHashMap<>();
        batch.put(AAPL_1MIN, minutes(T0 + 10 * MINUTE, 5, 0));
        batch.put(MSFT_1MIN, minutes(T0, 3, 1));

        assertThat(store.writeAll(batch)).isEqualTo(8);

        assertThat(store.range(AAPL_1MIN, T0, T0 + 20 * MINUTE).size()).as("cached range invalidated").isEqualTo(15);
        assertThat(store.range(MSFT_1MIN, T0, T0 + 20 * MINUTE)).isEqualTo(BarSnapshot.copyOf(minutes(T0, 3, 1)));
    }

    @Test
    void aBatchWithOneBadBarWritesNothingAtAll() {
        BarColumns bad = new BarColumns(1);
        bad.add(T0, 10, 9, 11, 10, 1);
        java.util.Map<SeriesKey, BarColumns> batch = new java.util.LinkedHashMap<>();
        batch.put(AAPL_1MIN, minutes(T0, 5, 0));
        batch.put(MSFT_1MIN, bad);

        assertThatThrownBy(() -> store.writeAll(batch)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.lastTime(AAPL_1MIN)).isEmpty();
        assertThat(store.listSeries()).isEmpty();
    }

    @Test
    void writingTheSameBarsAgainStoresThemOnce() {
        store.write(AAPL_1MIN, minutes(T0, 50, 0));
        store.write(AAPL_1MIN, minutes(T0, 50, 0));

        assertThat(store.listSeries()).singleElement().satisfies(info -> assertThat(info.bars()).isEqualTo(50));
        assertThat(store.range(AAPL_1MIN, T0, T0 + 49 * MINUTE)).isEqualTo(BarSnapshot.copyOf(minutes(T0, 50, 0)));
    }

    @Test
    void aBarWithAStoredTimeIsUpdatedInPlace() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));
        store.write(AAPL_1MIN, minutes(T0 + 5 * MINUTE, 10, 3));

        BarSnapshot read = store.range(AAPL_1MIN, T0, T0 + 14 * MINUTE);
        assertThat(read.size()).isEqualTo(15);
        assertThat(read.volume(4)).isEqualTo(1_000);
        assertThat(read.volume(5)).isEqualTo(1_003);
        assertThat(read.bar(14)).isEqualTo(minutes(T0 + 5 * MINUTE, 10, 3).bar(9));
    }

    @Test
    void duplicatesInsideOneWriteLeaveTheLastValue() {
        BarColumns bars = new BarColumns(2);
        bars.add(new Bar(T0, 10, 11, 9, 10, 1));
        bars.add(new Bar(T0, 20, 21, 19, 20, 2));
        store.write(AAPL_1MIN, bars);

        assertThat(store.range(AAPL_1MIN, T0, T0).toBars()).containsExactly(new Bar(T0, 20, 21, 19, 20, 2));
    }

    @Test
    void rangeBoundsAreInclusive() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));

        assertThat(times(store.range(AAPL_1MIN, T0 + 2 * MINUTE, T0 + 4 * MINUTE)))
                .containsExactly(T0 + 2 * MINUTE, T0 + 3 * MINUTE, T0 + 4 * MINUTE);
        assertThat(times(store.range(AAPL_1MIN, T0 + 2 * MINUTE, T0 + 2 * MINUTE))).containsExactly(T0 + 2 * MINUTE);
        assertThat(times(store.range(AAPL_1MIN, T0 + 2 * MINUTE + 1, T0 + 4 * MINUTE - 1))).containsExactly(T0 + 3 * MINUTE);
        assertThat(times(store.range(AAPL_1MIN, Long.MIN_VALUE, Long.MAX_VALUE))).hasSize(10);
    }

    @Test
    void emptyRangesGiveNoBars() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));

        assertThat(store.range(AAPL_1MIN, T0 + 5 * MINUTE, T0 + 4 * MINUTE).isEmpty()).as("from after to").isTrue();
        assertThat(store.range(AAPL_1MIN, T0 + MINUTE + 1, T0 + 2 * MINUTE - 1).isEmpty()).as("between bars").isTrue();
        assertThat(store.range(AAPL_1MIN, T0 - 10 * MINUTE, T0 - 1).isEmpty()).as("before the first").isTrue();
        assertThat(store.range(AAPL_1MIN, T0 + 10 * MINUTE, T0 + 20 * MINUTE).isEmpty()).as("after the last").isTrue();
        assertThat(store.range(SeriesKey.of("NONE", Timeframe.ONE_DAY), T0, T0 + MINUTE).isEmpty()).as("unknown").isTrue();
    }

    @Test
    void otherSymbolsAndTimeframesDoNotLeakIntoARange() {
        store.write(AAPL_1MIN, minutes(T0, 10, 1));
        store.write(AAPL_5MIN, minutes(T0, 10, 5));
        store.write(MSFT_1MIN, minutes(T0, 10, 9));

        assertThat(store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE)).isEqualTo(BarSnapshot.copyOf(minutes(T0, 10, 1)));
        assertThat(store.range(AAPL_5MIN, T0, T0 + 9 * MINUTE)).isEqualTo(BarSnapshot.copyOf(minutes(T0, 10, 5)));
        assertThat(store.range(MSFT_1MIN, T0, T0 + 9 * MINUTE)).isEqualTo(BarSnapshot.copyOf(minutes(T0, 10, 9)));
    }

    @Test
    void readRangeAppendsToTheCallersColumnsWithoutTheCache() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));
        BarColumns into = minutes(T0 - 100 * MINUTE, 2, 0);

        assertThat(store.readRange(AAPL_1MIN, T0 + 8 * MINUTE, T0 + 20 * MINUTE, into)).isEqualTo(2);
        assertThat(into.size()).isEqualTo(4);
        assertThat(into.time(2)).isEqualTo(T0 + 8 * MINUTE);
        assertThat(store.cacheStats().hits() + store.cacheStats().misses()).isZero();
    }

    @Test
    void latestGivesTheNewestBarsInTimeOrder() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));
        store.write(MSFT_1MIN, minutes(T0 + 100 * MINUTE, 3, 0));

        assertThat(times(store.latest(AAPL_1MIN, 3))).containsExactly(T0 + 7 * MINUTE, T0 + 8 * MINUTE, T0 + 9 * MINUTE);
        assertThat(store.latest(AAPL_1MIN, 50).size()).isEqualTo(10);
        assertThat(store.latest(AAPL_1MIN, 0).isEmpty()).isTrue();
        assertThat(store.latest(SeriesKey.of("NONE", Timeframe.ONE_MINUTE), 5).isEmpty()).isTrue();
        assertThatThrownBy(() -> store.latest(AAPL_1MIN, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newestSpanCoversTheLastSlotsUpToTheNewestBarAndAGapShortensIt() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));
        store.write(AAPL_1MIN, minutes(T0 + 20 * MINUTE, 2, 0));

        assertThat(times(store.newestSpan(AAPL_1MIN, 3))).containsExactly(T0 + 20 * MINUTE, T0 + 21 * MINUTE);
        assertThat(times(store.newestSpan(AAPL_1MIN, 14))).containsExactly(T0 + 8 * MINUTE, T0 + 9 * MINUTE,
                T0 + 20 * MINUTE, T0 + 21 * MINUTE);
        assertThat(store.newestSpan(AAPL_1MIN, 1_000).size()).isEqualTo(12);
        assertThat(store.newestSpan(SeriesKey.of("NONE", Timeframe.ONE_MINUTE), 5)).isSameAs(BarSnapshot.EMPTY);
        assertThatThrownBy(() -> store.newestSpan(AAPL_1MIN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstAndLastTimesSpanTheSeries() {
        store.write(AAPL_1MIN, minutes(T0 + 5 * MINUTE, 10, 0));
        store.write(AAPL_1MIN, minutes(T0, 2, 0));
        store.write(AAPL_5MIN, minutes(T0 - 1000 * MINUTE, 1, 0));

        assertThat(store.firstTime(AAPL_1MIN)).isEqualTo(OptionalLong.of(T0));
        assertThat(store.lastTime(AAPL_1MIN)).isEqualTo(OptionalLong.of(T0 + 14 * MINUTE));
        assertThat(store.firstTime(MSFT_1MIN)).isEmpty();
        assertThat(store.lastTime(MSFT_1MIN)).isEmpty();
    }

    @Test
    void listSeriesCountsEachSeries() {
        store.write(MSFT_1MIN, minutes(T0, 3, 0));
        store.write(AAPL_5MIN, minutes(T0, 20, 0));
        store.write(AAPL_1MIN, minutes(T0 + MINUTE, 10, 0));

        assertThat(store.listSeries()).containsExactly(
                new SeriesInfo(AAPL_1MIN, 10, T0 + MINUTE, T0 + 10 * MINUTE),
                new SeriesInfo(AAPL_5MIN, 20, T0, T0 + 19 * MINUTE),
                new SeriesInfo(MSFT_1MIN, 3, T0, T0 + 2 * MINUTE));
    }

    @Test
    void deletingASeriesRemovesOnlyThatSeries() {
        store.write(AAPL_1MIN, minutes(T0, 10, 0));
        store.write(AAPL_5MIN, minutes(T0, 4, 0));
        store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE);

        assertThat(store.deleteSeries(AAPL_1MIN)).isEqualTo(10);

        assertThat(store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE).isEmpty()).as("cached range is gone too").isTrue();
        assertThat(store.listSeries()).extracting(SeriesInfo::key).containsExactly(AAPL_5MIN);
        assertThat(store.deleteSeries(AAPL_1MIN)).isZero();
        store.write(AAPL_1MIN, minutes(T0, 2, 7));
        assertThat(store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE)).isEqualTo(BarSnapshot.copyOf(minutes(T0, 2, 7)));
    }

    @Test
    void anInvalidBarRejectsTheWholeWriteAndKeepsWhatWasStored() {
        store.write(AAPL_1MIN, minutes(T0, 5, 0));
        BarColumns bars = minutes(T0, 30, 1);
        bars.add(T0 + 30 * MINUTE, 10, 9, 11, 10, 1); // high below low, in the fifth chunk of 7

        assertThatThrownBy(() -> store.write(AAPL_1MIN, bars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bar 30 of AAPL/1Min")
                .hasMessageContaining("high 9.0 is below low 11.0")
                .hasMessageContaining("nothing was written");
        assertThat(store.range(AAPL_1MIN, T0, T0 + 60 * MINUTE)).isEqualTo(BarSnapshot.copyOf(minutes(T0, 5, 0)));
    }

    @Test
    void aFailingSourceRollsTheWholeWriteBack() {
        int[] calls = {0};
        BarSource failsOnThirdChunk = (chunk, limit) -> {
            if (++calls[0] == 3) {
                throw new IOException("disk gone");
            }
            BarColumns next = minutes(T0 + (calls[0] - 1) * limit * MINUTE, limit, 0);
            for (int i = 0; i < next.size(); i++) {
                chunk.add(next.bar(i));
            }
        };

        assertThatThrownBy(() -> store.write(AAPL_1MIN, failsOnThirdChunk))
                .isInstanceOf(StoreException.class).hasMessageContaining("nothing was written").hasMessageContaining("disk gone");
        assertThat(store.listSeries()).isEmpty();
    }

    @Test
    void aWriteOfNoBarsCreatesNoSeries() {
        assertThat(store.write(AAPL_1MIN, new BarColumns(0))).isZero();
        assertThat(store.listSeries()).isEmpty();
    }

    @Test
    void streamHandsOverTheRangeInChunksInTimeOrder() {
        store.write(AAPL_1MIN, minutes(T0, 100, 0));
        store.write(MSFT_1MIN, minutes(T0, 100, 0));
        List<Long> times = new ArrayList<>();
        List<Integer> chunkSizes = new ArrayList<>();

        long streamed = store.stream(AAPL_1MIN, T0 + 10 * MINUTE, T0 + 40 * MINUTE, 8, chunk -> {
            chunkSizes.add(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                times.add(chunk.time(i));
            }
        });

        assertThat(streamed).isEqualTo(31);
        assertThat(chunkSizes).containsExactly(8, 8, 8, 7);
        assertThat(times).hasSize(31).isSorted().startsWith(T0 + 10 * MINUTE).endsWith(T0 + 40 * MINUTE);
        assertThat(store.stream(AAPL_1MIN, T0 + 10 * MINUTE, T0 + 17 * MINUTE, 8, chunk -> { })).isEqualTo(8);
        assertThat(store.stream(AAPL_1MIN, T0 + 5 * MINUTE, T0, 8, chunk -> { })).isZero();
    }

    @Test
    void aFailingStreamConsumerStopsTheStreamWithAStoreException() {
        store.write(AAPL_1MIN, minutes(T0, 20, 0));

        assertThatThrownBy(() -> store.stream(AAPL_1MIN, T0, T0 + 20 * MINUTE, 5, chunk -> {
            throw new IOException("no space left");
        })).isInstanceOf(StoreException.class).hasMessageContaining("no space left");
    }

    @Test
    void barsSurviveClosingAndReopeningTheStore() {
        store.write(AAPL_1MIN, minutes(T0, 10, 2));
        fixture.close();

        fixture = new StoreFixture(dir);
        store = fixture.store;
        assertThat(store.range(AAPL_1MIN, T0, T0 + 9 * MINUTE)).isEqualTo(BarSnapshot.copyOf(minutes(T0, 10, 2)));
    }

    private static List<Long> times(BarSnapshot bars) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            times.add(bars.time(i));
        }
        return times;
    }
}
