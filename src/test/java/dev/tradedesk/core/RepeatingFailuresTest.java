package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.RepeatingFailures.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RepeatingFailuresTest {

    private final AtomicLong now = new AtomicLong();
    private final RepeatingFailures failures = new RepeatingFailures(Duration.ofSeconds(60), now::get);

    @Test
    void aFailureIsToldOnceThenSummarizedEveryMinuteWhileItRepeats() {
        IOException full = new IOException("No space left on device");
        assertThat(failures.seen(full)).isEqualTo(Verdict.TELL);
        for (int second = 1; second < 60; second++) {
            now.set(Duration.ofSeconds(second).toNanos());
            assertThat(failures.seen(new IOException("No space left on device"))).isEqualTo(Verdict.QUIET);
        }
        now.set(Duration.ofSeconds(60).toNanos());
        assertThat(failures.seen(full)).isEqualTo(Verdict.SUMMARIZE);
        assertThat(failures.repeats()).isEqualTo(60);
        now.set(Duration.ofSeconds(61).toNanos());
        assertThat(failures.seen(full)).isEqualTo(Verdict.QUIET);
    }

    @Test
    void anotherFailureOrOneAfterASuccessIsToldAgain() {
        assertThat(failures.seen(new IOException("disk full"))).isEqualTo(Verdict.TELL);
        assertThat(failures.seen(new IOException("disk full"))).isEqualTo(Verdict.QUIET);
        assertThat(failures.seen(new IllegalStateException("The database has been closed"))).isEqualTo(Verdict.TELL);
        assertThat(failures.seen(new IllegalStateException("The database has been closed"))).isEqualTo(Verdict.QUIET);
        assertThat(failures.succeeded()).as("the run of failures that just ended").isEqualTo(2);
        assertThat(failures.succeeded()).isZero();
        assertThat(failures.seen(new IllegalStateException("The database has been closed"))).isEqualTo(Verdict.TELL);
    }

    @Test
    void reportTellsThenStaysQuietThenSummarizesWithTheRepeatsTheVerdictSaw() {
        List<String> said = new ArrayList<>();
        IOException full = new IOException("No space left on device");
        for (int second = 0; second <= 60; second++) {
            now.set(Duration.ofSeconds(second).toNanos());
            failures.report(full, () -> said.add("told"), repeats -> said.add("repeated " + repeats));
        }
        assertThat(said).containsExactly("told", "repeated 60");
    }
}
