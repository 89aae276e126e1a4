package dev.tradedesk.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import dev.tradedesk.core.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Points Logback at the data dir once it is known: a rolling file behind an asynchronous appender,
 * WARN and up to the console, every configured secret masked (see {@code logback-app.xml}).
 * JavaFX and other {@code java.util.logging} users are routed into the same file.
 *
 * <p>{@link #close()} flushes the asynchronous queue and stops logging; call it last, just before
 * the process exits. Not thread-safe: configure once, from the launching thread.
 */
public final class LoggingSetup implements AutoCloseable {

    private static final String CONFIG = "logback-app.xml";

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
        long startedAt = System.currentTimeMillis();
        context.reset();
        if (!context.isStarted()) {
            // A context stopped by an earlier close() (tests open several in one JVM) must run again,
            // or its asynchronous appender loses the lines still queued at the next close().
            context.start();
        }
        SecretRedactor redactor = new SecretRedactor();
        context.putObject(SecretRedactor.CONTEXT_KEY, redactor);
        context.putProperty("LOG_DIR", logDir.toAbsolutePath().toString());
        URL config = LoggingSetup.class.getResource(CONFIG);
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(config);
        } catch (JoranException e) {
            System.err.println("tradedesk: logging configuration failed, logs may be incomplete: " + e.getMessage());
        }
        reportProblems(context, startedAt);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        return new LoggingSetup(context, redactor);
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
