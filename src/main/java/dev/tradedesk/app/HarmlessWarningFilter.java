package dev.tradedesk.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps known, harmless warnings off the console (they still reach the log file):
 * <ul>
 *   <li>JavaFX warns "Unsupported JavaFX configuration" whenever it is loaded from the class path,
 *       which is how TradeDesk runs by design, alongside ChartFX, which is not a module;</li>
 *   <li>Flyway warns on every start that the pinned H2 is newer than the newest H2 it was verified
 *       with; the store's migration tests run against the pinned H2.</li>
 * </ul>
 */
public final class HarmlessWarningFilter extends Filter<ILoggingEvent> {

    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration: classes were loaded from 'unnamed module";
    private static final String FLYWAY_LOGGER = "org.flywaydb.core.internal.database.base.Database";
    private static final String FLYWAY_VERSION_WARNING = "Using H2 ";
    private static final String FLYWAY_VERSION_WARNING_END = "newer than the version Flyway has been verified with.";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message == null) {
            return FilterReply.NEUTRAL;
        }
        boolean javaFxClassPath = "javafx".equals(event.getLoggerName()) && message.startsWith(CLASS_PATH_WARNING);
        boolean flywayH2Version = FLYWAY_LOGGER.equals(event.getLoggerName()) && message.startsWith(FLYWAY_VERSION_WARNING)
                && message.contains(FLYWAY_VERSION_WARNING_END);
        return javaFxClassPath || flywayH2Version ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
