package dev.tradedesk.feed;

import dev.tradedesk.core.Symbol;
import java.time.Duration;
import java.util.Optional;

/**
 * A failed request to a market data provider, classified so the scheduler knows what to do:
 * retry later, back off, or stop the provider. Messages are user-facing and never contain
 * credentials.
 */
public final class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** HTTP 429 or 418: too many requests; honour {@link #retryAfter()} if present. */
        RATE_LIMITED(true),
        /** HTTP 5xx: the provider failed; the outcome of the request is unknown. */
        SERVER_ERROR(true),
        /** The connect, read or whole-call timeout passed. */
        TIMEOUT(true),
        /** The connection failed or was reset. */
        NETWORK(true),
        /** The body was not the documented JSON (cut short, an HTML error page, wrong shape). */
        MALFORMED_BODY(true),
        /** HTTP 401 or 403: the API key was rejected or the plan does not allow this; retrying will not help. */
        AUTH_REJECTED(false),
        /**
         * The provider does not know the one symbol the request named (Binance HTTP 400 with code
         * -1121, Coinbase "NotFound"): a fact about that symbol, not about the provider, so the
         * other symbols' requests are unaffected and asking again will not help.
         */
        UNKNOWN_SYMBOL(false),
        /** Any other HTTP 4xx: the request itself is wrong (bad parameter, a symbol the provider cannot tell apart). */
        BAD_REQUEST(false),
        /**
         * TradeDesk's client for the provider failed in a way it does not classify: it threw, or failed
         * the request with something other than a {@link ProviderException} (a bug of ours, logged with
         * its stack trace by the {@link PriceScheduler}). Retried after a back-off: the bug may lie in
         * one answer's handling alone.
         */
        INTERNAL(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int status;
    private final transient Duration retryAfter;
    private final String providerSaid;
    private final String bodySample;

    public ProviderException(Kind kind, int status, String message, Duration retryAfter, Throwable cause) {
        this(kind, status, message, retryAfter, cause, "");
    }

    /** @param providerSaid the provider's own words from its error body ({@code ""} if none) */
    public ProviderException(Kind kind, int status, String message, Duration retryAfter, Throwable cause,
            String providerSaid) {
        this(kind, status, message, retryAfter, cause, providerSaid, "");
    }

    private ProviderException(Kind kind, int status, String message, Duration retryAfter, Throwable cause,
            String providerSaid, String bodySample) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.providerSaid = providerSaid;
        this.bodySample = bodySample;
    }

    /**
     * {@code providerName} does not know {@code symbol}: "Alpaca does not know the symbol QQQQ (HTTP
     * 400: invalid symbol: QQQQ)", with the provider's own words when its answer had any.
     */
    public static ProviderException unknownSymbol(String providerName, Symbol symbol, int status, String providerSaid) {
        return new ProviderException(Kind.UNKNOWN_SYMBOL, status, providerName + " does not know the symbol "
                + symbol.value() + " (HTTP " + status + (providerSaid.isEmpty() ? "" : ": " + providerSaid) + ")", null, null);
    }

    public ProviderException(Kind kind, String message, Throwable cause) {
        this(kind, 0, message, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int status() {
        return status;
    }

    /**
     * The provider's own words from its error body ({@code "invalid symbol: BTC/USD"}), for a
     * provider's client to read; {@code ""} if the answer had none. The message says them too.
     */
    public String providerSaid() {
        return providerSaid;
    }

    /**
     * This failure with the start of the answer's body, one printable line ({@code ""} for none): what the
     * log line of the outage it begins shows, to see what a provider sent instead of the documented answer.
     */
    public ProviderException withBodySample(String sample) {
        ProviderException sampled = new ProviderException(kind, status, getMessage(), retryAfter, getCause(), providerSaid,
                FeedMetrics.shorten(sample));
        sampled.setStackTrace(getStackTrace());
        return sampled;
    }

    /** The start of the answer's body, one printable line, or {@code ""} (no body, or none kept). */
    public String bodySample() {
        return bodySample;
    }

    /** How long the provider asked us to wait ({@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
