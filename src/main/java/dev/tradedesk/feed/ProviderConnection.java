package dev.tradedesk.feed;

import dev.tradedesk.core.Failures;
import dev.tradedesk.core.RepeatingFailures;
import dev.tradedesk.core.Symbol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@link PriceScheduler}'s requests tell about its provider, and the
 * {@link ConnectionState} it reports to the listener: connecting until the first latest answer,
 * live after each, backing off until a time by the wall clock after a failure (the lane that sent
 * the request backs off, {@link LaneBackoff}), stopped for good. An API key rejected twice in a row
 * stops the scheduler with a clear reason, whichever lanes' requests the two rejections answer: a
 * request that left after a rejection arrived is rejected too, with no request answered in between
 * ({@link KeyRejections}). A failed live request, or a latest answer in which every symbol failed for
 * the connection's reasons, also tells the rows of the symbols without a price ({@link #liveDown}).
 * A request that fails other than with a {@link ProviderException} (its client threw, or failed it
 * with a bug's exception) is the client's bug: logged, counted as {@link ProviderException.Kind#INTERNAL}
 * and told in words a trader reads, then backed off as any failed request.
 *
 * <p>Thread-safety: {@link #state} may be called from any thread, and {@link #announce} by
 * {@link PriceScheduler#start} before the first cycle; all other calls are made on the scheduler
 * thread.
 */
final class ProviderConnection {

    private static final Logger log = LoggerFactory.getLogger(ProviderConnection.class);

    private final ProviderKind provider;
    private final MarketDataListener listener;
    /** Says when a back-off ends, in the state the status bar shows. */
    private final Clock wallClock;
    private final LaneBackoff laneBackoff;
    private final SchedulerThread schedulerThread;
    private final OutageReport outageReport;
    private final RepairPlanner repairs;
    private final FeedMetrics metrics;
    private final KeyRejections keyRejections = new KeyRejections();
    private final RepeatingFailures clientBugs = RepeatingFailures.everyMinute();
    /**
     * Failed requests in a row of the live lane, and of the closing and history lanes, told to the
     * log once per outage: when the first fails, in a summary a minute while they go on failing,
     * and when one is answered again. Apart, as the lanes back off apart: closed bars failing while
     * live prices come through is an outage of its own, and a live answer does not end it.
     */
    private final Outage liveOutage = new Outage("live prices");
    private final Outage historyOutage = new Outage("closed-bar and history requests");

    private volatile ConnectionState state;

    ProviderConnection(ProviderKind provider, MarketDataListener listener, Clock wallClock, LaneBackoff laneBackoff,
            SchedulerThread schedulerThread, OutageReport outageReport, RepairPlanner repairs, FeedMetrics metrics) {
        this.provider = provider;
        this.listener = listener;
        this.wallClock = wallClock;
        this.laneBackoff = laneBackoff;
        this.schedulerThread = schedulerThread;
        this.outageReport = outageReport;
        this.repairs = repairs;
        this.metrics = metrics;
        this.state = ConnectionState.connecting(provider);
    }

    /** The connection state last reported to the listener. Any thread. */
    ConnectionState state() {
        return state;
    }

    /** Reports the state as it stands, so that the listener learns which provider it hears from. */
    void announce() {
        listener.onConnectionState(state);
    }

    /** A request leaves: its number, for {@link #failed}. */
    long send() {
        return keyRejections.send();
    }

    /**
     * A request of {@code lane} came back: the provider is up, whatever failed before, and that
     * lane's backing off starts over.
     */
    void answered(PriceScheduler.Lane lane) {
        laneBackoff.answered(lane);
        keyRejections.answered();
        outageOf(lane).answered();
    }

    private Outage outageOf(PriceScheduler.Lane lane) {
        return lane == PriceScheduler.Lane.LIVE ? liveOutage : historyOutage;
    }

    /** A latest answer was handed over. */
    void live() {
        changeState(ConnectionState.live(provider));
    }

    /** A request ({@code sent}, its number) failed: stop if the key was rejected twice in a row, else back off. */
    void failed(Throwable failure, PriceScheduler.Lane lane, long sent) {
        Throwable cause = Failures.unwrapped(failure);
        if (schedulerThread.closed()) {
            return;
        }
        ProviderException problem = cause instanceof ProviderException providerFailure ? providerFailure
                : cause instanceof CancellationException ? cancelled(cause) : clientBug(cause);
        if (problem.kind() == ProviderException.Kind.AUTH_REJECTED && keyRejections.rejectedAgain(sent)) {
            // Nothing follows a stop, and the live request's answer is ignored after it: the rows hear the
            // rejection now, whichever lane's request was rejected the second time.
            outageReport.tell(Map.of(), problem);
            changeState(ConnectionState.stopped(provider, problem.getMessage()));
            log.error("{}: stopped: {}", provider, problem.getMessage());
            schedulerThread.close();
            return;
        }
        if (lane == PriceScheduler.Lane.LIVE) {
            liveDown(Map.of(), problem);
        } else {
            retryLater(problem, lane);
        }
    }

    /**
     * A request cancelled under the lane ({@code ProviderHttp} cancels a call whose connection the
     * client is closing, and a superseded request): a request that failed to come back, as a dropped
     * connection is, not the client's bug; it is neither logged as one nor counted as one.
     */
    private ProviderException cancelled(Throwable cancellation) {
        return new ProviderException(ProviderException.Kind.NETWORK, provider.displayName() + " request was cancelled before"
                + " its answer came", cancellation);
    }

    /**
     * {@code bug}, a request's failure of a class the provider's contract does not allow, as the
     * client's failure told in a sentence (not "sim request failed: java.lang.IllegalStateException: …"),
     * the log holding the rest: logged here once with its stack trace, then summarized while it
     * repeats (the client's own log never saw it), and counted beside the failures the client counts.
     */
    private ProviderException clientBug(Throwable bug) {
        String message = bug.getMessage();
        String said = message == null || message.isBlank() ? "" : ": " + FeedMetrics.shorten(message);
        ProviderException problem = new ProviderException(ProviderException.Kind.INTERNAL,
                "the " + provider.displayName() + " client failed unexpectedly" + said + "; see the log", bug);
        clientBugs.report(bug,
                () -> log.error("{}: a request failed unexpectedly, a bug of its client's (it threw, or failed the request "
                        + "with something other than a ProviderException); taken as a failed request", provider, bug),
                repeats -> log.error("{}: requests still fail unexpectedly: {} more the same way: {}", provider, repeats,
                        bug.toString()));
        metrics.countFailure(problem);
        return problem;
    }

    /**
     * The live lane found the provider down with {@code problem} ({@code perSymbol}: each symbol's
     * own, from a provider asked symbol by symbol): tell the rows without a price, then back the live
     * lane off.
     */
    void liveDown(Map<Symbol, ProviderException> perSymbol, ProviderException problem) {
        outageReport.tell(perSymbol, problem);
        retryLater(problem, PriceScheduler.Lane.LIVE);
    }

    /**
     * {@code lane}'s request failed with {@code problem}: back off that lane, and make a repair pass
     * due, for what the failure left missing.
     */
    private void retryLater(ProviderException problem, PriceScheduler.Lane lane) {
        Duration wait = laneBackoff.failed(problem, lane);
        repairs.failed();
        Instant retryAt = wallClock.instant().plus(wait);
        outageOf(lane).failed(problem, retryAt);
        changeState(ConnectionState.backingOff(provider, retryAt, problem.getMessage()));
        metrics.countRetry();
        laneBackoff.backOff(lane, wait);
    }

    /**
     * What makes two failures of an outage the same, so that the second is summarized rather than
     * told again: a connection's or a timeout's kind alone, since their wording follows the
     * platform's (an unknown host reads "no address for api.binance.com" one time and "…: Name or
     * service not known" the next, and each change of wording was told as a new failure); any
     * other failure's message, which names the status and what came back.
     */
    static String sameFailureKey(ProviderException problem) {
        return switch (problem.kind()) {
            case NETWORK, TIMEOUT -> problem.kind().name();
            default -> problem.getMessage();
        };
    }

    /** One lane group's run of failed requests, as the log tells it. */
    private final class Outage {
        private final String requests;
        private final RepeatingFailures failures = RepeatingFailures.everyMinute();
        private Instant since;
        private long failedInARow;

        Outage(String requests) {
            this.requests = requests;
        }

        void failed(ProviderException problem, Instant retryAfterWait) {
            Instant retryAt = retryAfterWait.truncatedTo(ChronoUnit.MILLIS);
            if (since == null) {
                since = wallClock.instant().truncatedTo(ChronoUnit.MILLIS);
            }
            failedInARow++;
            if (problem.kind() == ProviderException.Kind.INTERNAL) {
                return; // the client's bug is logged with its stack trace, and its repeats summarized, where it is met
            }
            failures.report(sameFailureKey(problem),
                    () -> log.warn("{}: {} failing: {}; retrying at {}{}", provider, requests, problem.getMessage(), retryAt,
                            problem.bodySample().isEmpty() ? "" : "; body sample: " + problem.bodySample()),
                    repeats -> log.warn("{}: {} still failing since {}, {} more times: {}; retrying at {}", provider, requests,
                            since, repeats, problem.getMessage(), retryAt));
        }

        void answered() {
            if (since != null) {
                failures.succeeded();
                log.info("{}: {} answered again after {} s ({} failed in a row)", provider, requests,
                        Duration.between(since, wallClock.instant()).toSeconds(), failedInARow);
                since = null;
                failedInARow = 0;
            }
        }
    }

    private void changeState(ConnectionState newState) {
        if (!newState.equals(state)) {
            state = newState;
            listener.onConnectionState(newState);
        }
    }
}
