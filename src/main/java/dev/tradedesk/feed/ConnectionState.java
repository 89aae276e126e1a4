package dev.tradedesk.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * What the status bar says about a provider: live, backing off until a time (and why), or stopped
 * (and why). Immutable.
 */
public record ConnectionState(ProviderKind provider, Status status, Instant until, String reason) {

    public enum Status {
        /** Starting: no answer yet. */
        CONNECTING,
        /** The last cycle got an answer. */
        LIVE,
        /** Requests failed; the next attempt is at {@link #until()}. */
        BACKING_OFF,
        /** The provider refused us for good (for example a rejected API key) or was shut down. */
        STOPPED
    }

    public ConnectionState {
        Objects.requireNonNull(provider);
        Objects.requireNonNull(status);
        reason = reason == null ? "" : reason;
    }

    public static ConnectionState connecting(ProviderKind provider) {
        return new ConnectionState(provider, Status.CONNECTING, null, "");
    }

    public static ConnectionState live(ProviderKind provider) {
        return new ConnectionState(provider, Status.LIVE, null, "");
    }

    public static ConnectionState backingOff(ProviderKind provider, Instant until, String reason) {
        return new ConnectionState(provider, Status.BACKING_OFF, until, reason);
    }

    public static ConnectionState stopped(ProviderKind provider, String reason) {
        return new ConnectionState(provider, Status.STOPPED, null, reason);
    }
}
