package dev.tradedesk.app;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.boolex.OnMarkerEvaluator;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.filter.EvaluatorFilter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The appenders TradeDesk logs to, built in code rather than from Logback XML: Joran's XML
 * parsing and model interpretation cost about a third of a second (and 400 classes) at every
 * start, on the thread that has to reach the window first.
 *
 * <p>Every pattern masks the configured secrets ({@code %redactedMsg}, {@code %redactedEx}).
 */
final class LogbackAppenders {

    private static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    private static final int MAX_HISTORY_DAYS = 14;
    private static final long TOTAL_SIZE_CAP_BYTES = 200L * 1024 * 1024;
    /** Large enough for a burst of feed warnings; see {@link #asyncFile}. */
    private static final int ASYNC_QUEUE_SIZE = 8192;

    private static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %redactedMsg%n%redactedEx";
    private static final String FILE_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %redactedMsg%n%redactedEx";

    private LogbackAppenders() {
    }

    /**
     * WARN and up to stderr, so command output on stdout stays clean; known harmless warnings and
     * failures the user was already told of ({@link LogMarkers#TOLD_ON_CONSOLE}) left out.
     */
    static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        ThresholdFilter warnAndUp = new ThresholdFilter();
        warnAndUp.setLevel(Level.WARN.levelStr);
        warnAndUp.setContext(context);
        warnAndUp.start();
        console.addFilter(warnAndUp);
        HarmlessWarningFilter harmless = new HarmlessWarningFilter();
        harmless.setContext(context);
        harmless.start();
        console.addFilter(harmless);
        console.addFilter(notToldOnConsole(context));
        console.setEncoder(encoder(context, CONSOLE_PATTERN));
        console.start();
        return console;
    }

    private static EvaluatorFilter<ILoggingEvent> notToldOnConsole(LoggerContext context) {
        OnMarkerEvaluator toldOnConsole = new OnMarkerEvaluator();
        toldOnConsole.setContext(context);
        toldOnConsole.addMarker(LogMarkers.TOLD_ON_CONSOLE.getName());
        toldOnConsole.start();
        EvaluatorFilter<ILoggingEvent> filter = new EvaluatorFilter<>();
        filter.setContext(context);
        filter.setEvaluator(toldOnConsole);
        filter.setOnMatch(FilterReply.DENY);
        filter.start();
        return filter;
    }

    /**
     * INFO and up into {@code logDir/tradedesk.log}, rolling daily and at 10 MB, 14 days and
     * 200 MB kept, behind an asynchronous appender so no thread ever waits on the disk to log.
     * {@code neverBlock}: a full queue drops events instead of stalling a feed or UI thread; below
     * 20 % free capacity only INFO and lower are dropped (Logback's default threshold).
     */
    static AsyncAppender asyncFile(LoggerContext context, Path logDir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logDir.resolve(AppPaths.LOG_FILE_NAME).toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logDir.resolve("tradedesk.%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(new FileSize(MAX_FILE_BYTES));
        rolling.setMaxHistory(MAX_HISTORY_DAYS);
        rolling.setTotalSizeCap(new FileSize(TOTAL_SIZE_CAP_BYTES));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, FILE_PATTERN));
        file.start();

        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ASYNC_FILE");
        async.setQueueSize(ASYNC_QUEUE_SIZE);
        async.setNeverBlock(true);
        async.addAppender(file);
        async.start();
        return async;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        // On the layout, where the pattern parser looks them up at start; the context's registry
        // would be cleared by a reset.
        layout.getInstanceConverterMap().put("redactedMsg", RedactingMessageConverter::new);
        layout.getInstanceConverterMap().put("redactedEx", RedactingThrowableConverter::new);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
