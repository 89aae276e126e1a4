package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The bars a history answer contributes: inside the range, in time order, each time once, the last
 * copy winning; and what a failed backfill leaves behind.
 */
class HistoryWindowsTest {

    private static final long MINUTE = 60_000;
    /** Ten bars a window, so the backfill below takes three. */
    private static final PriceScheduler.Config CONFIG = new PriceScheduler.Config(Timeframe.ONE_MINUTE,
            Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofDays(2), 10);

    /** Records the progress it is told; throws on {@link BackfillProgress#NONE} when asked to. */
    private static final class ProgressListener implements MarketDataListener {
        final List<BackfillProgress> told = new ArrayList<>();
        boolean throwOnNone;

        @Override
        public void onBatch(CycleBatch batch) {
        }

        @Override
        public void onBackfillProgress(BackfillProgress progress) {
            told.add(progress);
            if (throwOnNone && progress.equals(BackfillProgress.NONE)) {
                throw new IllegalStateException("listener bug on a stopped backfill");
            }
        }
    }

    /**
     * Starts a three-window backfill whose first request is left unanswered, and returns what that
     * request would run on its failure.
     */
    private static Runnable failureOfAThreeWindowBackfill(ProgressListener listener, Runnable failed) {
        AtomicReference<Runnable> stopped = new AtomicReference<>();
        HistoryRequests requests = (lane, symbols, from, to, onFailure, answer) -> stopped.set(onFailure);
        RepairPlanner repairs = new RepairPlanner(BarHistory.EMPTY, CONFIG.timeframe(), CONFIG.windowBars(), 10_000);
        HandoverLedger ledger = new HandoverLedger(BarHistory.EMPTY, CONFIG, BarAggregator.NEW_YORK,
                Clock.fixed(Instant.ofEpochMilli(60 * MINUTE), ZoneOffset.UTC), repairs);
        HistoryWindows windows = new HistoryWindows(requests, ledger, listener, CONFIG, 10_000, () -> 1);
        windows.fetch(PriceScheduler.Lane.HISTORY, Map.of(Symbol.of("AAPL"), new long[] {0, 30 * MINUTE - 1}), true,
                () -> { }, failed);
        assertThat(listener.told).as("the first window's progress").singleElement()
                .satisfies(progress -> assertThat(progress.total()).isEqualTo(3));
        return stopped.get();
    }

    @Test
    void aFailedBackfillsProgressGoesEvenWhenTheLanesFailedThrows() {
        ProgressListener listener = new ProgressListener();
        IllegalStateException laneBug = new IllegalStateException("lane bug on a failed request");
        Runnable stopped = failureOfAThreeWindowBackfill(listener, () -> {
            throw laneBug;
        });
        assertThatThrownBy(stopped::run).as("the lane's throw, for the guard to log").isSameAs(laneBug);
        assertThat(listener.told).last().isEqualTo(BackfillProgress.NONE);
    }

    @Test
    void aFailedBackfillsLaneIsIdleBeforeAListenerThatThrowsOnItsProgressGoingHearsIt() {
        ProgressListener listener = new ProgressListener();
        listener.throwOnNone = true;
        AtomicBoolean idle = new AtomicBoolean();
        Runnable stopped = failureOfAThreeWindowBackfill(listener, () -> idle.set(true));
        assertThatThrownBy(stopped::run).hasMessage("listener bug on a stopped backfill");
        assertThat(idle).as("the lane's failed ran").isTrue();
        assertThat(listener.told).last().isEqualTo(BackfillProgress.NONE);
    }

    @Test
    void whenBothThrowTheLanesThrowIsRethrownWithTheListenersSuppressed() {
        ProgressListener listener = new ProgressListener();
        listener.throwOnNone = true;
        IllegalStateException laneBug = new IllegalStateException("lane bug on a failed request");
        Runnable stopped = failureOfAThreeWindowBackfill(listener, () -> {
            throw laneBug;
        });
        assertThatThrownBy(stopped::run).isSameAs(laneBug);
        assertThat(laneBug.getSuppressed()).singleElement().extracting(Throwable::getMessage)
                .isEqualTo("listener bug on a stopped backfill");
    }

    @Test
    void anOrderedAnswerIsKeptAsItIsWithinTheRange() {
        BarColumns bars = new BarColumns(0);
        for (int i = 0; i < 10; i++) {
            bars.add(i * MINUTE, 10 + i, 11 + i, 9 + i, 10.5 + i, 100 + i);
        }
        BarColumns kept = HistoryWindows.between(bars, 2 * MINUTE, 6 * MINUTE);
        assertThat(kept.size()).isEqualTo(5);
        assertThat(kept.time(0)).isEqualTo(2 * MINUTE);
        assertThat(kept.close(4)).isEqualTo(16.5);
    }

    @Test
    void repeatedAndOutOfOrderBarsComeOutSortedOnceEachWithTheLastCopyWinning() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            BarColumns bars = new BarColumns(0);
            TreeMap<Long, Double> expected = new TreeMap<>();
            int count = random.nextInt(1, 40);
            for (int i = 0; i < count; i++) {
                long time = random.nextInt(0, 20) * MINUTE;
                double close = random.nextInt(1, 1000);
                bars.add(time, close, close, close, close, i);
                if (time >= 3 * MINUTE && time <= 15 * MINUTE) {
                    expected.put(time, close); // a later copy replaces an earlier one
                }
            }
            BarColumns kept = HistoryWindows.between(bars, 3 * MINUTE, 15 * MINUTE);
            List<Long> times = new ArrayList<>();
            List<Double> closes = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                times.add(kept.time(i));
                closes.add(kept.close(i));
            }
            assertThat(times).as("round %d", round).containsExactlyElementsOf(expected.keySet());
            assertThat(closes).as("round %d", round).containsExactlyElementsOf(expected.values());
        }
    }
}
