package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.feed.sim.FaultKind;
import dev.tradedesk.feed.sim.SimFaults;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short {@code verify-sim}: every kind of fault at 20% of responses, and the database still
 * equals the simulator's ground truth, bar for bar. Timeouts and retry delays are shortened so
 * that it takes seconds; the code paths are those of {@code record}.
 */
class SimVerificationTest {

    @TempDir
    Path dir;

    @Test
    void aFaultyExchangeStillYieldsACompleteAndExactHistory() throws Exception {
        SessionTuning tuning = SessionTuning.DEFAULTS
                .withTimings(Duration.ofMillis(400), Duration.ofMillis(50), Duration.ofMillis(400))
                .withFaults(new SimFaults(0.2, EnumSet.allOf(FaultKind.class), 3, Duration.ofMillis(700)));
        SimVerification.Run run = new SimVerification.Run(6, 600, 42, Duration.ofSeconds(4), Duration.ofHours(12),
                Optional.of(Duration.ofMillis(150)), Duration.ofSeconds(40), tuning);
        SimVerification.Result result;
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            result = SimVerification.run(run, store, new HostEnvironment("Linux", dir, Map.of()), Clock.systemUTC());
        }
        SimVerification.Report report = result.report();
        assertThat(report.samples()).as("problems").isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(result.caughtUp()).isTrue();
        assertThat(report.expected()).as("12 h of backfill and the recorded minutes, 6 symbols").isGreaterThan(6 * 700);
        assertThat(report.stored()).isEqualTo(report.expected());
        assertThat(report.ledgerMissingRanges()).isZero();
        assertThat(result.lowestCompleteness()).as("what the watchlist shows at the end").isGreaterThan(0.998);
        assertThat(result.faults().values().stream().mapToLong(Long::longValue).sum()).as("faults injected").isPositive();
        assertThat(result.failures()).as("failed requests").isPositive();
    }
}
