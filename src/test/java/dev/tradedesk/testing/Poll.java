package dev.tradedesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for what another thread does, looking every 20 ms, for tests of the app's background work. */
public final class Poll {

    private static final long EVERY_MILLIS = 20;

    private Poll() {
    }

    /** The first non-null value {@code value} gives within {@code patience}; fails the test if none. */
    public static <T> T until(Supplier<T> value, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        T got;
        while ((got = value.get()) == null && System.nanoTime() < deadline) {
            Thread.sleep(EVERY_MILLIS);
        }
        assertThat(got).as("within " + patience).isNotNull();
        return got;
    }

    /** Waits until {@code condition} holds or {@code patience} has passed; the caller asserts what it needs. */
    public static void untilTrue(BooleanSupplier condition, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(EVERY_MILLIS);
        }
    }
}
