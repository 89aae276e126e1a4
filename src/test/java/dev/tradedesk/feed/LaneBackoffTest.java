package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneBackoffTest {

    /** No jitter below the step's top: waits of 1, 2, 4 s ... read as the retry they are. */
    private final List<Duration> liveDelays = new ArrayList<>();
    private final LaneBackoff backoff =
            new LaneBackoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999_999), liveDelays::add);
    private final ProviderException serverError =
            new ProviderException(ProviderException.Kind.SERVER_ERROR, 500, "Alpaca failed to answer (HTTP 500)", null, null);

    @Test
    void closedBarRequestsFailingWhileLivePricesAreAnsweredBackOffFurtherEachTime() {
        // Each second a live answer, each time the closing lane's request fails again.
        List<Duration> closingWaits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            backoff.answered(PriceScheduler.Lane.LIVE);
            closingWaits.add(backoff.failed(serverError, PriceScheduler.Lane.CLOSING));
        }

        assertThat(closingWaits).extracting(Duration::toSeconds).containsExactly(0L, 1L, 3L, 7L, 15L);
    }

    @Test
    void eachLaneCountsItsOwnFailuresAndItsOwnAnswerStartsItsCountOver() {
        backoff.failed(serverError, PriceScheduler.Lane.HISTORY);
        backoff.failed(serverError, PriceScheduler.Lane.CLOSING);

        assertThat(backoff.failed(serverError, PriceScheduler.Lane.LIVE)).as("the live lane's first failure")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(backoff.failed(serverError, PriceScheduler.Lane.HISTORY))
                .as("the third of the closing and history lanes' together").isBetween(Duration.ofSeconds(3), Duration.ofSeconds(4));

        backoff.answered(PriceScheduler.Lane.CLOSING);

        assertThat(backoff.failed(serverError, PriceScheduler.Lane.HISTORY)).isLessThan(Duration.ofSeconds(1));
        assertThat(backoff.failed(serverError, PriceScheduler.Lane.LIVE)).as("the live lane's second failure")
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterIsTakenAsGivenWhateverTheCount() {
        ProviderException rateLimited = new ProviderException(ProviderException.Kind.RATE_LIMITED, 429, "Alpaca is rate limiting",
                Duration.ofSeconds(30), null);

        assertThat(backoff.failed(rateLimited, PriceScheduler.Lane.CLOSING)).isEqualTo(Duration.ofSeconds(30));
        backoff.stepFailed(PriceScheduler.Lane.LIVE);
        assertThat(liveDelays).hasSize(1);
        assertThat(backoff.historyRequestsBackingOff()).isFalse();
    }
}
