package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A provider answering with something other than its documented JSON (a proxy's HTML page), through
 * the real scheduler and Binance provider: the outage is logged once as it begins, with a sample of
 * what came back, and once as it ends. The client logged its first failure of each kind too, with the
 * sample, so an outage's first failure made two WARN lines.
 */
class OutageLoggingTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:30Z");
    private static final String PAGE = "<html>Just a moment...</html>";

    @Test
    void aMalformedAnswerIsLoggedOnceAsTheOutageBeginsWithASampleOfIt() throws IOException, InterruptedException {
        AtomicBoolean broken = new AtomicBoolean(true);
        AtomicReference<BinanceSchedulingRig> binance = new AtomicReference<>();
        try (BinanceSchedulingRig rig = new BinanceSchedulingRig(NOW, new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // Latest prices ask for the last bars, history from a start.
                boolean latest = request.getUrl().queryParameter("startTime") == null;
                return latest && broken.get() ? new MockResponse.Builder().code(200).body(PAGE).build()
                        : binance.get().klines(request, BinanceSchedulingRig::closeText);
            }
        })) {
            binance.set(rig);
            AtomicReference<ConnectionState> state = new AtomicReference<>();
            rig.start(BarHistory.EMPTY, new MarketDataListener() {
                @Override
                public void onBatch(CycleBatch batch) {
                }

                @Override
                public void onConnectionState(ConnectionState now) {
                    state.set(now);
                }
            }, Duration.ofMinutes(30), List.of(Symbol.of("BTCUSDT")));
            Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> rig.metrics.failures(ProviderException.Kind.MALFORMED_BODY) >= 3);
            broken.set(false);
            Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> state.get() != null && state.get().status() == ConnectionState.Status.LIVE);

            assertThat(rig.logs.lines()).filteredOn(line -> line.startsWith("WARN")).singleElement().asString()
                    .startsWith("WARN binance: live prices failing: Binance sent a body that is not the documented JSON")
                    .endsWith("; body sample: " + PAGE);
        }
    }
}
