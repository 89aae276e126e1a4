package dev.tradedesk.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event while open, with messages and exception texts, for assertions. Tests log
 * at WARN (the app's bootstrap logging); a capture that needs a class's INFO lines raises that class's logger
 * while it is open and gives it back its level when it closes.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger raised;
    private final Level raisedFrom;

    /** Captures what is logged at the levels configured. */
    public LogCapture() {
        this(null, null);
    }

    /** Captures what is logged, with {@code loggerOf}'s logger logging from {@code level} up while open. */
    public LogCapture(Class<?> loggerOf, Level level) {
        raised = loggerOf == null ? null : (Logger) LoggerFactory.getLogger(loggerOf);
        raisedFrom = raised == null ? null : raised.getLevel();
        if (raised != null) {
            raised.setLevel(level);
        }
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }

    /** Every captured line: level, message and the full exception chain's messages. */
    public List<String> lines() {
        List<ILoggingEvent> events;
        // The appender adds under its own lock (AppenderBase.doAppend): a copy taken without it, while
        // another thread logged, once met a half-grown ArrayList and threw a NullPointerException.
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events) {
            StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getFormattedMessage());
            for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
                line.append(" | ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        if (raised != null) {
            raised.setLevel(raisedFrom);
        }
    }
}
