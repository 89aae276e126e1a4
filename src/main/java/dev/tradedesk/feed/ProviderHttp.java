package dev.tradedesk.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tradedesk.core.Symbol;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends one provider request asynchronously and turns every outcome into either a parsed value or
 * a classified {@link ProviderException}: HTTP statuses (429/418 with {@code Retry-After} in
 * seconds or as an HTTP date, 401/403, other 4xx, 5xx), timeouts, dropped connections, and bodies
 * that are not the documented JSON. Times the fetch and the parse into {@link PipelineMetrics}.
 *
 * <p>Request URLs and headers never appear in exceptions or logs, since they may carry keys.
 * Thread-safe.
 */
public final class ProviderHttp {

    /** Parses a successful body; throws {@link IOException} (usually Jackson's) when it is malformed. */
    @FunctionalInterface
    public interface BodyParser<T> {
        T parse(JsonParser json) throws IOException;
    }

    /**
     * How a provider says it does not know the symbol a request named, told from the error answer:
     * its HTTP status and its body as JSON (a missing node when the body is not JSON). Only the
     * provider knows its own wording, and a plain 400 may as well be a bad parameter.
     */
    @FunctionalInterface
    public interface UnknownSymbolAnswer {
        boolean matches(int status, JsonNode body);
    }

    /** Whether the provider authenticates us: only then does 401/403 mean a rejected key. */
    public enum Access {
        /** Requests carry API keys (Alpaca): 401/403 stop the provider. */
        KEYED,
        /** Public endpoints (Binance, Coinbase): a 403 is a firewall or rate limit, so back off. */
        PUBLIC
    }

    /**
     * The largest successful body read: a full Alpaca page of 10,000 bars is about 1.5 MB, so
     * anything near this is not market data, and buffering it could exhaust the heap.
     */
    public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** Error bodies are read only this far: enough for any provider's message. */
    static final long MAX_ERROR_BODY_BYTES = 64 * 1024;
    /**
     * The longest wait a {@code Retry-After} is taken for. A day, or a date in the year 9999, is a
     * misconfigured server rather than a plan, and the feed would sit silent through it.
     */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    private static final ObjectMapper ERROR_BODIES = new ObjectMapper();
    /**
     * Reads successful bodies. {@code NaN} and {@code Infinity} written as bare words (as Python's
     * {@code json} module writes them, not JSON) are read as numbers, so the one record holding them
     * is dropped by the bar check, naming its symbol. Refused as a malformed body, they cost every other
     * record of the answer (all symbols of an Alpaca page), at every retry of a server that writes them.
     */
    private static final JsonFactory BODIES = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final OkHttpClient client;
    private final String providerName;
    private final Access access;
    private final FeedMetrics metrics;
    private final PipelineMetrics pipeline;
    private final Clock clock;

    public ProviderHttp(OkHttpClient client, String providerName, Access access, FeedMetrics metrics,
            PipelineMetrics pipeline, Clock clock) {
        this.client = client;
        this.providerName = providerName;
        this.access = access;
        this.metrics = metrics;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    public FeedMetrics metrics() {
        return metrics;
    }

    public Clock clock() {
        return clock;
    }

    /** {@code GET url} with {@code headers}; the future completes on an HTTP client thread. */
    public <T> CompletableFuture<T> get(HttpUrl url, Headers headers, BodyParser<T> parser) {
        return get(url, headers, parser, null, null);
    }

    /**
     * {@code GET url} for the data of one {@code symbol}: an error answer that {@code unknown}
     * matches fails with {@link ProviderException.Kind#UNKNOWN_SYMBOL}, in a message naming the
     * symbol; anything else as {@link #get(HttpUrl, Headers, BodyParser)}.
     */
    public <T> CompletableFuture<T> get(HttpUrl url, Headers headers, BodyParser<T> parser, Symbol symbol,
            UnknownSymbolAnswer unknown) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Request request = new Request.Builder().url(url).headers(headers).get().build();
        long started = System.nanoTime();
        metrics.countRequest();
        Call call = client.newCall(request);
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    byte[] body = readBody(response.body(), response.isSuccessful(), symbol);
                    pipeline.record(PipelineStage.FETCH, System.nanoTime() - started);
                    if (response.isSuccessful()) {
                        result.complete(parse(body, parser, symbol));
                    } else {
                        throw failureFor(response, body, symbol, unknown);
                    }
                } catch (ProviderException failure) {
                    result.completeExceptionally(failure);
                } catch (IOException cutOff) {
                    if (givenUp(call, cutOff)) {
                        // Cancelled while its body was arriving (a superseded cycle, or shutting
                        // down): the closed socket is ours, not the provider's failure.
                        result.cancel(false);
                        return;
                    }
                    result.completeExceptionally(fail(transportFailure(cutOff, true), ""));
                } catch (RuntimeException bug) {
                    result.completeExceptionally(fail(new ProviderException(ProviderException.Kind.MALFORMED_BODY,
                            providerName + " response could not be handled: " + bug, bug), ""));
                }
            }

            @Override
            public void onFailure(Call call, IOException failure) {
                if (givenUp(call, failure) || client.dispatcher().executorService().isShutdown()) {
                    // We cancelled it (a superseded cycle) or the app is shutting down and OkHttp's
                    // executor refused the call: not the provider's failure.
                    result.cancel(false);
                    return;
                }
                result.completeExceptionally(fail(transportFailure(failure, false), ""));
            }
        });
        // Cancelling the future cancels the call, so an abandoned cycle does not keep a connection busy.
        // OkHttp's call timeout cancels the call too, and that one is the provider's slowness.
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        return result;
    }

    /**
     * Whether {@code call} ended because TradeDesk gave it up (a superseded cycle, or shutting down)
     * rather than because the provider was too slow: OkHttp's call timeout cancels a call as well,
     * and ends it with an {@link InterruptedIOException}. A body trickling in past the call timeout
     * was taken for our own cancellation, so the failure went unreported.
     */
    private static boolean givenUp(Call call, IOException ended) {
        return call.isCanceled() && !(ended instanceof InterruptedIOException);
    }

    /**
     * Reads at most {@link #MAX_BODY_BYTES} of a successful body (a longer one is refused as
     * malformed) and the first {@link #MAX_ERROR_BODY_BYTES} of an error body, so memory stays
     * bounded whatever the server sends or claims in {@code Content-Length}.
     */
    private byte[] readBody(ResponseBody body, boolean successful, Symbol symbol) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        BufferedSource source = body.source();
        if (!successful) {
            source.request(MAX_ERROR_BODY_BYTES);
            return source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), MAX_ERROR_BODY_BYTES));
        }
        if (body.contentLength() > MAX_BODY_BYTES || source.request(MAX_BODY_BYTES + 1)) {
            throw fail(new ProviderException(ProviderException.Kind.MALFORMED_BODY, providerName + " sent a body larger than "
                    + MAX_BODY_BYTES / (1024 * 1024) + " MiB" + answering(symbol) + "; it was refused unread", null), "");
        }
        return source.readByteArray();
    }

    /**
     * Parses a successful body; one that cannot be read fails as malformed, in a message naming the
     * request's {@code symbol} (null: a request for several, which the body sample in the log tells).
     */
    private <T> T parse(byte[] body, BodyParser<T> parser, Symbol symbol) {
        long started = System.nanoTime();
        try (JsonParser json = BODIES.createParser(body)) {
            T value = parser.parse(json);
            pipeline.record(PipelineStage.PARSE, System.nanoTime() - started);
            return value;
        } catch (IOException | IllegalArgumentException malformed) {
            String sample = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
            String answering = answering(symbol);
            String what = body.length == 0 ? "an empty body" + answering
                    // Jackson's words for it name a "marker" and a redacted source, nothing a reader needs.
                    : malformed instanceof JsonEOFException ? "a body cut short" + answering + " (its JSON ends unfinished)"
                    : malformed instanceof JsonProcessingException ? "a body that is not the documented JSON" + answering + " ("
                            + firstLine(((JsonProcessingException) malformed).getOriginalMessage()) + ")"
                    : "an unusable body" + answering + " (" + malformed.getMessage() + ")";
            throw fail(new ProviderException(ProviderException.Kind.MALFORMED_BODY, providerName + " sent " + what, malformed), sample);
        }
    }

    /**
     * Which symbol a request that names one asked for, for a message about its answer: the providers
     * asked symbol by symbol (Binance, Coinbase) send each symbol its own body, so a malformed one is
     * that symbol's, and the log, which keeps only the first of each kind, would not say whose it was.
     */
    private static String answering(Symbol symbol) {
        return symbol == null ? "" : " for " + symbol.value();
    }

    private ProviderException failureFor(Response response, byte[] body, Symbol symbol, UnknownSymbolAnswer unknown) {
        int status = response.code();
        String sample = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
        JsonNode errorBody = errorBody(body);
        String detail = errorMessage(errorBody);
        String said = "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
        Wait wait = retryAfter(response.header("Retry-After"));
        ProviderException failure;
        if (status == 429 || status == 418) {
            failure = new ProviderException(ProviderException.Kind.RATE_LIMITED, status,
                    providerName + " is rate limiting requests (" + said + ")" + wait.note(), wait.duration(), null);
        } else if ((status == 401 || status == 403) && access == Access.KEYED) {
            failure = new ProviderException(ProviderException.Kind.AUTH_REJECTED, status,
                    providerName + " rejected the API key (" + said + ")", null, null);
        } else if (status == 403) {
            // Binance answers 403 when its web application firewall limits a client.
            failure = new ProviderException(ProviderException.Kind.RATE_LIMITED, status,
                    providerName + " is refusing requests for now (" + said + ")" + wait.note(), wait.duration(), null);
        } else if (status >= 500) {
            failure = new ProviderException(ProviderException.Kind.SERVER_ERROR, status,
                    providerName + " failed to answer (" + said + ")" + wait.note(), wait.duration(), null);
        } else if (unknown != null && unknown.matches(status, errorBody)) {
            failure = ProviderException.unknownSymbol(providerName, symbol, status, detail);
        } else {
            failure = new ProviderException(ProviderException.Kind.BAD_REQUEST, status,
                    providerName + " refused the request (" + said + ")", null, null, detail);
        }
        return fail(failure, sample);
    }

    /**
     * @param readingBody whether the response had begun: a timeout then is an answer that came too
     *                    slowly, not one that never came ("did not answer in time before a response
     *                    arrived" said the same thing twice)
     */
    private ProviderException transportFailure(IOException failure, boolean readingBody) {
        boolean timeout = failure instanceof InterruptedIOException;
        String what = timeout
                ? readingBody ? " sent its answer too slowly to read it in time" : " did not answer in time"
                : " connection failed " + (readingBody ? "while reading the response" : "before a response arrived");
        String detail = transportDetail(failure);
        return new ProviderException(timeout ? ProviderException.Kind.TIMEOUT : ProviderException.Kind.NETWORK,
                providerName + what + (detail.isEmpty() ? "" : " (" + detail + ")"), failure);
    }

    /**
     * What a transport failure adds to its one-line summary, in words a trader reads in the status bar:
     * the name it could not look up, the secure connection's or the socket's own reason. Never the
     * exception's class name; nothing for a plain timeout, which the summary has said.
     */
    static String transportDetail(IOException failure) {
        String said = FeedMetrics.shorten(failure.getMessage());
        if (failure instanceof UnknownHostException) {
            return said.isEmpty() ? "its host name is unknown" : "no address for " + said;
        }
        if (failure instanceof SSLException) {
            return said.isEmpty() ? "the secure connection failed" : "secure connection: " + said;
        }
        if (failure instanceof InterruptedIOException) {
            return said.toLowerCase(Locale.ROOT).contains("connect") ? "while connecting" : "";
        }
        if (failure instanceof EOFException || said.isEmpty()) {
            return "the connection closed early";
        }
        return said;
    }

    private ProviderException fail(ProviderException failure, String sample) {
        metrics.countFailure(failure);
        return sample == null || sample.isEmpty() ? failure : failure.withBodySample(sample);
    }

    /** An error body as JSON, or a missing node when it is not JSON (an HTML error page or similar). */
    private static JsonNode errorBody(byte[] body) {
        try {
            JsonNode node = ERROR_BODIES.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** The provider's own words from an error body: Alpaca and Coinbase say "message", Binance "msg". */
    private static String errorMessage(JsonNode node) {
        if (node.isObject()) {
            JsonNode message = node.hasNonNull("message") ? node.get("message") : node.get("msg");
            if (message != null && message.isValueNode()) {
                return FeedMetrics.shorten(message.asText());
            }
        }
        return ""; // not JSON, or no message: the status alone will have to do
    }

    /**
     * A provider's {@code Retry-After} as TradeDesk takes it: the wait, at most {@link
     * #LONGEST_RETRY_AFTER} (null when it gave none it could read), and what the failure's message
     * adds when the provider asked for longer.
     */
    private record Wait(Duration duration, String note) {
    }

    /**
     * {@code Retry-After} as seconds or as an HTTP date; absent, negative or unreadable means none, and
     * so does no wait at all ({@code 0}, or a date not after our clock, as a server whose clock is
     * behind ours sends): taken as given, the failed lane sent again at once, and a provider answering
     * every request so was asked as fast as it answered, while it was limiting us.
     */
    private Wait retryAfter(String header) {
        Duration asked = askedWait(header);
        if (asked != null && asked.isZero()) {
            return new Wait(null, "");
        }
        if (asked == null || asked.compareTo(LONGEST_RETRY_AFTER) <= 0) {
            return new Wait(asked, "");
        }
        return new Wait(LONGEST_RETRY_AFTER, "; it asks to wait longer than an hour (Retry-After: "
                + FeedMetrics.shorten(header.strip()) + "), so TradeDesk waits an hour");
    }

    private Duration askedWait(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            // Seconds beyond a long are still a wait, only an absurd one.
            return value.length() > 18 ? ChronoUnit.FOREVER.getDuration() : Duration.ofSeconds(Long.parseLong(value));
        }
        if (value.startsWith("-") && value.length() > 1 && value.substring(1).chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return message == null ? "" : newline < 0 ? message : message.substring(0, newline);
    }

    /** Skips the value at the parser's current token, whatever its shape. */
    public static void skipValue(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            json.skipChildren();
        }
    }
}
