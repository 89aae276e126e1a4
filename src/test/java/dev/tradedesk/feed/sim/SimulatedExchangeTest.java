package dev.tradedesk.feed.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated exchange speaks Alpaca's v2 bar endpoints over real HTTP on loopback. */
class SimulatedExchangeTest {

    private static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
    private final ObjectMapper mapper = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient();
    private final MutableClock wall = new MutableClock(START);
    private ExecutorService requests;
    private SimulatedExchange exchange;

    @BeforeEach
    void start() throws IOException {
        requests = Executors.newFixedThreadPool(2);
        SimulatedMarket market = SimulatedMarket.withHistory(42, new SimClock(wall, START, 1), Duration.ofHours(6),
                Set.of(Symbol.of("ZZTOP")), true);
        exchange = SimulatedExchange.start(market, 0, requests);
    }

    @AfterEach
    void stop() {
        exchange.close();
        requests.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private record Reply(int status, JsonNode body, String encoding) {
    }

    private Reply get(String pathAndQuery) throws IOException {
        HttpUrl url = HttpUrl.get(exchange.baseUrl() + pathAndQuery);
        try (Response response = http.newCall(new Request.Builder().url(url)
                .header("APCA-API-KEY-ID", "key").header("APCA-API-SECRET-KEY", "secret").build()).execute()) {
            return new Reply(response.code(), mapper.readTree(response.body().string()), response.networkResponse().header("Content-Encoding"));
        }
    }

    @Test
    void servesHistoryForManySymbolsInAlpacasShape() throws IOException {
        Reply reply = get("/v2/stocks/bars?symbols=MSFT,AAPL&timeframe=1Min&start=2026-03-02T14:00:00Z&end=2026-03-02T14:04:00Z");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.encoding()).as("gzip when the client accepts it").isEqualTo("gzip");
        JsonNode bars = reply.body().get("bars");
        assertThat(bars.fieldNames()).toIterable().containsExactly("AAPL", "MSFT");
        JsonNode first = bars.get("AAPL").get(0);
        assertThat(first.get("t").asText()).isEqualTo("2026-03-02T14:00:00Z");
        assertThat(first.fieldNames()).toIterable().containsExactly("t", "o", "h", "l", "c", "v", "n", "vw");
        assertThat(first.get("v").isIntegralNumber()).isTrue();
        assertThat(bars.get("AAPL").size()).isBetween(4, 5);
        assertThat(reply.body().get("next_page_token").isNull()).isTrue();
    }

    @Test
    void pagesConcatenateToTheWholeRangeWithOneSymbolSplitAcrossPages() throws IOException {
        String query = "/v2/stocks/bars?symbols=AAPL,MSFT,ZZTOP&timeframe=1Min&start=2026-03-02T12:00:00Z&end=2026-03-02T13:00:00Z";
        JsonNode whole = get(query + "&limit=10000").body().get("bars");
        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode body = get(query + "&limit=50" + (token == null ? "" : "&page_token=" + token)).body();
            body.get("bars").fields().forEachRemaining(entry ->
                    entry.getValue().forEach(bar -> paged.add(entry.getKey() + bar)));
            token = body.get("next_page_token").isNull() ? null : body.get("next_page_token").asText();
            pages++;
        } while (token != null);
        List<String> expected = new ArrayList<>();
        whole.fields().forEachRemaining(entry -> entry.getValue().forEach(bar -> expected.add(entry.getKey() + bar)));
        assertThat(expected).hasSizeGreaterThan(170);
        assertThat(paged).isEqualTo(expected);
        assertThat(pages).isEqualTo((expected.size() + 49) / 50);
    }

    @Test
    void singleSymbolFormAndUnknownSymbols() throws IOException {
        JsonNode body = get("/v2/stocks/AAPL/bars?timeframe=5Min&start=2026-03-02T13:00:00Z&end=2026-03-02T13:30:00Z").body();
        assertThat(body.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(body.get("bars").isArray()).isTrue();
        assertThat(body.get("bars").size()).isEqualTo(7);
        JsonNode unknown = get("/v2/stocks/bars?symbols=NOPE,AAPL&timeframe=1Hour&start=2026-03-02T10:00:00Z").body();
        assertThat(unknown.get("bars").has("NOPE")).isFalse();
        assertThat(unknown.get("bars").has("AAPL")).isTrue();
        JsonNode empty = get("/v2/stocks/bars?symbols=NOPE&timeframe=1Min").body();
        assertThat(empty.toString()).isEqualTo("{\"bars\":{},\"next_page_token\":null}");
    }

    @Test
    void latestBarsAreTheFormingBarsOfEveryListedSymbol() throws IOException {
        wall.advance(Duration.ofSeconds(30));
        JsonNode body = get("/v2/stocks/bars/latest?symbols=AAPL,SPY,NOPE").body();
        assertThat(body.get("bars").fieldNames()).toIterable().containsExactlyInAnyOrder("AAPL", "SPY");
        assertThat(body.get("bars").get("AAPL").get("t").asText()).isEqualTo("2026-03-02T15:00:00Z");
    }

    @Test
    void badParametersGetAlpacaStyleErrors() throws IOException {
        assertError(get("/v2/stocks/bars?symbols=AAPL&timeframe=2Week"), 422, 42210000, "invalid timeframe");
        assertError(get("/v2/stocks/bars?symbols=AAPL&timeframe=60Min"), 422, 42210000, "invalid timeframe");
        assertError(get("/v2/stocks/bars?symbols=AA%27PL&timeframe=1Min"), 400, 40010000, "invalid symbol: AA'PL");
        assertError(get("/v2/stocks/bars?timeframe=1Min"), 400, 40010000, "missing symbols");
        assertError(get("/v2/stocks/bars?symbols=AAPL&timeframe=1Min&limit=0"), 422, 42210000, "invalid limit: must be between 1 and 10000");
        assertError(get("/v2/stocks/bars?symbols=AAPL&timeframe=1Min&limit=10001"), 422, 42210000, "invalid limit: must be between 1 and 10000");
        assertError(get("/v2/stocks/bars?symbols=AAPL&timeframe=1Min&start=yesterday"), 422, 42210000, "invalid start: yesterday");
        assertError(get("/v2/stocks/bars?symbols=AAPL&timeframe=1Min&start=2026-03-02T10:00:00+01:00"), 422, 42210000,
                "invalid start: 2026-03-02T10:00:00 01:00");
        assertError(get("/v2/stocks/bars?symbols=AAPL&timeframe=1Min&start=2026-03-02&end=2026-03-01"), 422, 42210000,
                "end should not be before start");
        assertError(get("/v2/stocks/bars?symbols=AAPL&timeframe=1Min&page_token=garbage"), 400, 40010000, "invalid page_token");
        assertError(get("/v2/stocks/bars?symbols=AAPL&timeframe=1Min&bogus=1"), 400, 40010000, "unexpected parameter: bogus");
        assertError(get("/v2/options/bars"), 404, 40410000, "Not Found");
    }

    @Test
    void offsetsSentAsPercentTwoBAreAccepted() throws IOException {
        Reply reply = get("/v2/stocks/bars?symbols=AAPL&timeframe=1Min&start=2026-03-02T10:00:00%2B01:00&end=2026-03-02T09:05:00Z");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("bars").get("AAPL").get(0).get("t").asText()).isEqualTo("2026-03-02T09:00:00Z");
    }

    @Test
    void answersWithoutWaitingForDelayedAcks() {
        // Set before the JDK server's configuration is first read (it reads it once per JVM).
        assertThat(System.getProperty(SimulatedExchange.NO_DELAY_PROPERTY)).isEqualTo("true");
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        assertThat(exchange.baseUrl().getHost()).isEqualTo(InetAddress.getLoopbackAddress().getHostAddress());
        assertThat(InetAddress.getByName(exchange.baseUrl().getHost()).isLoopbackAddress()).isTrue();
        int port = exchange.baseUrl().getPort();
        try (java.net.Socket loopback = new java.net.Socket()) {
            loopback.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
        }
        for (InetAddress address : nonLoopbackAddresses()) {
            try (java.net.Socket outside = new java.net.Socket()) {
                assertThatThrownBy(() -> outside.connect(new java.net.InetSocketAddress(address, port), 500))
                        .as("reachable on %s", address).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void aClientHangingUpMidPageIsNoErrorAndTheNextClientIsServed() throws Exception {
        String symbols = String.join(",", List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "AMD", "INTC",
                "ORCL", "CRM", "ADBE", "NFLX", "PYPL", "UBER", "SHOP", "COIN", "PLTR", "JPM", "BAC", "WFC", "V", "MA",
                "KO", "PEP", "WMT", "COST", "HD", "MCD", "NKE"));
        try (LogCapture logs = new LogCapture()) {
            for (int attempt = 0; attempt < 5; attempt++) {
                try (java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), exchange.baseUrl().getPort())) {
                    client.setSoLinger(true, 0); // close with a reset, as a killed process does
                    client.getOutputStream().write(("GET /v2/stocks/bars?symbols=" + symbols
                            + "&timeframe=1Min&start=2026-03-02T09:00:00Z&end=2026-03-02T15:00:00Z&limit=10000 HTTP/1.1\r\n"
                            + "Host: localhost\r\nAPCA-API-KEY-ID: key\r\nAPCA-API-SECRET-KEY: secret\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    client.getInputStream().read(new byte[64]); // the first bytes of the page, then hang up
                }
            }
            Reply next = get("/v2/stocks/bars/latest?symbols=AAPL");
            assertThat(next.status()).isEqualTo(200);
            assertThat(logs.lines()).noneMatch(line -> line.startsWith("ERROR") || line.startsWith("WARN"));
        }
    }

    /** This machine's addresses other hosts could reach (none on a machine without a network). */
    private static java.util.List<InetAddress> nonLoopbackAddresses() throws IOException {
        java.util.List<InetAddress> addresses = new java.util.ArrayList<>();
        for (java.net.NetworkInterface network : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                java.util.Collections.list(network.getInetAddresses()).stream()
                        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                        .forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static void assertError(Reply reply, int status, long code, String message) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.body().get("code").asLong()).isEqualTo(code);
        assertThat(reply.body().get("message").asText()).isEqualTo(message);
    }
}
