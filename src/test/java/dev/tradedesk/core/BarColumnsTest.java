package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BarColumnsTest {

    @Test
    void growsAndKeepsEveryColumn() {
        BarColumns bars = new BarColumns(0);
        for (int i = 0; i < 100; i++) {
            bars.add(i * 60_000L, 10 + i, 11 + i, 9 + i, 10.5 + i, i);
        }
        assertThat(bars.size()).isEqualTo(100);
        assertThat(bars.capacity()).isGreaterThanOrEqualTo(100);
        assertThat(bars.bar(42)).isEqualTo(new Bar(42 * 60_000L, 52, 53, 51, 52.5, 42));
        assertThat(bars.closesArray()[99]).isEqualTo(109.5);
    }

    @Test
    void clearKeepsTheArraysForReuse() {
        BarColumns bars = new BarColumns(4);
        bars.add(new Bar(1, 1, 1, 1, 1, 1));
        long[] times = bars.timesArray();
        bars.clear();
        assertThat(bars.isEmpty()).isTrue();
        bars.add(new Bar(2, 2, 2, 2, 2, 2));
        assertThat(bars.timesArray()).isSameAs(times);
        assertThat(bars.time(0)).isEqualTo(2);
    }

    @Test
    void indexOutsideTheBatchIsRejected() {
        BarColumns bars = new BarColumns(8);
        bars.add(new Bar(1, 1, 1, 1, 1, 1));
        assertThatThrownBy(() -> bars.close(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> bars.close(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
