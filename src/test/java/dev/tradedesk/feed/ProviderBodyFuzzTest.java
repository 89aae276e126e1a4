package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.alpaca.AlpacaProvider;
import dev.tradedesk.feed.binance.BinanceProvider;
import dev.tradedesk.feed.coinbase.CoinbaseProvider;
import dev.tradedesk.testing.FuzzRun;
import dev.tradedesk.testing.JsonMutations;
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of every documented provider body (marketdata.md) through the real
 * providers, {@link ProviderHttp} and {@link RecordValidator}; only the socket is replaced, by an
 * OkHttp interceptor that answers with the case's body. A third of the cases are well-formed bodies
 * with known bad records mixed in, checked exactly: every valid bar comes out, every bad record is
 * dropped and counted once. The rest are mutated (fields removed, wrong types, huge numbers,
 * unicode, deep nesting, duplicated and cut text, stray bytes) and checked for safety: the request
 * ends in a {@link ProviderException} with a message, or yields only valid bars inside the
 * requested window. See {@link FuzzRun} for the seed.
 */
class ProviderBodyFuzzTest {

    static final int CASES_PER_SHAPE = 650;

    /** Writes the deep nesting mutations too; the providers' parsers keep Jackson's default limits. */
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder().maxNestingDepth(10_000).build())
            .build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final Instant FROM = Instant.parse("2024-03-01T14:00:00Z");
    private static final Instant TO = Instant.parse("2024-03-01T17:00:00Z");
    private static final Instant NOW = Instant.parse("2024-03-01T17:01:30Z");
    private static final long STEP = Timeframe.ONE_MINUTE.millis();
    private static final List<Symbol> STOCKS = List.of(Symbol.of("AAPL"), Symbol.of("MSFT"), Symbol.of("BRK.B"));
    private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    private static final Symbol BTC_USD = Symbol.of("BTC-USD");
    private static final String EMPTY_ALPACA_PAGE = "{\"bars\":{},\"next_page_token\":null}";

    /** One documented body shape and the call that receives it. */
    enum Shape {
        ALPACA_HISTORY, ALPACA_SINGLE_SYMBOL, ALPACA_LATEST, ALPACA_ERROR,
        BINANCE_KLINES, BINANCE_LATEST, BINANCE_ERROR,
        COINBASE_CANDLES, COINBASE_LATEST, COINBASE_ERROR;

        boolean isError() {
            return name().endsWith("_ERROR");
        }

        boolean isLatest() {
            return name().endsWith("_LATEST");
        }

        ProviderKind provider() {
            return ProviderKind.valueOf(name().substring(0, name().indexOf('_')));
        }
    }

    /** Ways a record is made bad on purpose; each gets exactly one record dropped. */
    enum Defect {
        NEGATIVE_PRICE, ZERO_PRICE, HIGH_BELOW_LOW, OPEN_ABOVE_HIGH, NEGATIVE_VOLUME, HUGE_PRICE, TIME_BEFORE,
        TIME_AFTER, WRONG_TYPE, MISSING_FIELD, UNREADABLE_TIME, NOT_A_RECORD
    }

    /** What the interceptor answers: the first request gets the case's body, later pages an empty one. */
    private record Answer(int status, byte[] body, String retryAfter) {
    }

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<ProviderKind, FeedMetrics> metrics = new HashMap<>();
    private final Map<ProviderKind, MarketDataProvider> providers = new HashMap<>();
    private ExecutorService dispatcher;
    private OkHttpClient client;
    private LogCapture logs;

    @BeforeEach
    void start() {
        logs = new LogCapture();
        dispatcher = Executors.newCachedThreadPool();
        client = HttpClients.create(dispatcher, Duration.ofSeconds(5)).newBuilder()
                .addInterceptor(chain -> {
                    Answer current = requests.getAndIncrement() == 0 ? answer.get()
                            : new Answer(200, EMPTY_ALPACA_PAGE.getBytes(StandardCharsets.UTF_8), null);
                    Response.Builder response = new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
                            .code(current.status()).message("fuzz").body(ResponseBody.create(current.body(), JSON_TYPE));
                    if (current.retryAfter() != null) {
                        response.header("Retry-After", current.retryAfter());
                    }
                    return response.build();
                })
                .build();
        HttpUrl base = HttpUrl.get("http://127.0.0.1:9/");
        PipelineMetrics pipeline = new PipelineMetrics();
        for (ProviderKind kind : List.of(ProviderKind.ALPACA, ProviderKind.BINANCE, ProviderKind.COINBASE)) {
            metrics.put(kind, new FeedMetrics(kind));
        }
        providers.put(ProviderKind.ALPACA, new AlpacaProvider(http("Alpaca", ProviderHttp.Access.KEYED, ProviderKind.ALPACA,
                pipeline), base, Secret.of("PKFUZZKEY"), Secret.of("fuzz-secret"), "iex"));
        providers.put(ProviderKind.BINANCE, new BinanceProvider(http("Binance", ProviderHttp.Access.PUBLIC,
                ProviderKind.BINANCE, pipeline), base));
        providers.put(ProviderKind.COINBASE, new CoinbaseProvider(http("Coinbase", ProviderHttp.Access.PUBLIC,
                ProviderKind.COINBASE, pipeline), base));
    }

    private ProviderHttp http(String name, ProviderHttp.Access access, ProviderKind kind, PipelineMetrics pipeline) {
        return new ProviderHttp(client, name, access, metrics.get(kind), pipeline, clock);
    }

    @AfterEach
    void stop() {
        assertThat(logs.text()).as("the API key never reaches the logs").doesNotContain("PKFUZZKEY", "fuzz-secret");
        logs.close();
        HttpClients.close(client);
        dispatcher.shutdownNow();
    }

    @Test
    void everyMutatedBodyEndsInAClearErrorOrOnlyValidBars() {
        FuzzRun run = new FuzzRun("provider body fuzz");
        Shape[] shapes = Shape.values();
        int ran = run.run(shapes.length * CASES_PER_SHAPE, (number, random, log) -> {
            Shape shape = shapes[number % shapes.length];
            boolean exact = random.nextInt(3) == 0;
            log.append("shape ").append(shape).append(exact ? ", well-formed" : ", mutated").append('\n');
            if (shape.isError()) {
                errorCase(shape, exact, random, log);
            } else {
                barsCase(shape, exact, random, log);
            }
        });
        assertThat(ran).isIn(1, shapes.length * CASES_PER_SHAPE);
    }

    @Test
    void aBodyFarLargerThanAnyPageIsRefusedWithoutBeingReadWhole() throws Exception {
        AtomicLong served = new AtomicLong();
        long fiftyMegabytes = 50L * 1024 * 1024;
        OkHttpClient streaming = HttpClients.create(dispatcher, Duration.ofSeconds(5)).newBuilder().addInterceptor(chain -> new Response.Builder().request(chain.request())
                .protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create(Okio.buffer(endlessKlines(served, fiftyMegabytes)), JSON_TYPE, -1)).build())
                .build();
        FeedMetrics feed = new FeedMetrics(ProviderKind.BINANCE);
        BinanceProvider binance = new BinanceProvider(new ProviderHttp(streaming, "Binance", ProviderHttp.Access.PUBLIC, feed,
                new PipelineMetrics(), clock), HttpUrl.get("http://127.0.0.1:9/"));
        Throwable failure = failureOf(binance.history(List.of(BTCUSDT), Timeframe.ONE_MINUTE, FROM, TO));
        assertThat(failure).isInstanceOf(ProviderException.class)
                .hasMessage("Binance sent a body larger than 16 MiB for BTCUSDT; it was refused unread");
        assertThat(((ProviderException) failure).kind()).isEqualTo(ProviderException.Kind.MALFORMED_BODY);
        assertThat(served.get()).as("bytes pulled from the connection").isLessThan(ProviderHttp.MAX_BODY_BYTES + 1024 * 1024);
    }

    /** A JSON list of klines that never closes, {@code total} bytes long, counting what is read. */
    private static Source endlessKlines(AtomicLong served, long total) {
        byte[] row = "[1709301600000,\"1\",\"1\",\"1\",\"1\",\"1\",1709301659999,\"1\",1,\"1\",\"1\",\"0\"],"
                .getBytes(StandardCharsets.US_ASCII);
        return new Source() {
            @Override
            public long read(Buffer sink, long byteCount) {
                if (served.get() >= total) {
                    return -1;
                }
                if (served.get() == 0) {
                    sink.writeByte('[');
                }
                sink.write(row);
                served.addAndGet(row.length);
                return row.length;
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {
            }
        };
    }

    // ---- error bodies --------------------------------------------------------------------------

    private void errorCase(Shape shape, boolean exact, Random random, StringBuilder log) throws Exception {
        int[] statuses = {400, 401, 403, 404, 418, 422, 429, 500, 502, 503};
        int status = statuses[random.nextInt(statuses.length)];
        String message = pick(random, "invalid timeframe", "Invalid symbol.", "NotFound", "too many requests",
                "ünïcödé \u202e reversed", "line\nbreak");
        String body = switch (random.nextInt(exact ? 3 : 5)) {
            case 0 -> shape == Shape.BINANCE_ERROR ? "{\"code\":-1121,\"msg\":" + JSON.writeValueAsString(message) + "}"
                    : shape == Shape.ALPACA_ERROR ? "{\"code\":" + status + "10000,\"message\":" + JSON.writeValueAsString(message) + "}"
                    : "{\"message\":" + JSON.writeValueAsString(message) + "}";
            case 1 -> "{\"message\":" + JSON.writeValueAsString(message) + "}";
            case 2 -> "<html><body><h1>" + status + " Bad Gateway</h1></body></html>";
            case 3 -> "";
            default -> "{\"message\":" + "[".repeat(random.nextInt(2_000)) + "}";
        };
        byte[] bytes = exact ? body.getBytes(StandardCharsets.UTF_8) : JsonMutations.mutateText(body, random, log);
        String retryAfter = random.nextBoolean() ? null
                : pick(random, "5", "0", "-3", "soon", "99999999999999999999", "Fri, 01 Mar 2024 17:05:00 GMT", " 7 ");
        log.append("status ").append(status).append(", Retry-After ").append(retryAfter).append(", body: ")
                .append(FuzzRun.printable(new String(bytes, StandardCharsets.UTF_8))).append('\n');
        answer.set(new Answer(status, bytes, retryAfter));
        requests.set(0);
        ProviderKind kind = shape.provider();
        MarketDataProvider provider = providers.get(kind);
        List<Symbol> symbols = List.of(symbolOf(kind));
        Throwable failure;
        if (random.nextBoolean()) {
            failure = failureOf(provider.history(symbols, Timeframe.ONE_MINUTE, FROM, TO));
        } else {
            failure = latestFailure(provider.latest(symbols, Timeframe.ONE_MINUTE));
        }
        ProviderException provided = assertClearFailure(failure, kind);
        assertThat(provided.status()).isEqualTo(status);
        assertThat(provided.kind()).isEqualTo(expectedKind(status, kind, bytes));
        assertThat(provided.getMessage()).contains("HTTP " + status);
        if (provided.kind() == ProviderException.Kind.UNKNOWN_SYMBOL) {
            assertThat(provided.getMessage()).contains(symbols.get(0).value());
        }
        if (exact && !body.startsWith("<")) {
            assertThat(provided.getMessage()).contains(FeedMetrics.shorten(message));
        }
        provided.retryAfter().ifPresent(wait -> assertThat(wait.isNegative()).as("Retry-After %s", wait).isFalse());
    }

    private static ProviderException.Kind expectedKind(int status, ProviderKind kind, byte[] body) {
        if (status == 429 || status == 418) {
            return ProviderException.Kind.RATE_LIMITED;
        }
        if (status == 401 && kind == ProviderKind.ALPACA || status == 403 && kind == ProviderKind.ALPACA) {
            return ProviderException.Kind.AUTH_REJECTED;
        }
        if (status == 403) {
            return ProviderException.Kind.RATE_LIMITED;
        }
        if (status >= 500) {
            return ProviderException.Kind.SERVER_ERROR;
        }
        return unknownSymbolAnswer(status, kind, body) ? ProviderException.Kind.UNKNOWN_SYMBOL : ProviderException.Kind.BAD_REQUEST;
    }

    /** The documented "no such symbol" answers: Binance's 400 with code -1121, Coinbase's "NotFound". */
    private static boolean unknownSymbolAnswer(int status, ProviderKind kind, byte[] body) {
        JsonNode error;
        try {
            error = JSON.readTree(body);
        } catch (java.io.IOException notJson) {
            return false;
        }
        if (error == null) {
            return false;
        }
        return switch (kind) {
            case BINANCE -> status == 400 && error.path("code").asLong() == -1121;
            case COINBASE -> (status == 400 || status == 404) && "NotFound".equalsIgnoreCase(error.path("message").asText());
            default -> false;
        };
    }

    // ---- bar bodies ----------------------------------------------------------------------------

    private void barsCase(Shape shape, boolean exact, Random random, StringBuilder log) throws Exception {
        ProviderKind kind = shape.provider();
        List<Symbol> requested = kind == ProviderKind.ALPACA && shape != Shape.ALPACA_SINGLE_SYMBOL
                ? STOCKS.subList(0, 1 + random.nextInt(STOCKS.size())) : List.of(symbolOf(kind));
        long windowFrom = windowFrom(shape);
        long windowTo = shape.isLatest() ? NOW.toEpochMilli() + RecordValidator.LATEST_CLOCK_TOLERANCE.toMillis()
                : TO.toEpochMilli();
        Map<Symbol, List<Bar>> expected = new HashMap<>();
        int[] bad = {0};
        JsonNode document = document(shape, requested, random, expected, bad);
        byte[] body;
        if (exact) {
            body = JSON.writeValueAsBytes(document);
        } else {
            JsonMutations.mutateTree(document, random, log);
            body = JsonMutations.mutateText(JSON.writeValueAsString(document), random, log);
        }
        log.append("requested ").append(requested).append(", body: ")
                .append(FuzzRun.printable(new String(body, StandardCharsets.UTF_8))).append('\n');
        answer.set(new Answer(200, body, null));
        requests.set(0);
        FeedMetrics feed = metrics.get(kind);
        long droppedBefore = feed.droppedRecords();
        MarketDataProvider provider = providers.get(kind);
        Map<Symbol, List<Bar>> delivered;
        if (shape.isLatest()) {
            CompletableFuture<LatestBars> call = provider.latest(requested, Timeframe.ONE_MINUTE);
            Throwable failure = failureOf(call);
            if (failure != null) {
                assertThat(exact).as("a well-formed body fails: " + failure).isFalse();
                assertClearFailure(failure, kind);
                return;
            }
            LatestBars latest = call.join();
            if (exact) {
                assertThat(latest.failures()).isEmpty();
            }
            latest.failures().values().forEach(symbolFailure -> assertClearFailure(symbolFailure, kind));
            delivered = new HashMap<>();
            latest.bars().forEach((symbol, bar) -> delivered.put(symbol, List.of(bar)));
        } else {
            CompletableFuture<Map<Symbol, BarColumns>> history = provider.history(requested, Timeframe.ONE_MINUTE, FROM, TO);
            Throwable failure = failureOf(history);
            if (failure != null) {
                assertThat(exact).as("a well-formed body fails: " + failure).isFalse();
                assertClearFailure(failure, kind);
                return;
            }
            delivered = new HashMap<>();
            history.join().forEach((symbol, columns) -> {
                List<Bar> bars = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    bars.add(columns.bar(i));
                }
                delivered.put(symbol, bars);
            });
        }
        delivered.forEach((symbol, bars) -> {
            assertThat(requested).contains(symbol);
            for (Bar bar : bars) {
                assertThat(bar.time()).as("time of %s", bar).isBetween(windowFrom, windowTo);
            }
        });
        if (exact) {
            assertThat(delivered).isEqualTo(expected);
            assertThat(feed.droppedRecords() - droppedBefore).as("records dropped and counted").isEqualTo(bad[0]);
        }
    }

    private static long windowFrom(Shape shape) {
        return switch (shape) {
            case COINBASE_LATEST -> Math.floorDiv(NOW.toEpochMilli(), STEP) * STEP - 2 * STEP;
            case ALPACA_LATEST, BINANCE_LATEST -> Long.MIN_VALUE;
            default -> FROM.toEpochMilli();
        };
    }

    /** A documented body of this shape, with bad records mixed in; fills the bars that must come out. */
    private JsonNode document(Shape shape, List<Symbol> requested, Random random, Map<Symbol, List<Bar>> expected, int[] bad) {
        return switch (shape) {
            case ALPACA_HISTORY -> {
                ObjectNode root = NODES.objectNode();
                ObjectNode bars = root.putObject("bars");
                for (Symbol symbol : requested) {
                    if (random.nextInt(4) > 0) {
                        bars.set(symbol.value(), records(shape, symbol, 1 + random.nextInt(12), random, expected, bad));
                    }
                }
                root.putNull("next_page_token");
                yield root;
            }
            case ALPACA_SINGLE_SYMBOL -> {
                ObjectNode root = NODES.objectNode();
                root.set("bars", records(shape, requested.get(0), random.nextInt(12), random, expected, bad));
                root.put("symbol", requested.get(0).value());
                root.putNull("next_page_token");
                yield root;
            }
            case ALPACA_LATEST -> {
                ObjectNode root = NODES.objectNode();
                ObjectNode bars = root.putObject("bars");
                for (Symbol symbol : requested) {
                    ArrayNode one = records(shape, symbol, 1, random, expected, bad);
                    bars.set(symbol.value(), one.get(0));
                }
                yield root;
            }
            case BINANCE_KLINES, COINBASE_CANDLES -> records(shape, requested.get(0), random.nextInt(20), random, expected, bad);
            case BINANCE_LATEST, COINBASE_LATEST -> records(shape, requested.get(0), 1 + random.nextInt(2), random, expected, bad);
            default -> throw new IllegalArgumentException(shape.toString());
        };
    }

    /** {@code count} records for one symbol in the shape's order; about one in four is bad on purpose. */
    private ArrayNode records(Shape shape, Symbol symbol, int count, Random random, Map<Symbol, List<Bar>> expected, int[] bad) {
        List<Long> times = new ArrayList<>();
        long first = shape.isLatest() ? Math.floorDiv(NOW.toEpochMilli(), STEP) * STEP - (count - 1) * STEP : FROM.toEpochMilli();
        long slots = shape.isLatest() ? count : (TO.toEpochMilli() - FROM.toEpochMilli()) / STEP + 1;
        long time = first;
        for (int i = 0; i < count && time <= first + (slots - 1) * STEP; i++) {
            times.add(time);
            time += STEP * (shape.isLatest() ? 1 : 1 + random.nextInt(3));
        }
        List<Bar> valid = new ArrayList<>();
        ArrayNode records = NODES.arrayNode();
        for (long t : times) {
            Bar bar = randomBar(t, shape.provider(), random);
            Defect defect = random.nextInt(4) == 0 ? pickDefect(shape, random) : null;
            if (defect == null) {
                valid.add(bar);
            } else {
                bad[0]++;
            }
            records.add(render(shape.provider(), bar, defect));
        }
        if (shape == Shape.COINBASE_CANDLES || shape == Shape.COINBASE_LATEST) {
            List<JsonNode> newestFirst = new ArrayList<>();
            records.forEach(newestFirst::add);
            records.removeAll();
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                records.add(newestFirst.get(i));
            }
        }
        if (shape.isLatest() && !valid.isEmpty()) {
            expected.put(symbol, List.of(valid.get(valid.size() - 1)));
        } else if (!valid.isEmpty()) {
            expected.put(symbol, valid);
        }
        return records;
    }

    private static Defect pickDefect(Shape shape, Random random) {
        Defect[] defects = Defect.values();
        while (true) {
            Defect defect = defects[random.nextInt(defects.length)];
            boolean unbounded = shape == Shape.ALPACA_LATEST || shape == Shape.BINANCE_LATEST;
            if (!(defect == Defect.TIME_BEFORE && unbounded)) {
                return defect;
            }
        }
    }

    private static Bar randomBar(long time, ProviderKind provider, Random random) {
        double mid = Math.exp(-9 + random.nextDouble() * 23);
        double low = mid * (1 - random.nextDouble() * 0.05);
        double high = random.nextInt(10) == 0 ? low : mid * (1 + random.nextDouble() * 0.05);
        double open = Math.min(high, Math.max(low, low + (high - low) * random.nextDouble()));
        double close = Math.min(high, Math.max(low, low + (high - low) * random.nextDouble()));
        double volume = provider == ProviderKind.ALPACA ? random.nextInt(5_000_000) : random.nextDouble() * 1_000;
        return new Bar(time, open, high, low, close, volume);
    }

    /** The bar as the provider writes it, with {@code defect} applied (null for none). */
    private static JsonNode render(ProviderKind provider, Bar bar, Defect defect) {
        if (defect == Defect.NOT_A_RECORD) {
            return NODES.numberNode(42);
        }
        Map<String, JsonNode> values = new HashMap<>();
        values.put("t", timeNode(provider, bar.time()));
        values.put("o", priceNode(provider, bar.open()));
        values.put("h", priceNode(provider, bar.high()));
        values.put("l", priceNode(provider, bar.low()));
        values.put("c", priceNode(provider, bar.close()));
        values.put("v", provider == ProviderKind.ALPACA ? NODES.numberNode((long) bar.volume()) : priceNode(provider, bar.volume()));
        if (defect != null) {
            switch (defect) {
                case NEGATIVE_PRICE -> values.put("o", priceNode(provider, -bar.open()));
                case ZERO_PRICE -> values.put("l", priceNode(provider, 0));
                case HIGH_BELOW_LOW -> values.put("h", priceNode(provider, bar.low() / 2));
                case OPEN_ABOVE_HIGH -> values.put("o", priceNode(provider, bar.high() * 2));
                case NEGATIVE_VOLUME -> values.put("v", priceNode(provider, -1 - bar.volume()));
                case HUGE_PRICE -> values.put("h", NODES.numberNode(new java.math.BigDecimal("1e400")));
                case TIME_BEFORE -> values.put("t", timeNode(provider, FROM.toEpochMilli() - 10 * STEP));
                case TIME_AFTER -> values.put("t", timeNode(provider, NOW.toEpochMilli() + 60 * STEP));
                case WRONG_TYPE -> values.put("c", NODES.booleanNode(true));
                case MISSING_FIELD -> values.remove("v");
                case UNREADABLE_TIME -> values.put("t", provider == ProviderKind.ALPACA ? NODES.textNode("yesterday")
                        : NODES.numberNode(1.5));
                default -> throw new IllegalArgumentException(defect.toString());
            }
        }
        if (provider == ProviderKind.ALPACA) {
            ObjectNode object = NODES.objectNode();
            for (String field : List.of("t", "o", "h", "l", "c", "v")) {
                if (values.containsKey(field)) {
                    object.set(field, values.get(field));
                }
            }
            object.put("n", 17);
            object.put("vw", bar.close());
            return object;
        }
        List<String> order = provider == ProviderKind.BINANCE ? List.of("t", "o", "h", "l", "c", "v")
                : List.of("t", "l", "h", "o", "c", "v");
        ArrayNode row = NODES.arrayNode();
        for (String field : order) {
            if (!values.containsKey(field)) {
                return row;
            }
            row.add(values.get(field));
        }
        if (provider == ProviderKind.BINANCE) {
            row.add(bar.time() + STEP - 1).add("12.5").add(308).add("1.5").add("2.5").add("0");
        }
        return row;
    }

    private static JsonNode timeNode(ProviderKind provider, long millis) {
        return switch (provider) {
            case ALPACA -> NODES.textNode(Instant.ofEpochMilli(millis).toString());
            case BINANCE -> NODES.numberNode(millis);
            default -> NODES.numberNode(millis / 1000);
        };
    }

    /** Binance writes decimals as strings, the others as JSON numbers. */
    private static JsonNode priceNode(ProviderKind provider, double value) {
        return provider == ProviderKind.BINANCE ? NODES.textNode(Double.toString(value)) : NODES.numberNode(value);
    }

    // ---- outcomes ------------------------------------------------------------------------------

    private static Symbol symbolOf(ProviderKind kind) {
        return switch (kind) {
            case ALPACA -> STOCKS.get(0);
            case BINANCE -> BTCUSDT;
            default -> BTC_USD;
        };
    }

    /** The failure the future ends with, or null if it succeeds; it must end promptly either way. */
    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException failed) {
            return failed.getCause();
        }
    }

    /** A latest call's only failure: the whole call's, or the one symbol's in {@link LatestBars#failures()}. */
    private static Throwable latestFailure(CompletableFuture<LatestBars> future) throws Exception {
        Throwable failure = failureOf(future);
        if (failure != null) {
            return failure;
        }
        LatestBars latest = future.join();
        assertThat(latest.bars()).isEmpty();
        assertThat(latest.failures()).hasSize(1);
        return latest.failures().values().iterator().next();
    }

    /** A provider failure with a message naming the provider, not a parser bug turned into one. */
    private static ProviderException assertClearFailure(Throwable failure, ProviderKind kind) {
        assertThat(failure).isInstanceOf(ProviderException.class);
        String providerName = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        assertThat(failure.getMessage()).startsWith(providerName + " ").doesNotContain("could not be handled");
        return (ProviderException) failure;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
