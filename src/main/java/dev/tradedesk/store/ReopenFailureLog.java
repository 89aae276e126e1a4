package dev.tradedesk.store;

import dev.tradedesk.core.RepeatingFailures;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells in the log why reopens of the history database could not open its file ("Too many open
 * files"): in full the first time, then how often the same reason came again, once a
 * {@link #SUMMARY_EVERY}, and in one line when a reopen works again ({@link RepeatingFailures}
 * decides which, on the store's clock). Reads as well as writes are refused while the file cannot be
 * opened, so this is a warning of its own, not a detail of the full disk that made H2 close the
 * database.
 *
 * <p>Thread-safe as {@link RepeatingFailures} is; {@link DatabaseRecovery} calls it under its own
 * lock, so its lines come in the order of the reopens.
 */
final class ReopenFailureLog {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRecovery.class);

    /** How often a reopen failing the same way again is summarized. */
    static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

    private final Path file;
    private final RepeatingFailures failures;

    ReopenFailureLog(Path file, Clock clock) {
        this.file = file;
        this.failures = new RepeatingFailures(SUMMARY_EVERY, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    /** A reopen could not open the file for {@code reason}, and is tried again after {@code nextTry}. */
    void failed(String reason, SQLException failure, Duration nextTry) {
        failures.report(reason,
                () -> log.warn("History database {} could not be reopened after H2 closed it: {}; reads and writes are"
                        + " refused until it opens, tried again after {} s, then at most every {} s", file, reason,
                        nextTry.toSeconds(), DatabaseRecovery.MAX_WAIT.toSeconds(), failure),
                repeats -> log.warn("Still cannot reopen the history database {}: {} more reopens failed the same way: {}",
                        file, repeats, reason));
    }

    /** A reopen worked: says so if failures were told, and forgets them. */
    void reopened() {
        String reason = failures.repeating();
        long failedReopens = failures.succeeded();
        if (failedReopens > 0) {
            log.info("History database {} reopened after {} failed reopens could not open it ({})", file, failedReopens,
                    reason);
        }
    }

    /** The outage is over: the next failure is told in full. */
    void forget() {
        failures.succeeded();
    }
}
