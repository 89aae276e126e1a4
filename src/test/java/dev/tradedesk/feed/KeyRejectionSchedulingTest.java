package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.alpaca.AlpacaProvider;
import dev.tradedesk.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real scheduler over the real Alpaca provider against MockWebServer, where the key is
 * rejected: two rejections in a row stop the scheduler whichever lane's requests they answer, and
 * two requests rejected while in flight together are one rejection, retried once.
 */
class KeyRejectionSchedulingTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:30Z");
    private static final List<Symbol> WATCHLIST = List.of(Symbol.of("AAPL"), Symbol.of("MSFT"));
    private static final String REJECTED = "Alpaca rejected the API key (HTTP 401: unauthorized.)";

    private final MutableClock clock = new MutableClock(NOW);
    private final MockWebServer alpaca = new MockWebServer();
    private final ExecutorService httpThreads = Executors.newCachedThreadPool();
    private final OkHttpClient client = HttpClients.create(httpThreads, Duration.ofSeconds(5));
    private final ScheduledExecutorService schedulerThread = Executors.newSingleThreadScheduledExecutor();
    private final PriceSchedulerTest.RecordingListener listener = new PriceSchedulerTest.RecordingListener();
    private final AtomicInteger latestRequests = new AtomicInteger();
    private final AtomicInteger historyRequests = new AtomicInteger();
    private PriceScheduler scheduler;

    @AfterEach
    void stop() throws IOException, InterruptedException {
        if (scheduler != null) {
            scheduler.close();
        }
        schedulerThread.shutdownNow();
        assertThat(schedulerThread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        HttpClients.close(client);
        httpThreads.shutdownNow();
        alpaca.close();
    }

    @Test
    void aKeyRejectedTwiceInARowOnTheHistoryLaneStopsTheScheduler() throws IOException {
        // The latest-bars endpoint is down, so the live lane neither succeeds nor is rejected; the
        // backfill, asked again after its back-off, is rejected again.
        start(latest -> answer(503, "{\"message\":\"service unavailable\"}"), history -> rejected());

        await(() -> listener.lastState() != null && listener.lastState().status() == ConnectionState.Status.STOPPED);

        assertThat(listener.lastState().reason()).isEqualTo(REJECTED);
        assertThat(historyRequests.get()).as("the backfill, then its one retry").isEqualTo(2);
    }

    @Test
    void twoRequestsRejectedWhileInFlightTogetherAreOneRejectionRetriedOnce() throws IOException {
        // The first cycle's latest-bars request and backfill leave together, and a stray 401 (a
        // provider deploy) answers both; every later request is answered.
        start(latest -> latest == 1 ? rejected() : answer(200, "{\"bars\":{}}"),
                history -> history == 1 ? rejected() : answer(200, "{\"bars\":{},\"next_page_token\":null}"));

        await(() -> listener.states.stream().anyMatch(state -> state.status() == ConnectionState.Status.LIVE));

        assertThat(latestRequests.get()).isGreaterThan(1);
        assertThat(listener.states).extracting(ConnectionState::status).contains(ConnectionState.Status.BACKING_OFF)
                .doesNotContain(ConnectionState.Status.STOPPED);
    }

    /** Starts the scheduler over mock Alpaca answering the n-th latest-bars and history requests as told. */
    private void start(Answer latest, Answer history) throws IOException {
        alpaca.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().endsWith("/latest") ? latest.nth(latestRequests.incrementAndGet())
                        : history.nth(historyRequests.incrementAndGet());
            }
        });
        alpaca.start(0);
        FeedMetrics metrics = new FeedMetrics(ProviderKind.ALPACA);
        ProviderHttp http = new ProviderHttp(client, "Alpaca", ProviderHttp.Access.KEYED, metrics, new PipelineMetrics(),
                clock);
        AlpacaProvider provider = new AlpacaProvider(http, alpaca.url("/"), Secret.empty(), Secret.empty(), "iex");
        PriceScheduler.Config config = new PriceScheduler.Config(Timeframe.ONE_MINUTE, Duration.ofMillis(20),
                Duration.ofMillis(5), Duration.ofHours(3), 60, Duration.ZERO);
        scheduler = new PriceScheduler(provider, schedulerThread, BarHistory.EMPTY, listener, clock, clock,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5), new PipelineMetrics(), metrics,
                config, WATCHLIST);
        scheduler.start();
    }

    /** How mock Alpaca answers the n-th request (from 1) of one endpoint. */
    @FunctionalInterface
    private interface Answer {
        MockResponse nth(int request);
    }

    private static MockResponse rejected() {
        return answer(401, "{\"message\":\"unauthorized.\"}");
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(5)).until(condition::getAsBoolean);
    }
}
