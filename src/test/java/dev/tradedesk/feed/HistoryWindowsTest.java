package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The bars a history answer contributes: inside the range, in time order, each time once, the last copy winning. */
class HistoryWindowsTest {

    private static final long MINUTE = 60_000;

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
