package dev.tradedesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery told of a full-disk outage's events in an order that threads can give them: a commit
 * reported after another call's failure closed its database, a read that met the database a write
 * closed reporting before the write. Each order is played on one thread, step by step, through a real
 * pool on {@link FullDisk}: what the calls tell is what the store's calls tell, and no step waits on
 * a thread.
 */
class FullDiskReportOrderTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));

    @Test
    void aCommitReportedAfterAnotherCallsFailureClosedItsDatabaseDoesNotEndTheOutage() throws Exception {
        try (LogCapture logs = new LogCapture(DatabaseRecovery.class, Level.INFO); FullDisk disk = new FullDisk(dir);
                StoreDatabase database = open(disk)) {
            Connection committing = committedUnreported(database);
            disk.fill();
            failedWriteUnreported(database); // H2 closes the database the commit landed on
            database.readFailed(metTheClosedDatabase(database)); // the outage begins
            database.committed(committing); // the commit, reported only now
            returnToThePool(committing);

            assertThat(logs.lines()).as("the database does not work again: H2 closed it after that commit")
                    .noneMatch(line -> line.contains("works again"));
            assertThat(rows(database)).as("the next read reopens it, with the commit").isEqualTo(2);
        }
    }

    @Test
    void aReadThatMetTheDatabaseAFailedWriteClosedLetsTheNextReadReopenItAtOnce() throws Exception {
        try (FullDisk disk = new FullDisk(dir); StoreDatabase database = open(disk)) {
            SQLException writeFailure = closeWithAWriteLetThrough(disk, database);
            database.readFailed(metTheClosedDatabase(database)); // told before the write tells it

            assertThat(rows(database)).as("a read served, from the database reopened at once").isEqualTo(1);
            database.writeFailed(writeFailure);
            assertThat(rows(database)).isEqualTo(1);
        }
    }

    @Test
    void aReadThatMetTheDatabaseAFailedWriteClosedIsNoFailedReopen() throws Exception {
        try (FullDisk disk = new FullDisk(dir); StoreDatabase database = open(disk)) {
            Thread reader = Thread.currentThread();
            SQLException writeFailure = closeWithAWriteLetThrough(disk, database);
            database.readFailed(metTheClosedDatabase(database));
            database.writeFailed(writeFailure);
            disk.failOpens();

            assertThatThrownBy(() -> rows(database)).as("the reopen, due at once").isInstanceOf(SQLException.class);
            assertThat(disk.refusedOpensBy(reader)).isEqualTo(1);
            clock.advance(DatabaseRecovery.FIRST_WAIT);
            assertThatThrownBy(() -> rows(database)).isInstanceOf(SQLException.class);
            assertThat(disk.refusedOpensBy(reader)).as("the next reopen, after the first failed reopen's wait")
                    .isEqualTo(2);
        }
    }

    private StoreDatabase open(FullDisk disk) {
        return StoreDatabase.open(StoreFixture.options(dir, clock), FullDisk.SCHEME + ":");
    }

    /**
     * Makes an outage (a failed write, told), reopens the database with a read, then lets through the
     * outage's first write, due at once: it fails and H2 closes the database again, not yet told.
     */
    private static SQLException closeWithAWriteLetThrough(FullDisk disk, StoreDatabase database) throws SQLException {
        try (Connection connection = database.writeConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t(x INT)");
            statement.execute("INSERT INTO t VALUES (1)");
        }
        disk.fill();
        database.writeFailed(failedWriteUnreported(database));
        assertThat(rows(database)).as("the reopened database").isEqualTo(1);
        return failedWriteUnreported(database);
    }

    /** A table with a row, and a connection whose second row has committed, not yet told. */
    private static Connection committedUnreported(StoreDatabase database) throws SQLException {
        try (Connection connection = database.writeConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t(x INT)");
            statement.execute("INSERT INTO t VALUES (1)");
        }
        Connection connection = database.writeConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO t VALUES (2)");
        }
        connection.commit();
        return connection;
    }

    private static void returnToThePool(Connection onTheClosedDatabase) {
        try {
            onTheClosedDatabase.close();
        } catch (SQLException resetFailed) {
            // the pool resets it on the closed database, which fails; it is returned all the same
        }
    }

    /** A write that fails on the full disk, which makes H2 close the database; its connection returned. */
    private static SQLException failedWriteUnreported(StoreDatabase database) {
        try (Connection connection = database.writeConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO t VALUES (3)");
            }
            connection.commit();
        } catch (SQLException failure) {
            assertThat(DatabaseRecovery.closedByAFailedWrite(failure)).as("the write failed on the disk: %s", failure)
                    .isTrue();
            return failure;
        }
        throw new AssertionError("the write did not fail: is the disk full?");
    }

    /** The failure of a read that met the closed database. */
    private static SQLException metTheClosedDatabase(StoreDatabase database) throws SQLException {
        try (Connection connection = database.connection()) {
            rows(connection);
        } catch (SQLException failure) {
            return failure;
        }
        throw new AssertionError("the read did not fail: is the database open?");
    }

    private static int rows(StoreDatabase database) throws SQLException {
        try (Connection connection = database.connection()) {
            return rows(connection);
        }
    }

    private static int rows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM t")) {
            result.next();
            return result.getInt(1);
        }
    }
}
