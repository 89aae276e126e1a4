package dev.tradedesk.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps one known, harmless warning off the console (it still reaches the log file): JavaFX warns
 * "Unsupported JavaFX configuration" whenever it is loaded from the class path, which is how
 * TradeDesk runs by design, alongside ChartFX, which is not a module.
 */
public final class HarmlessWarningFilter extends Filter<ILoggingEvent> {

    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration: classes were loaded from 'unnamed module";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        return "javafx".equals(event.getLoggerName()) && message != null && message.startsWith(CLASS_PATH_WARNING)
                ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }
}
