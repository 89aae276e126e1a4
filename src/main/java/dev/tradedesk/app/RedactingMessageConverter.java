package dev.tradedesk.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;

/** {@code %redactedMsg}: the formatted message with every registered secret masked. */
public final class RedactingMessageConverter extends MessageConverter {

    private SecretRedactor redactor;

    /**
     * Takes the redactor when the layout starts: events still queued in the asynchronous appender
     * are formatted while the context shuts down, after its object map is cleared.
     */
    @Override
    public void start() {
        redactor = redactorOf(getContext());
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        return redact(redactor, super.convert(event));
    }

    static SecretRedactor redactorOf(Context context) {
        Object redactor = context == null ? null : context.getObject(SecretRedactor.CONTEXT_KEY);
        return redactor instanceof SecretRedactor secretRedactor ? secretRedactor : null;
    }

    static String redact(SecretRedactor redactor, String text) {
        return redactor == null ? text : redactor.redact(text);
    }
}
