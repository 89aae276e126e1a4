package dev.tradedesk.app;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.core.hook.DefaultShutdownHook;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.ContextUtil;
import dev.tradedesk.core.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Points Logback at the data dir once it is known: a rolling file behind an asynchronous appender,
 * WARN and up to the console, every configured secret masked ({@link LogbackAppenders}).
 * JavaFX and other {@code java.util.logging} users are routed into the same file. A configuration
 * named with {@code -Dlogback.configurationFile} replaces this one.
 *
 * <p>{@link #close()} flushes the asynchronous queue and stops logging; call it last, just before
 * the process exits. Not thread-safe: configure once, from the launching thread.
 */
public final class LoggingSetup implements AutoCloseable {

    private final LoggerContext context;
    private final SecretRedactor redactor;

    private LoggingSetup(LoggerContext context, SecretRedactor redactor) {
        this.context = context;
        this.redactor = redactor;
    }

    /**
     * Configures logging into {@code logDir}, creating it if needed.
     *
     * @throws UncheckedIOException if the directory cannot be created
     */
    public static LoggingSetup start(Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + logDir + ": " + e.getMessage(), e);
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("Logback is not the SLF4J provider on the class path: " + factory.getClass());
        }
        SecretRedactor redactor = new SecretRedactor();
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) == null) {
            long startedAt = System.currentTimeMillis();
            context.reset();
            if (!context.isStarted()) {
                // A context stopped by an earlier close() (tests open several in one JVM) must run again,
                // or its asynchronous appender loses the lines still queued at the next close().
                context.start();
            }
            context.putObject(SecretRedactor.CONTEXT_KEY, redactor);
            configure(context, logDir);
            reportProblems(context, startedAt);
        } else {
            context.putObject(SecretRedactor.CONTEXT_KEY, redactor);
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        return new LoggingSetup(context, redactor);
    }

    private static void configure(LoggerContext context, Path logDir) {
        context.getStatusManager().add(new NopStatusListener());
        // Ctrl-C or SIGTERM during a long command (simulate, record) still flushes the async queue.
        new ContextUtil(context).addOrReplaceShutdownHook(shutdownHook(context));
        // java.util.logging levels follow Logback's, so JavaFX's fine-grained records are not even built.
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        julLevels.start();
        context.addListener(julLevels);

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(LogbackAppenders.asyncFile(context, logDir.toAbsolutePath()));
        root.addAppender(LogbackAppenders.console(context));
        // HikariCP and Flyway are chatty at INFO about every pool start and migration check.
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
    }

    private static DefaultShutdownHook shutdownHook(LoggerContext context) {
        DefaultShutdownHook hook = new DefaultShutdownHook();
        hook.setContext(context);
        return hook;
    }

    /** Masks these secrets in every log line from now on. */
    public void registerSecrets(Collection<Secret> secrets) {
        secrets.forEach(redactor::register);
    }

    @Override
    public void close() {
        context.stop();
    }

    private static void reportProblems(LoggerContext context, long since) {
        String problems = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(status -> status.getLevel() >= Status.WARN && status.getTimestamp() >= since)
                .map(Status::getMessage)
                .collect(Collectors.joining("; "));
        if (!problems.isEmpty()) {
            System.err.println("tradedesk: logging problems: " + problems);
        }
    }
}
