package dev.tradedesk.feed.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.FeedMetrics;
import dev.tradedesk.feed.HttpClients;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.ProviderException;
import dev.tradedesk.feed.ProviderHttp;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.alpaca.AlpacaProvider;
import dev.tradedesk.testing.MutableClock;
import dev.tradedesk.testing.Poll;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each injected fault reaches the real Alpaca provider the way the real failure would: a status
 * with or without {@code Retry-After}, a timeout, a cut connection, a body that is not the JSON, or
 * bars that are bad, repeated or out of order while the rest of the answer is right.
 */
class SimulatedExchangeFaultsTest {

    private static final Instant START = Instant.parse("2026-03-02T15:00:30Z");
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");
    private static final Instant FROM = Instant.parse("2026-03-02T14:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-02T14:59:59Z");

    private final MutableClock wall = new MutableClock(START);
    private final SimulatedMarket market = SimulatedMarket.withHistory(11, new SimClock(wall, START, 1), Duration.ofHours(6),
            Set.of(), true);
    private final FeedMetrics metrics = new FeedMetrics(ProviderKind.SIM);
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(4);
    private final ExecutorService httpThreads = Executors.newCachedThreadPool();
    private final OkHttpClient client = HttpClients.createCleartext(httpThreads, Duration.ofMillis(300));
    private SimulatedExchange exchange;

    @AfterEach
    void stop() {
        HttpClients.close(client);
        httpThreads.shutdownNow();
        if (exchange != null) {
            exchange.close();
        }
        serverThreads.shutdownNow();
    }

    private AlpacaProvider providerFailingWith(FaultKind kind) throws IOException {
        exchange = SimulatedExchange.start(market, 0, serverThreads,
                new SimFaults(1, EnumSet.of(kind), 5, Duration.ofMillis(900)));
        ProviderHttp http = new ProviderHttp(client, "Simulated exchange", ProviderHttp.Access.KEYED, metrics,
                new PipelineMetrics(), market.clock().asClock());
        return new AlpacaProvider(http, HttpUrl.get(exchange.baseUrl().toString()), Secret.empty(), Secret.empty(), "iex");
    }

    private ProviderException historyFailure(FaultKind kind) throws IOException {
        AlpacaProvider provider = providerFailingWith(kind);
        try {
            provider.history(List.of(AAPL, MSFT), Timeframe.ONE_MINUTE, FROM, TO).join();
        } catch (CompletionException failed) {
            assertThat(exchange.faultsInjected().get(kind)).isPositive();
            return (ProviderException) failed.getCause();
        }
        throw new AssertionError(kind + " did not fail the request");
    }

    private Map<Symbol, BarColumns> history(FaultKind kind) throws IOException {
        return providerFailingWith(kind).history(List.of(AAPL, MSFT), Timeframe.ONE_MINUTE, FROM, TO).join();
    }

    private BarColumns truth(Symbol symbol) {
        BarColumns bars = new BarColumns(0);
        market.closedMinuteBars(symbol, FROM.toEpochMilli(), TO.toEpochMilli(), bars);
        return bars;
    }

    @Test
    void rateLimitsComeWithAndWithoutRetryAfter() throws IOException {
        ProviderException withHeader = historyFailure(FaultKind.RATE_LIMITED_RETRY_AFTER);
        assertThat(withHeader.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(withHeader.retryAfter()).contains(Duration.ofSeconds(1));
        exchange.close();
        ProviderException without = historyFailure(FaultKind.RATE_LIMITED);
        assertThat(without.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(without.retryAfter()).isEmpty();
    }

    @Test
    void serverErrorsCarryTheirStatus() throws IOException {
        assertThat(historyFailure(FaultKind.BAD_GATEWAY).kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(historyFailure(FaultKind.BAD_GATEWAY).getMessage()).contains("HTTP 502");
    }

    @Test
    void theKeyIsRejectedOnceOnly() throws IOException {
        AlpacaProvider provider = providerFailingWith(FaultKind.UNAUTHORIZED_ONCE);
        assertThat(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO).handle((bars, failure) -> failure).join())
                .hasCauseInstanceOf(ProviderException.class).hasMessageContaining("rejected the API key");
        assertThat(provider.history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO).join().get(AAPL).size())
                .isEqualTo(truth(AAPL).size());
    }

    @Test
    void aStallOutlastsTheReadTimeout() throws IOException {
        assertThat(historyFailure(FaultKind.STALL).kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
    }

    @Test
    void closingTheExchangeEndsAStalledResponseAndFreesItsThread() throws Exception {
        exchange = SimulatedExchange.start(market, 0, serverThreads,
                new SimFaults(1, EnumSet.of(FaultKind.STALL), 5, Duration.ofMinutes(10)));
        ProviderHttp http = new ProviderHttp(client, "Simulated exchange", ProviderHttp.Access.KEYED, metrics,
                new PipelineMetrics(), market.clock().asClock());
        new AlpacaProvider(http, HttpUrl.get(exchange.baseUrl().toString()), Secret.empty(), Secret.empty(), "iex")
                .history(List.of(AAPL), Timeframe.ONE_MINUTE, FROM, TO);
        Poll.untilTrue(() -> exchange.faultsInjected().get(FaultKind.STALL) == 1, Duration.ofSeconds(30));
        assertThat(exchange.faultsInjected().get(FaultKind.STALL)).as("the request stalled").isEqualTo(1);

        exchange.close();
        serverThreads.shutdown();

        // Far inside the stall's 10 minutes: a session closing the exchange waits for its threads.
        assertThat(serverThreads.awaitTermination(20, TimeUnit.SECONDS)).as("the stalled thread ended with the close").isTrue();
    }

    @Test
    void aConnectionCutMidBodyIsANetworkFailure() throws IOException {
        assertThat(historyFailure(FaultKind.RESET_MID_BODY).kind()).isEqualTo(ProviderException.Kind.NETWORK);
    }

    @Test
    void cutJsonEmptyBodiesAndHtmlPagesAreMalformedOrServerErrors() throws IOException {
        assertThat(historyFailure(FaultKind.TRUNCATED_JSON).kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        exchange.close();
        assertThat(historyFailure(FaultKind.EMPTY_BODY).getMessage()).contains("an empty body");
        exchange.close();
        assertThat(historyFailure(FaultKind.HTML_PAGE).kind())
                .isIn(ProviderException.Kind.MALFORMED_BODY, ProviderException.Kind.SERVER_ERROR);
    }

    @Test
    void aRepeatedPageTokenIsCaughtInsteadOfPagingForever() throws IOException {
        assertThat(historyFailure(FaultKind.REPEATED_PAGE_TOKEN).getMessage()).contains("repeats a page already read");
    }

    @Test
    void aBadPriceIsDroppedAndCountedWhileTheOtherBarsArrive() throws IOException {
        Map<Symbol, BarColumns> bars = history(FaultKind.INVALID_PRICE);
        assertThat(metrics.droppedRecords()).isEqualTo(1);
        assertThat(bars.get(AAPL).size() + bars.get(MSFT).size()).isEqualTo(truth(AAPL).size() + truth(MSFT).size() - 1);
    }

    @Test
    void duplicatedAndSwappedBarsAreStillTheServedBars() throws IOException {
        BarColumns duplicated = history(FaultKind.DUPLICATE_BARS).get(AAPL);
        assertThat(duplicated.size()).isEqualTo(truth(AAPL).size() + 1);
        assertThat(times(duplicated)).isEqualTo(times(truth(AAPL)));
        exchange.close();
        BarColumns swapped = history(FaultKind.OUT_OF_ORDER).get(AAPL);
        assertThat(swapped.time(0)).isGreaterThan(swapped.time(1));
        assertThat(times(swapped)).isEqualTo(times(truth(AAPL)));
    }

    private static TreeSet<Long> times(BarColumns bars) {
        TreeSet<Long> times = new TreeSet<>();
        for (int i = 0; i < bars.size(); i++) {
            times.add(bars.time(i));
        }
        return times;
    }
}
