package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The Logback configuration built in code: what goes where, and how the file rolls. */
class LoggingSetupTest {

    @TempDir
    Path dir;

    @Test
    void bootstrapSendsOnlyWarningsToStderrAndIsFoundByLogback() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(provider -> provider.type().getName()))
                .containsExactly(BootstrapLogging.class.getName());
        LoggerContext context = new LoggerContext();
        BootstrapLogging bootstrap = new BootstrapLogging();
        bootstrap.setContext(context);

        assertThat(bootstrap.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        List<Appender<ILoggingEvent>> appenders = appenders(root);
        assertThat(appenders).singleElement().isInstanceOfSatisfying(ConsoleAppender.class,
                console -> assertThat(console.getTarget()).isEqualTo("System.err"));
        context.stop();
    }

    @Test
    void fileTakesInfoAndUpButNotThePoolsAndMigrationsChatter() throws IOException {
        try (LoggingSetup logging = LoggingSetup.start(dir)) {
            LoggerFactory.getLogger("dev.tradedesk.test.Setup").info("an info line {}", 42);
            LoggerFactory.getLogger("com.zaxxer.hikari.HikariDataSource").info("pool starting");
            LoggerFactory.getLogger("org.flywaydb.core.Flyway").info("schema is up to date");
            LoggerFactory.getLogger("org.flywaydb.core.Flyway").warn("a migration warning");
            java.util.logging.Logger.getLogger("javafx.test").fine("a fine JUL record");
            java.util.logging.Logger.getLogger("javafx.test").info("an info JUL record");
        }

        String file = Files.readString(dir.resolve("tradedesk.log"), StandardCharsets.UTF_8);
        assertThat(file)
                .contains("INFO  [main] dev.tradedesk.test.Setup - an info line 42", "a migration warning", "an info JUL record")
                .doesNotContain("pool starting", "schema is up to date", "a fine JUL record");
        assertThat(file.lines().findFirst().orElseThrow()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO .*");
    }

    @Test
    void aFailureTheUserWasAlreadyToldOfGoesToTheFileButNotTheConsole() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (LoggingSetup logging = LoggingSetup.start(dir)) {
            org.slf4j.Logger log = LoggerFactory.getLogger("dev.tradedesk.test.Failing");
            log.error(LogMarkers.TOLD_ON_CONSOLE, "Command '{}' failed", "gui", new IllegalStateException("no display"));
            log.error("an unexpected failure", new IllegalStateException("disk gone"));
        } finally {
            System.setErr(originalErr);
        }

        String file = Files.readString(dir.resolve("tradedesk.log"), StandardCharsets.UTF_8);
        assertThat(file).contains("Command 'gui' failed", "IllegalStateException: no display", "an unexpected failure");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("an unexpected failure", "IllegalStateException: disk gone")
                .doesNotContain("Command 'gui' failed", "no display");
    }

    @Test
    void fileRollsDailyAndAtTenMegabytesBehindANonBlockingQueue() {
        try (LoggingSetup logging = LoggingSetup.start(dir)) {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            AsyncAppender async = (AsyncAppender) root.getAppender("ASYNC_FILE");
            assertThat(async.isNeverBlock()).isTrue();
            assertThat(async.getQueueSize()).isEqualTo(8192);
            RollingFileAppender<ILoggingEvent> file = (RollingFileAppender<ILoggingEvent>) async.getAppender("FILE");
            assertThat(file.getFile()).isEqualTo(dir.toAbsolutePath().resolve("tradedesk.log").toString());
            SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = (SizeAndTimeBasedRollingPolicy<ILoggingEvent>) file.getRollingPolicy();
            assertThat(rolling.getFileNamePattern()).endsWith("tradedesk.%d{yyyy-MM-dd}.%i.log.gz");
            assertThat(rolling.getMaxHistory()).isEqualTo(14);
            assertThat(rolling.isStarted()).isTrue();
            assertThat(root.getAppender("CONSOLE")).isInstanceOf(ConsoleAppender.class);
        }
    }

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> appenders = new java.util.ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(appenders::add);
        return appenders;
    }
}
