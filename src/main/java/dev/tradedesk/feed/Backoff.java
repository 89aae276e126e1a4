package dev.tradedesk.feed;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before retrying a failed request: the provider's {@code Retry-After} when it
 * gave one, otherwise exponential backoff (1 s, 2 s, 4 s, ...) capped at 60 s, with jitter so many
 * clients do not retry in lockstep. Thread-safe (immutable; the random source must be thread-safe).
 */
public final class Backoff {

    public static final Duration INITIAL = Duration.ofSeconds(1);
    public static final Duration CAP = Duration.ofSeconds(60);

    private final Duration initial;
    private final Duration cap;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1); tests pass a fixed sequence */
    public Backoff(Duration initial, Duration cap, DoubleSupplier random) {
        this.initial = initial;
        this.cap = cap;
        this.random = random;
    }

    public static Backoff standard() {
        return new Backoff(INITIAL, CAP, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The wait before retry number {@code attempt} (1 for the first retry) after {@code failure}.
     * A {@code Retry-After} is honoured as given, even beyond the cap (ignoring it gets an IP
     * banned); {@link ProviderHttp} takes it for an hour at most.
     */
    public Duration delay(int attempt, ProviderException failure) {
        if (failure != null && failure.retryAfter().isPresent()) {
            return failure.retryAfter().get();
        }
        long ceiling = Math.min(cap.toMillis(), initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 30));
        // "Equal jitter": at least half the exponential step, so retries still slow down.
        long millis = ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
        return Duration.ofMillis(Math.max(1, millis));
    }
}
