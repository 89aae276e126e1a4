package dev.tradedesk.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A credential such as an API secret key. Its {@link #toString()} never shows the value, so a
 * secret that ends up in a log message, an exception or a record's {@code toString} is masked;
 * only {@link #reveal()} returns it, for the one place that must send it. Immutable and
 * thread-safe.
 */
public final class Secret {

    private static final Secret EMPTY = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * A secret holding {@code value} without the spaces around it, no-break ones included
     * ({@link Spaces}): a key copied from a web page brings them, and no HTTP header can carry one.
     * {@code null} or blank means "not configured".
     */
    public static Secret of(String value) {
        String trimmed = Spaces.trimmed(value);
        return trimmed.isEmpty() ? EMPTY : new Secret(trimmed);
    }

    public static Secret empty() {
        return EMPTY;
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    /** The plain value: call only where the secret is actually sent or stored. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        // Constant-time, so comparing secrets leaks nothing through timing.
        return other instanceof Secret that
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                        that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.isEmpty() ? 0 : 1;
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "<not set>" : "****";
    }
}
