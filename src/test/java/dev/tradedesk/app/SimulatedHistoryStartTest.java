package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import dev.tradedesk.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated history's start is kept, so that later runs continue the stored prices. */
class SimulatedHistoryStartTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final List<Symbol> WATCHLIST = List.of(AAPL);
    private static final Instant FIRST_RUN = Instant.parse("2026-03-02T15:00:00Z");
    private static final long SEED = 42;

    @TempDir
    Path dir;

    @Test
    void aLaterRunContinuesTheStoredPricesAcrossTheGridAndAnotherHistoryLength() {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            Instant first = SimulatedHistoryStart.resolve(store, WATCHLIST, SEED, Duration.ofDays(3), FIRST_RUN.toEpochMilli());
            assertThat(first).isEqualTo(SimulatedMarket.gridStart(FIRST_RUN.toEpochMilli(), Duration.ofDays(3)));
            BarColumns stored = bars(first, FIRST_RUN, FIRST_RUN.minus(Duration.ofHours(2)), FIRST_RUN);
            store.write(new SeriesKey(AAPL, Timeframe.ONE_MINUTE), stored);

            // 40 days on, and with 10 days of history asked for: both would start elsewhere on the grid.
            Instant later = FIRST_RUN.plus(Duration.ofDays(40));
            assertThat(SimulatedMarket.gridStart(later.toEpochMilli(), Duration.ofDays(10))).isNotEqualTo(first);
            Instant kept = SimulatedHistoryStart.resolve(store, WATCHLIST, SEED, Duration.ofDays(10), later.toEpochMilli());

            assertThat(kept).isEqualTo(first);
            BarColumns again = bars(kept, later, FIRST_RUN.minus(Duration.ofHours(2)), FIRST_RUN);
            assertThat(again.size()).isEqualTo(stored.size()).isPositive();
            for (int i = 0; i < stored.size(); i++) {
                assertThat(again.close(i)).as("the close of stored minute %d", i).isEqualTo(stored.close(i));
            }
        }
    }

    @Test
    void aNewStartIsTakenWhenNothingIsStoredOrTheSeedChanged() throws Exception {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            Instant first = SimulatedHistoryStart.resolve(store, WATCHLIST, SEED, Duration.ofDays(3), FIRST_RUN.toEpochMilli());
            Instant later = FIRST_RUN.plus(Duration.ofDays(40));
            Instant onGrid = SimulatedMarket.gridStart(later.toEpochMilli(), Duration.ofDays(3));

            assertThat(SimulatedHistoryStart.resolve(store, WATCHLIST, SEED, Duration.ofDays(3), later.toEpochMilli()))
                    .as("no bars stored: nothing to continue").isEqualTo(onGrid);

            store.write(new SeriesKey(AAPL, Timeframe.ONE_MINUTE), bars(onGrid, later, later.minusSeconds(600), later));
            assertThat(SimulatedHistoryStart.resolve(store, WATCHLIST, SEED + 1, Duration.ofDays(3),
                    later.plus(Duration.ofDays(40)).toEpochMilli())).as("another seed")
                    .isEqualTo(SimulatedMarket.gridStart(later.plus(Duration.ofDays(40)).toEpochMilli(), Duration.ofDays(3)));
            assertThat(first).isNotEqualTo(onGrid);
        }
    }

    @Test
    void aDamagedFileStartsOnTheGridAndIsReplaced() throws Exception {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            store.write(new SeriesKey(AAPL, Timeframe.ONE_MINUTE), bars(FIRST_RUN.minus(Duration.ofDays(3)), FIRST_RUN,
                    FIRST_RUN.minusSeconds(600), FIRST_RUN));
            Path file = store.databaseFile().resolveSibling(SimulatedHistoryStart.FILE_NAME);
            Files.writeString(file, "seed=42\nhistoryStart=yesterday\n");

            Instant start = SimulatedHistoryStart.resolve(store, WATCHLIST, SEED, Duration.ofDays(3), FIRST_RUN.toEpochMilli());

            assertThat(start).isEqualTo(SimulatedMarket.gridStart(FIRST_RUN.toEpochMilli(), Duration.ofDays(3)));
            assertThat(Files.readString(file)).contains("historyStart=" + start);
        }
    }

    /** The simulated minutes of AAPL in {@code [from, to)} from a market starting at {@code start}, its clock at {@code now}. */
    private static BarColumns bars(Instant start, Instant now, Instant from, Instant to) {
        SimulatedMarket market = new SimulatedMarket(SEED, start, new SimClock(new MutableClock(now), now, 1), Set.of(AAPL),
                false);
        BarColumns bars = new BarColumns(0);
        market.closedMinuteBars(AAPL, from.toEpochMilli(), to.toEpochMilli() - 1, bars);
        return bars;
    }
}
