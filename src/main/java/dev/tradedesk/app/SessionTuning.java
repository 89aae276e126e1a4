package dev.tradedesk.app;

import dev.tradedesk.feed.Backoff;
import dev.tradedesk.feed.HttpClients;
import dev.tradedesk.feed.sim.SimFaults;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a market session reacts to trouble, and how much trouble the simulated exchange makes: what
 * {@code record}, {@code verify-sim} and the tests set beyond the user's settings. Immutable.
 *
 * @param faults         faults the simulated exchange injects ({@link SimFaults#NONE} for none)
 * @param simClockAnchor with {@code sim}: the wall-clock instant at which the simulated clock read the
 *                       same time; runs given the same anchor and speed share one simulated timeline,
 *                       so a restarted recorder continues where the killed one stopped. Empty: the
 *                       simulated clock starts at the session's start.
 * @param readTimeout    the HTTP client's read timeout (a stalled provider fails after this long)
 * @param retryInitial   first retry delay after a failure without {@code Retry-After}
 * @param retryCap       longest retry delay without {@code Retry-After}
 */
public record SessionTuning(SimFaults faults, Optional<Instant> simClockAnchor, Duration readTimeout,
        Duration retryInitial, Duration retryCap) {

    public static final SessionTuning DEFAULTS = new SessionTuning(SimFaults.NONE, Optional.empty(),
            HttpClients.READ_TIMEOUT, Backoff.INITIAL, Backoff.CAP);

    public SessionTuning {
        if (readTimeout.isNegative() || readTimeout.isZero() || retryInitial.isNegative() || retryInitial.isZero()
                || retryCap.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("timeouts and retry delays must be positive, the cap at least the first delay");
        }
    }

    public SessionTuning withFaults(SimFaults newFaults) {
        return new SessionTuning(newFaults, simClockAnchor, readTimeout, retryInitial, retryCap);
    }

    public SessionTuning withSimClockAnchor(Instant anchor) {
        return new SessionTuning(faults, Optional.of(anchor), readTimeout, retryInitial, retryCap);
    }

    public SessionTuning withTimings(Duration newReadTimeout, Duration newRetryInitial, Duration newRetryCap) {
        return new SessionTuning(faults, simClockAnchor, newReadTimeout, newRetryInitial, newRetryCap);
    }

    Backoff backoff() {
        return new Backoff(retryInitial, retryCap, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }
}
