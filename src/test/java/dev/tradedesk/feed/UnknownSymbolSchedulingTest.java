package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.binance.BinanceProvider;
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
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

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(NOW);
    private final FeedMetrics metrics = new FeedMetrics(ProviderKind.BINANCE);
    private final PriceSchedulerTest.RecordingListener listener = new PriceSchedulerTest.RecordingListener();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private ExecutorService httpThreads;
    private OkHttpClient client;
    private ScheduledExecutorService schedulerThread;
    private PriceScheduler scheduler;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new FakeBinance());
        server.start(0);
        httpThreads = Executors.newCachedThreadPool();
        client = HttpClients.create(httpThreads, Duration.ofSeconds(5));
        schedulerThread = Executors.newSingleThreadScheduledExecutor();
        logs = new LogCapture();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.close();
        }
        schedulerThread.shutdownNow();
        assertThat(schedulerThread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        logs.close();
        HttpClients.close(client);
        httpThreads.shutdownNow();
        server.close();
    }

    /** The real scheduler over the real Binance provider against the mock server, backfilling {@code lookback}. */
    private void startScheduler(Duration lookback, List<Symbol> watchlist) {
        BinanceProvider provider = new BinanceProvider(new ProviderHttp(client, "Binance", ProviderHttp.Access.PUBLIC,
                metrics, new PipelineMetrics(), clock), server.url("/"));
        PriceScheduler.Config config = new PriceScheduler.Config(Timeframe.ONE_MINUTE, Duration.ofMillis(20),
                Duration.ofMillis(5), lookback, 60, Duration.ZERO);
        scheduler = new PriceScheduler(provider, schedulerThread, BarHistory.EMPTY, listener, clock, clock,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5), new PipelineMetrics(), metrics,
                config, watchlist);
        scheduler.start();
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
        assertThat(logs.lines()).filteredOn(line -> line.contains("BADUSDT")).containsExactly(
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
            long now = clock.millis() / MINUTE * MINUTE;
            int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
            String start = request.getUrl().queryParameter("startTime");
            String end = request.getUrl().queryParameter("endTime");
            long first = start == null ? now - (limit - 1) * MINUTE : Long.parseLong(start) / MINUTE * MINUTE;
            long last = Math.min(now, end == null ? now : Long.parseLong(end));
            List<String> rows = new ArrayList<>();
            for (long open = first; open <= last && rows.size() < limit; open += MINUTE) {
                double close = 100 + (open / MINUTE) % 50;
                rows.add("[" + open + ",\"" + decimal(close) + "\",\"" + decimal(close + 1) + "\",\"" + decimal(close - 1)
                        + "\",\"" + decimal(close) + "\",\"12.5\"," + (open + MINUTE - 1) + ",\"1250\",30,\"6\",\"600\",\"0\"]");
            }
            return new MockResponse.Builder().code(200).body("[" + String.join(",", rows) + "]").build();
        }
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.8f", value);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
