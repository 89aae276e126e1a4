package dev.tradedesk.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells in the log why reopens of the history database could not open its file ("Too many open
 * files"): in full the first time, then how often the same reason came again, once a
 * {@link #SUMMARY_EVERY}, and in one line when a reopen works again. Reads as well as writes are
 * refused while the file cannot be opened, so this is a warning of its own, not a detail of the full
 * disk that made H2 close the database.
 *
 * <p>Not thread-safe: {@link DatabaseRecovery} calls it under its own lock.
 */
final class ReopenFailureLog {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRecovery.class);

    /** How often a reopen failing the same way again is summarized. */
    static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

    private final Path file;
    private String told;
    private long repeats;
    private long toldAt;

    ReopenFailureLog(Path file) {
        this.file = file;
    }

    /**
     * A reopen could not open the file for {@code reason} at {@code now} (epoch millis), and is
     * tried again after {@code nextTry}.
     */
    void failed(String reason, SQLException failure, long now, Duration nextTry) {
        if (!reason.equals(told)) {
            told = reason;
            repeats = 0;
            toldAt = now;
            log.warn("History database {} could not be reopened after H2 closed it: {}; reads and writes are refused until"
                    + " it opens, tried again after {} s, then at most every {} s", file, reason, nextTry.toSeconds(),
                    DatabaseRecovery.MAX_WAIT.toSeconds(), failure);
            return;
        }
        repeats++;
        if (now - toldAt >= SUMMARY_EVERY.toMillis()) {
            toldAt = now;
            log.warn("Still cannot reopen the history database {}: {} more reopens failed the same way: {}", file, repeats,
                    reason);
        }
    }

    /** A reopen worked: says so if failures were told, and forgets them. */
    void reopened() {
        if (told != null) {
            log.info("History database {} reopened after {} failed reopens could not open it ({})", file, repeats + 1,
                    told);
        }
        forget();
    }

    /** The outage is over: the next failure is told in full. */
    void forget() {
        told = null;
        repeats = 0;
    }
}
