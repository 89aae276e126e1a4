package dev.tradedesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt that reaches a reopen while H2 waits for a database still closing. H2 2.4.240's
 * {@code Engine} sleeps between its tries on the caller's thread, takes the interrupt that ends the
 * sleep for itself (clearing it) and fails the connect with {@code DATABASE_CALLED_AT_SHUTDOWN}.
 * No test can hold a real H2 database in its "closing" state, so a JDBC driver of the test's own
 * answers the reopen's connect as that {@code Engine} does; everything else is the recovery's own
 * code, with a real HikariCP pool in front of the driver.
 */
class DatabaseRecoveryInterruptTest {

    private static final String URL = "jdbc:tradedesk-closing-h2:history";

    @TempDir
    Path dir;

    private final ClosingDatabaseDriver driver = new ClosingDatabaseDriver();

    @BeforeEach
    void registerDriver() throws SQLException {
        DriverManager.registerDriver(driver);
    }

    @AfterEach
    void deregisterDriver() throws SQLException {
        Thread.interrupted();
        DriverManager.deregisterDriver(driver);
    }

    @Test
    void anInterruptH2TookWhileWaitingForTheClosingDatabaseIsGivenBackAndCountsAsNoFailedReopen() throws Exception {
        try (HikariDataSource pool = idlePool()) {
            DatabaseRecovery recovery = recoveryOfADatabaseH2Closed(pool);

            driver.interruptWhileWaiting = true;
            Throwable reopen = catchThrowable(recovery::beforeRead);

            assertThat(Thread.interrupted()).as("the interrupt H2 cleared is given back to the caller").isTrue();
            assertThat(reopen).isInstanceOf(SQLException.class).hasMessageContaining("interrupted");
            assertThat(driver.connects).as("one connect, not retried on the interrupted thread").hasValue(1);

            driver.interruptWhileWaiting = false;
            assertThatCode(recovery::beforeRead).as("the next call reopens at once: no failed reopen to wait out")
                    .doesNotThrowAnyException();
            assertThat(driver.connects).hasValue(2);
        }
    }

    @Test
    void aCallerInterruptedBeforehandStartsNoConnect() throws Exception {
        try (HikariDataSource pool = idlePool()) {
            DatabaseRecovery recovery = recoveryOfADatabaseH2Closed(pool);

            Thread.currentThread().interrupt();
            Throwable reopen = catchThrowable(recovery::beforeRead);

            assertThat(Thread.interrupted()).isTrue();
            assertThat(reopen).isInstanceOf(SQLException.class).hasMessageContaining("interrupted");
            assertThat(driver.connects).as("H2 would have swallowed the interrupt").hasValue(0);
        }
    }

    /** The recovery of {@code pool}'s database after a read met it closed by H2: the next call reopens it. */
    private DatabaseRecovery recoveryOfADatabaseH2Closed(HikariDataSource pool) {
        DatabaseRecovery recovery = new DatabaseRecovery(pool, "sa", "", dir.resolve("history.mv.db"), Clock.systemUTC());
        recovery.readFailed(new SQLException("Database is already closed", "90098", ErrorCode.DATABASE_IS_CLOSED));
        return recovery;
    }

    /** A started pool that holds no connection and makes none by itself: only the reopen's probe connects. */
    private static HikariDataSource idlePool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setMinimumIdle(0);
        config.setMaximumPoolSize(1);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /**
     * Answers a connect as H2's {@code Engine} does for a database that is still closing when the
     * caller is interrupted during its wait: the sleep ends, the interrupt is gone, and the connect
     * fails with {@code DATABASE_CALLED_AT_SHUTDOWN}. Otherwise connects to a database that answers.
     */
    private static final class ClosingDatabaseDriver implements Driver {

        final AtomicInteger connects = new AtomicInteger();
        volatile boolean interruptWhileWaiting;

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            if (!acceptsURL(url)) {
                return null;
            }
            connects.incrementAndGet();
            if (interruptWhileWaiting) {
                Thread.currentThread().interrupt(); // the interrupt arrives during the wait
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    throw new SQLException("Database called at shutdown", "90121", ErrorCode.DATABASE_CALLED_AT_SHUTDOWN);
                }
            }
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    // The probe only opens and closes it.
                    (proxy, method, args) -> switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "connection to the reopened test database";
                        default -> null;
                    });
        }

        @Override
        public boolean acceptsURL(String url) {
            return url.startsWith(URL);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }
    }
}
