package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.alpaca.AlpacaProvider;
import dev.tradedesk.feed.binance.BinanceProvider;
import dev.tradedesk.feed.coinbase.CoinbaseProvider;
import dev.tradedesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Symbols that pass {@link Symbol}'s check but carry URL-significant characters ({@code /},
 * {@code .}, {@code -}) stay inside their own path segment or query value in every provider's
 * request: no extra segment, no extra parameter. Requests are captured by an interceptor, so no
 * socket is opened.
 */
class ProviderUrlSafetyTest {

    private static final List<Symbol> TRICKY = List.of(Symbol.of("BTC/USD"), Symbol.of("BRK.B"), Symbol.of("BTC-USD"));
    private static final Instant FROM = Instant.parse("2024-03-01T14:00:00Z");
    private static final Instant TO = Instant.parse("2024-03-01T14:30:00Z");

    private final List<HttpUrl> sent = new CopyOnWriteArrayList<>();
    private final ExecutorService dispatcher = Executors.newCachedThreadPool();
    private final OkHttpClient client = HttpClients.create(dispatcher, Duration.ofSeconds(5)).newBuilder()
            .addInterceptor(chain -> {
                sent.add(chain.request().url());
                String body = chain.request().url().encodedPath().contains("/v2/") ? "{\"bars\":{},\"next_page_token\":null}" : "[]";
                return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                        .body(ResponseBody.create(body, MediaType.get("application/json"))).build();
            })
            .build();
    private final HttpUrl base = HttpUrl.get("https://example.invalid/api/");

    @AfterEach
    void stop() {
        HttpClients.close(client);
        dispatcher.shutdownNow();
    }

    private ProviderHttp http(ProviderKind kind) {
        return new ProviderHttp(client, kind.name(), ProviderHttp.Access.PUBLIC, new FeedMetrics(kind), new PipelineMetrics(),
                new MutableClock(TO));
    }

    @Test
    void alpacaSendsSymbolsAsOneQueryValueOnAFixedPath() throws Exception {
        AlpacaProvider alpaca = new AlpacaProvider(http(ProviderKind.ALPACA), base, Secret.of("PK1"), Secret.of("s1"), "iex");
        alpaca.history(TRICKY, Timeframe.ONE_MINUTE, FROM, TO).get(5, TimeUnit.SECONDS);
        alpaca.latest(TRICKY, Timeframe.ONE_MINUTE).get(5, TimeUnit.SECONDS);
        assertThat(sent).hasSize(2).allSatisfy(url -> {
            assertThat(url.host()).isEqualTo("example.invalid");
            assertThat(url.pathSegments()).element(0).isEqualTo("api");
            assertThat(url.pathSegments()).hasSizeBetween(4, 5);
            assertThat(url.queryParameterValues("symbols")).containsExactly("BRK.B,BTC-USD,BTC/USD");
            assertThat(url.fragment()).isNull();
        });
    }

    @Test
    void binanceSendsEachSymbolAsOneQueryValue() throws Exception {
        BinanceProvider binance = new BinanceProvider(http(ProviderKind.BINANCE), base);
        binance.history(TRICKY, Timeframe.ONE_MINUTE, FROM, TO).get(5, TimeUnit.SECONDS);
        assertThat(sent).hasSize(3).allSatisfy(url -> {
            assertThat(url.pathSegments()).containsExactly("api", "api", "v3", "klines");
            assertThat(url.queryParameterNames()).containsExactlyInAnyOrder("symbol", "interval", "startTime", "endTime", "limit");
        });
        assertThat(sent).extracting(url -> url.queryParameter("symbol")).containsExactlyInAnyOrder("BTC/USD", "BRK.B", "BTC-USD");
    }

    @Test
    void coinbaseKeepsASlashInTheProductInsideOnePathSegment() throws Exception {
        CoinbaseProvider coinbase = new CoinbaseProvider(http(ProviderKind.COINBASE), base);
        coinbase.history(TRICKY, Timeframe.ONE_MINUTE, FROM, TO).get(5, TimeUnit.SECONDS);
        assertThat(sent).hasSize(3).allSatisfy(url -> {
            assertThat(url.pathSegments()).hasSize(4).startsWith("api", "products").endsWith("candles");
            assertThat(url.queryParameterNames()).containsExactlyInAnyOrder("granularity", "start", "end");
        });
        assertThat(sent).extracting(url -> url.pathSegments().get(2)).containsExactlyInAnyOrder("BTC/USD", "BRK.B", "BTC-USD");
        assertThat(sent).extracting(HttpUrl::encodedPath).contains("/api/products/BTC%2FUSD/candles");
    }
}
