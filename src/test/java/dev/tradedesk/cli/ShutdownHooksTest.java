package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.testing.Poll;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The hook that holds the JVM for a run's summary when it shuts down for something else than Ctrl-C or SIGTERM. */
class ShutdownHooksTest {

    private static final Duration LONGEST = Duration.ofMinutes(10);

    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Never counted down in the first test: a run still closing, as with a store slow to write. */
    private final CountDownLatch finished = new CountDownLatch(1);

    @Test
    void afterTheFirstSignalTheHookNeitherStopsTheRunAgainNorWaitsForItsClose() throws InterruptedException {
        Thread hook = ShutdownHooks.holdingUntilFinished("test-hook", () -> true, () -> stopped.set(true), finished, LONGEST);

        hook.setDaemon(true); // a hook that still waits must not hold the test JVM
        hook.start();
        hook.join(Duration.ofSeconds(20).toMillis());

        assertThat(hook.isAlive()).as("the hook returned at once, far inside its %s hold", LONGEST).isFalse();
        assertThat(stopped).as("the signal already stopped the run").isFalse();
    }

    @Test
    void withoutTheSignalTheHookStopsTheRunAndHoldsUntilItHasFinished() throws InterruptedException {
        Thread hook = ShutdownHooks.holdingUntilFinished("test-hook", () -> false, () -> stopped.set(true), finished, LONGEST);

        hook.setDaemon(true); // a hook that still waits must not hold the test JVM
        hook.start();
        Poll.untilTrue(stopped::get, Duration.ofSeconds(20));

        assertThat(stopped).as("a SIGHUP stops the run as Ctrl-C would").isTrue();
        assertThat(hook.isAlive()).as("held while the run closes").isTrue();
        finished.countDown();
        hook.join(Duration.ofSeconds(20).toMillis());
        assertThat(hook.isAlive()).as("released once the run has finished").isFalse();
    }
}
