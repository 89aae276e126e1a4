package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Symbol;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A watchlist with a symbol Binance does not list, through the real scheduler and Binance provider
 * against MockWebServer: the reviewer's reproduction, where that one symbol held back every other
 * symbol's backfill and was asked for again on every cycle.
 */
class UnknownSymbolSchedulingTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:30Z");
    private static final long MINUTE = 60_000;
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol BAD = Symbol.of("BADUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");

    private final PriceSchedulerTest.RecordingListener listener = new PriceSchedulerTest.RecordingListener();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private BinanceSchedulingRig rig;
    private PriceScheduler scheduler;

    @BeforeEach
    void start() throws IOException {
        rig = new BinanceSchedulingRig(NOW, new FakeBinance());
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        rig.close();
    }

    private void startScheduler(Duration lookback, List<Symbol> watchlist) {
        scheduler = rig.start(BarHistory.EMPTY, listener, lookback, watchlist);
    }

    @Test
    void aSymbolTheProviderDoesNotKnowIsReportedOnceAndHoldsNoOtherSymbolBack() {
        startScheduler(Duration.ofHours(3), List.of(BTC, BAD, ETH));

        long from = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
        long forming = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        await(() -> listener.closedBars(BTC).size() == 180 && listener.closedBars(ETH).size() == 180);
        await(() -> listener.liveBatches() >= 30);

        for (Symbol good : List.of(BTC, ETH)) {
            List<Bar> bars = listener.closedBars(good);
            assertThat(bars.get(0).time()).isEqualTo(from);
            assertThat(bars.get(bars.size() - 1).time()).isEqualTo(forming - MINUTE);
        }
        assertThat(listener.closedBars(BAD)).isEmpty();
        assertThat(listener.batches).noneMatch(batch -> batch.covered().containsKey(BAD));
        assertThat(listener.batches).noneMatch(batch -> batch.failures().containsKey(BAD));
        assertThat(listener.batches.get(listener.batches.size() - 1).withoutData())
                .as("reported as a symbol the provider has no data for, cycle after cycle").containsExactly(BAD);
        assertThat(requests.get("BADUSDT").get()).as("asked once by the live lane and once by the backfill at most")
                .isLessThanOrEqualTo(2);
        assertThat(rig.logs.lines()).filteredOn(line -> line.contains("BADUSDT")).containsExactly(
                "WARN binance: Binance does not know the symbol BADUSDT (HTTP 400: Invalid symbol.); it is left out of every"
                        + " request until the watchlist changes");
        assertThat(scheduler.state().status()).isEqualTo(ConnectionState.Status.LIVE);
    }

    @Test
    void aChangedWatchlistAsksForTheRefusedSymbolAgain() {
        startScheduler(Duration.ofMinutes(5), List.of(BTC, BAD));
        await(() -> listener.batches.stream().anyMatch(batch -> batch.withoutData().contains(BAD)));
        await(() -> listener.liveBatches() >= 10);
        int before = requests.get("BADUSDT").get();

        scheduler.setSymbols(List.of(BTC, BAD, ETH));

        await(() -> requests.get("BADUSDT").get() > before);
    }

    /** Binance's klines endpoint for BTCUSDT and ETHUSDT (a bar every minute until now) and -1121 for anything else. */
    private final class FakeBinance extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String symbol = request.getUrl().queryParameter("symbol");
            requests.computeIfAbsent(symbol, key -> new AtomicInteger()).incrementAndGet();
            if (!symbol.equals("BTCUSDT") && !symbol.equals("ETHUSDT")) {
                return new MockResponse.Builder().code(400).body("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}").build();
            }
            return rig.klines(request, BinanceSchedulingRig::closeText);
        }
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(5)).until(condition::getAsBoolean);
    }
}
