package dev.tradedesk.store;

import dev.tradedesk.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real {@link HistoryStore} on an H2 file in a temporary directory, through a real HikariCP pool
 * with leak detection on, and a settable cache clock. {@link #close()} fails the test if a
 * connection was not returned.
 */
final class StoreFixture implements AutoCloseable {

    final Path directory;
    final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
    final HistoryStore store;

    StoreFixture(Path directory) {
        this(directory, options -> options);
    }

    StoreFixture(Path directory, java.util.function.UnaryOperator<StoreOptions> change) {
        this.directory = directory;
        this.store = HistoryStore.open(change.apply(options(directory, clock)));
    }

    /** A store on {@code disk}, which fills up when the test says so. */
    StoreFixture(Path directory, FullDisk disk) {
        this.directory = directory;
        this.store = disk.open(options(directory, clock));
    }

    static StoreOptions options(Path directory, MutableClock clock) {
        return StoreOptions.defaults(directory).withLeakDetection(Duration.ofSeconds(2)).withClock(clock);
    }

    @Override
    public void close() {
        try {
            assertThat(store.activeConnections()).as("connections not returned to the pool").isZero();
        } finally {
            store.close();
        }
    }
}
