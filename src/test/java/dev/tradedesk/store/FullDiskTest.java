package dev.tradedesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.message.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test disk itself: what a test on it leaves behind. */
class FullDiskTest {

    @TempDir
    Path dir;

    /**
     * A database H2 shut down after the disk filled stays in H2's JVM-exit hook
     * ({@code Database.shutdownImmediately} marks it closing, so its close returns early and never
     * unregisters it), and at JVM exit the hook checkpoints it even with {@code DB_CLOSE_ON_EXIT=FALSE};
     * the checkpoint fails on its dead store and H2 traces "could not close the database" into
     * {@code history.trace.db}, making the test's directory again after JUnit deleted it. This plays
     * the hook's two steps on such a database once its test is over.
     */
    @Test
    void aDatabaseH2ShutDownOnTheFullDiskLeavesNoTraceFileOnceItsTestIsOver() throws Exception {
        Path testDirectory = dir.resolve("test");
        Path data = Files.createDirectories(testDirectory.resolve("data"));
        Database dead;
        try (FullDisk disk = new FullDisk(data)) {
            String url = "jdbc:h2:" + FullDisk.SCHEME + ":" + data.resolve("history")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
            Connection connection = DriverManager.getConnection(url, "sa", "");
            dead = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t(x INT)");
                disk.fill();
                assertThat(catchThrowable(() -> statement.execute("INSERT INTO t VALUES 1"))).as("H2 closes its store")
                        .isNotNull();
                assertThat(catchThrowable(() -> statement.execute("INSERT INTO t VALUES 2"))).isNotNull();
            }
            assertThat(dead.isClosing()).as("shut down immediately: its close returns early").isTrue();
            catchThrowable(connection::close); // says again why H2 closed the database
        }
        deleteTree(testDirectory); // as JUnit deletes a test's @TempDir with the disk's directory in it

        Throwable checkpoint = catchThrowable(dead::checkpoint);
        assertThat(checkpoint).as("what the exit hook meets").isNotNull();
        dead.getTrace(Trace.DATABASE).error(checkpoint, "could not close the database");

        assertThat(dir).as("neither the disk's directory nor the test's holding it is made again").isEmptyDirectory();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
