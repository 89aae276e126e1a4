package dev.tradedesk.app;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * Logback's configuration from the first log call until {@link LoggingSetup} knows the data dir:
 * warnings and errors to stderr. Found by Logback through {@code META-INF/services}.
 *
 * <p>A configuration named with {@code -Dlogback.configurationFile} takes precedence: this
 * configurator then steps aside and Logback reads that file as usual.
 */
public final class BootstrapLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(LogbackAppenders.console(context));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
