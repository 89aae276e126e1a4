package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.live.MarketUpdate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
}
