package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.binance.BinanceProvider;
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * The real scheduler over the real Binance provider, against a MockWebServer whose answers the test
 * dispatches: the set-up the scheduling tests share. The clock stands still at {@code now}; the
 * scheduler runs 20 ms cycles and backs off 10–40 ms. Captures the log while open.
 */
final class BinanceSchedulingRig implements AutoCloseable {

    static final long MINUTE = 60_000;

    final MutableClock clock;
    final FeedMetrics metrics = new FeedMetrics(ProviderKind.BINANCE);
    final LogCapture logs = new LogCapture();
    private final MockWebServer server = new MockWebServer();
    private final ExecutorService httpThreads = Executors.newCachedThreadPool();
    private final OkHttpClient client = HttpClients.create(httpThreads, Duration.ofSeconds(5));
    private final ScheduledExecutorService schedulerThread = Executors.newSingleThreadScheduledExecutor();
    private PriceScheduler scheduler;

    BinanceSchedulingRig(Instant now, Dispatcher binance) throws IOException {
        clock = new MutableClock(now);
        server.setDispatcher(binance);
        server.start(0);
    }

    /** Starts the scheduler on 1-minute bars of {@code watchlist}, backfilling {@code lookback}. */
    PriceScheduler start(BarHistory history, MarketDataListener listener, Duration lookback, List<Symbol> watchlist) {
        BinanceProvider provider = new BinanceProvider(new ProviderHttp(client, "Binance", ProviderHttp.Access.PUBLIC,
                metrics, new PipelineMetrics(), clock), server.url("/"));
        PriceScheduler.Config config = new PriceScheduler.Config(Timeframe.ONE_MINUTE, Duration.ofMillis(20),
                Duration.ofMillis(5), lookback, 60, Duration.ZERO);
        scheduler = new PriceScheduler(provider, schedulerThread, history, listener, clock, clock,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5), new PipelineMetrics(), metrics,
                config, watchlist);
        scheduler.start();
        return scheduler;
    }

    /**
     * Binance's klines answer to {@code request}: a bar every minute from its {@code startTime} (or
     * {@code limit} bars back from now) up to its {@code endTime} or the current minute, at most
     * {@code limit} bars, each closing at {@code closeText} of its open time.
     */
    MockResponse klines(RecordedRequest request, LongFunction<String> closeText) {
        long now = clock.millis() / MINUTE * MINUTE;
        int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
        String start = request.getUrl().queryParameter("startTime");
        String end = request.getUrl().queryParameter("endTime");
        long first = start == null ? now - (limit - 1) * MINUTE : Long.parseLong(start) / MINUTE * MINUTE;
        long last = Math.min(now, end == null ? now : Long.parseLong(end));
        List<String> rows = new ArrayList<>();
        for (long open = first; open <= last && rows.size() < limit; open += MINUTE) {
            double close = close(open);
            rows.add("[" + open + ",\"" + decimal(close) + "\",\"" + decimal(close + 1) + "\",\"" + decimal(close - 1)
                    + "\",\"" + closeText.apply(open) + "\",\"12.5\"," + (open + MINUTE - 1) + ",\"1250\",30,\"6\",\"600\",\"0\"]");
        }
        return new MockResponse.Builder().code(200).body("[" + String.join(",", rows) + "]").build();
    }

    /** The close of the bar opening at {@code open}, as {@link #klines} writes it when not told otherwise. */
    static String closeText(long open) {
        return decimal(close(open));
    }

    private static double close(long open) {
        return 100 + (open / MINUTE) % 50;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.8f", value);
    }

    @Override
    public void close() throws IOException, InterruptedException {
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
}
