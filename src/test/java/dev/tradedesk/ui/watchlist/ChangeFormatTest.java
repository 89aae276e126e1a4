package dev.tradedesk.ui.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The watchlist's change column: signed, two decimals, and no "-0.00". */
class ChangeFormatTest {

    @Test
    void aChangeThatRoundsToNothingReadsZeroWithoutASign() {
        assertThat(WatchlistColumns.formatChange(-0.004)).isEqualTo("0.00");
        assertThat(WatchlistColumns.formatChange(0.004)).isEqualTo("0.00");
        assertThat(WatchlistColumns.formatChange(-0.0)).isEqualTo("0.00");
        assertThat(WatchlistColumns.formatChange(0.0)).isEqualTo("0.00");
    }

    @Test
    void otherChangesShowTheirSign() {
        assertThat(WatchlistColumns.formatChange(1.254)).isEqualTo("+1.25");
        assertThat(WatchlistColumns.formatChange(-0.4)).isEqualTo("-0.40");
        assertThat(WatchlistColumns.formatChange(-0.006)).isEqualTo("-0.01");
        assertThat(WatchlistColumns.formatChange(12.0)).isEqualTo("+12.00");
    }
}
