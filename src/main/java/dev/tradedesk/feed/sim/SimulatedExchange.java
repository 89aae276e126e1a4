package dev.tradedesk.feed.sim;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
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
 * <p>With {@link SimFaults}, a seeded fraction of responses fails the ways real providers fail
 * ({@link FaultKind}); the bars themselves stay those of the deterministic market, so whatever a
 * client stores can still be checked against {@link SimulatedMarket#closedMinuteBars}.
 *
 * <p>Binds to 127.0.0.1 only. Requests run on the executor given at start; its owner shuts it down
 * after {@link #close()}, which ends stalled responses at once, so that no request holds one of its
 * threads past the close. Thread-safe.
 */
public final class SimulatedExchange implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedExchange.class);
    /** The JDK server's only switch for {@code TCP_NODELAY}, read once, when its first server starts. */
    static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // Without it the server writes a response's headers and body in separate segments under
        // Nagle's algorithm, so the body waits for the client's delayed ACK: 40 ms on Linux, in
        // about one call in twenty (bench pipeline: fetch p99 47-54 ms before, 13-32 ms after).
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final SimulatedMarket market;
    private final HttpServer server;
    private final JsonFactory json = new JsonFactory();
    private final AlpacaBarsRequestHandler bars;
    private final FaultInjector faults;
    /** Counted down by {@link #close}: a stall ends there, as a server going away leaves no one to answer. */
    private final CountDownLatch closed = new CountDownLatch(1);

    private SimulatedExchange(SimulatedMarket market, HttpServer server, SimFaults faults) {
        this.market = market;
        this.server = server;
        this.bars = new AlpacaBarsRequestHandler(market);
        this.faults = new FaultInjector(faults);
    }

    /**
     * Starts serving on {@code 127.0.0.1:port} ({@code 0} picks a free port), without faults.
     *
     * @throws IOException if the port cannot be bound
     */
    public static SimulatedExchange start(SimulatedMarket market, int port, Executor requestExecutor) throws IOException {
        return start(market, port, requestExecutor, SimFaults.NONE);
    }

    /**
     * Starts serving on {@code 127.0.0.1:port}, failing responses as {@code faults} says. A
     * {@link FaultKind#STALL} holds a request thread for {@link SimFaults#stall()}: give the
     * executor threads to spare.
     *
     * @throws IOException if the port cannot be bound
     */
    public static SimulatedExchange start(SimulatedMarket market, int port, Executor requestExecutor, SimFaults faults)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        SimulatedExchange exchange = new SimulatedExchange(market, server, faults);
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

    /** Faults injected so far, by kind (every kind listed). */
    public Map<FaultKind, Long> faultsInjected() {
        return faults.injected();
    }

    /** Responses started so far (with or without a fault), when faults are on; 0 otherwise. */
    public long responsesDecided() {
        return faults.responses();
    }

    /**
     * Stops serving: stalled responses end at once, unanswered, and every connection is closed. A
     * stall slept on otherwise, holding its thread, and the session closing the exchange waited its
     * whole grace period for that thread (10 s for {@code record}, whose stalls last 12 s).
     */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            FaultKind fault = faults.next(exchange.getRequestURI().getRawPath().endsWith("/latest"));
            AlpacaResponse response = route(exchange, fault != null && fault.inBody() ? fault : null);
            if (fault == null || fault.inBody() || response.status() != 200) {
                send(exchange, response);
            } else {
                sendFaulty(exchange, response, fault);
            }
        } catch (IOException clientWentAway) {
            log.debug("Simulated exchange: client closed the connection: {}", clientWentAway.toString());
        } catch (UncheckedIOException clientWentAway) {
            // The same, from inside a page writer (a consumer cannot throw IOException).
            log.debug("Simulated exchange: client closed the connection: {}", clientWentAway.getCause().toString());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException bug) {
            log.error("Simulated exchange failed on {}", exchange.getRequestURI(), bug);
        }
    }

    private AlpacaResponse route(HttpExchange exchange, FaultKind bodyFault) {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return AlpacaResponse.error(405, "method not allowed");
        }
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        try {
            QueryParameters parameters = QueryParameters.parse(query);
            if (path.equals("/v2/stocks/bars")) {
                return bars.multiSymbol(parameters, bodyFault);
            }
            if (path.equals("/v2/stocks/bars/latest")) {
                return bars.latest(parameters, bodyFault);
            }
            if (path.startsWith("/v2/stocks/") && path.endsWith("/bars")) {
                String symbol = QueryParameters.decode(path.substring("/v2/stocks/".length(), path.length() - "/bars".length()));
                return bars.singleSymbol(symbol, parameters, bodyFault);
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

    /** Fails a good response in transport: a status, a stall, a cut connection or a body that is not the JSON. */
    private void sendFaulty(HttpExchange exchange, AlpacaResponse good, FaultKind fault)
            throws IOException, InterruptedException {
        switch (fault) {
            case RATE_LIMITED_RETRY_AFTER -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, AlpacaResponse.error(429, "too many requests."));
            }
            case RATE_LIMITED -> send(exchange, AlpacaResponse.error(429, "too many requests."));
            case SERVER_ERROR -> send(exchange, AlpacaResponse.error(500, "internal server error"));
            case BAD_GATEWAY -> send(exchange, AlpacaResponse.error(502, "bad gateway"));
            case UNAVAILABLE -> send(exchange, AlpacaResponse.error(503, "service unavailable"));
            case UNAUTHORIZED_ONCE -> send(exchange, AlpacaResponse.error(401, "unauthorized."));
            case STALL -> {
                if (!closed.await(faults.faults().stall().toMillis(), TimeUnit.MILLISECONDS)) {
                    send(exchange, good);
                }
            }
            case RESET_MID_BODY -> {
                byte[] body = render(good);
                // Promise the whole body, send half, and close: the client sees the connection end mid-body.
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body, 0, body.length / 2);
                exchange.getResponseBody().flush();
                exchange.close();
            }
            case TRUNCATED_JSON -> {
                byte[] body = render(good);
                sendBytes(exchange, 200, "application/json; charset=utf-8", Arrays.copyOf(body, body.length / 2));
            }
            case HTML_PAGE -> sendBytes(exchange, faults.responses() % 2 == 0 ? 502 : 200, "text/html",
                    ("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
                            + "<hr><center>nginx</center></body></html>\n").getBytes(StandardCharsets.UTF_8));
            case EMPTY_BODY -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, -1);
            }
            default -> throw new IllegalStateException("not a transport fault: " + fault);
        }
    }

    private byte[] render(AlpacaResponse response) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator generator = json.createGenerator(body, JsonEncoding.UTF8)) {
            response.writer().write(generator);
        }
        return body.toByteArray();
    }

    private static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
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
