package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.BackfillProgress;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {

    @Test
    void theRetryTimeIsShownInTheChosenZoneAndFollowsAChangeOfZone() {
        StatusViewModel status = new StatusViewModel("Alpaca", ZoneId.of("America/New_York"));
        status.apply(MarketUpdate.ofConnection(ConnectionState.backingOff(ProviderKind.ALPACA,
                Instant.parse("2026-12-04T20:16:25Z"), "HTTP 429")), 1);
        assertThat(status.connectionProperty().get()).isEqualTo("Alpaca: retrying at 15:16:25 — HTTP 429");

        status.setZone(ZoneOffset.UTC);

        assertThat(status.connectionProperty().get()).isEqualTo("Alpaca: retrying at 20:16:25 — HTTP 429");
    }

    @Test
    void anotherProviderStartsWithNoDataAndNoHistoryLoading() {
        StatusViewModel status = new StatusViewModel("Simulated exchange", ZoneOffset.UTC);
        status.apply(MarketUpdate.ofBackfill(new BackfillProgress("3 symbols from 12:00", 0, 2)), 1);
        status.apply(new MarketUpdate(Map.of(Symbol.of("AAPL"), new Quote(Symbol.of("AAPL"), 0, 190, 0.5, 50, 50, 20, 90, 1)),
                Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE), 1_000_000_000L);
        status.refresh(3_000_000_000L, 60, 1 << 20, 1 << 30);
        assertThat(status.updateAgeProperty().get()).isEqualTo("updated 2.0 s ago");
        assertThat(status.progressTextProperty().get()).startsWith("Loading history 0/2");

        status.switchProvider("Binance");
        status.refresh(4_000_000_000L, 60, 1 << 20, 1 << 30);

        assertThat(status.connectionProperty().get()).isEqualTo("Binance: connecting…");
        assertThat(status.updateAgeProperty().get()).isEqualTo("no data yet");
        assertThat(status.progressTextProperty().get()).isEmpty();
        assertThat(status.progressProperty().get()).isNegative();
    }
}
