package dev.tradedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfigMXBean;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool keeps H2's database open for as long as the store is: H2 closes its database when the
 * last connection to it closes, so a pool that retired its last idle connection closed and reopened
 * the database in the middle of a session. With HikariCP's default lifetime of 30 minutes that
 * happened every half hour in a quiet session (seen in H2's trace with a 30 s lifetime: "closing",
 * "closed", "opening" 29 s after the start).
 */
class ConnectionPoolTest {

    @TempDir
    Path dir;

    @Test
    void noConnectionIsRetiredForItsAgeAndIdleOnesRetireNoLowerThanOne() {
        try (StoreDatabase database = StoreDatabase.open(StoreOptions.defaults(dir))) {
            HikariConfigMXBean pool = database.poolSettings();

            assertThat(pool.getMaxLifetime()).as("connection lifetime, 0 for none").isZero();
            assertThat(pool.getMinimumIdle()).as("idle connections kept").isGreaterThanOrEqualTo(1);
        }
    }
}
