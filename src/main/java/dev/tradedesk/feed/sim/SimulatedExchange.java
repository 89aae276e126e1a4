package dev.tradedesk.feed.sim;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in simulated exchange: an HTTP server on the loopback interface that serves a
 * {@link SimulatedMarket} through Alpaca's Market Data API v2, with its exact JSON shapes, so the
 * real Alpaca provider code runs against it with no account and no network:
 * <ul>
 *   <li>{@code GET /v2/stocks/bars} — history for many symbols, paged by {@code page_token};</li>
 *   <li>{@code GET /v2/stocks/{symbol}/bars} — the single-symbol form;</li>
 *   <li>{@code GET /v2/stocks/bars/latest} — the latest (forming) minute bar of many symbols.</li>
 * </ul>
 * Bad parameters get Alpaca-style errors ({@code {"code":42210000,"message":"invalid timeframe"}}).
 * Any API key is accepted. Responses are gzip-compressed when the client accepts it.
 *
 * <p>Binds to 127.0.0.1 only. Requests run on the executor given at start; its owner shuts it down
 * after {@link #close()}. Thread-safe.
 */
public final class SimulatedExchange implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedExchange.class);

    private final SimulatedMarket market;
    private final HttpServer server;
    private final JsonFactory json = new JsonFactory();
    private final AlpacaBarsRequestHandler bars;

    private SimulatedExchange(SimulatedMarket market, HttpServer server) {
        this.market = market;
        this.server = server;
        this.bars = new AlpacaBarsRequestHandler(market);
    }

    /**
     * Starts serving on {@code 127.0.0.1:port} ({@code 0} picks a free port).
     *
     * @throws IOException if the port cannot be bound
     */
    public static SimulatedExchange start(SimulatedMarket market, int port, Executor requestExecutor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        SimulatedExchange exchange = new SimulatedExchange(market, server);
        server.createContext("/", exchange::handle);
        server.setExecutor(requestExecutor);
        server.start();
        log.info("Simulated exchange serving {} symbols at {} (speed {}x)", market.symbols().size(),
                exchange.baseUrl(), market.clock().speed());
        return exchange;
    }

    /** The base URL to give the Alpaca provider, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    public SimulatedMarket market() {
        return market;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            AlpacaResponse response = route(exchange);
            send(exchange, response);
        } catch (IOException clientWentAway) {
            log.debug("Simulated exchange: client closed the connection: {}", clientWentAway.toString());
        } catch (RuntimeException bug) {
            log.error("Simulated exchange failed on {}", exchange.getRequestURI(), bug);
        }
    }

    private AlpacaResponse route(HttpExchange exchange) {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return AlpacaResponse.error(405, "method not allowed");
        }
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        try {
            QueryParameters parameters = QueryParameters.parse(query);
            if (path.equals("/v2/stocks/bars")) {
                return bars.multiSymbol(parameters);
            }
            if (path.equals("/v2/stocks/bars/latest")) {
                return bars.latest(parameters);
            }
            if (path.startsWith("/v2/stocks/") && path.endsWith("/bars")) {
                String symbol = QueryParameters.decode(path.substring("/v2/stocks/".length(), path.length() - "/bars".length()));
                return bars.singleSymbol(symbol, parameters);
            }
            return AlpacaResponse.error(404, "Not Found");
        } catch (AlpacaRequestException invalid) {
            return AlpacaResponse.error(invalid.status(), invalid.getMessage());
        }
    }

    private void send(HttpExchange exchange, AlpacaResponse response) throws IOException {
        boolean gzip = acceptsGzip(exchange);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (gzip) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(response.status(), 0);
        OutputStream body = gzip ? new GZIPOutputStream(exchange.getResponseBody(), 8192) : exchange.getResponseBody();
        try (JsonGenerator generator = json.createGenerator(body, JsonEncoding.UTF8)) {
            response.writer().write(generator);
        }
    }

    private static boolean acceptsGzip(HttpExchange exchange) {
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        return accepted != null && accepted.contains("gzip");
    }

    /** Formats bar times the way Alpaca does: RFC-3339 in UTC. */
    static String timestamp(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
