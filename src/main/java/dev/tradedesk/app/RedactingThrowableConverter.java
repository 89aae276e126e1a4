package dev.tradedesk.app;

import ch.qos.logback.classic.pattern.RootCauseFirstThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %redactedEx}: the stack trace, root cause first, with every registered secret masked,
 * since exception messages (a failed URL, a rejected header) are where secrets leak most often.
 */
public final class RedactingThrowableConverter extends RootCauseFirstThrowableProxyConverter {

    private SecretRedactor redactor;

    @Override
    public void start() {
        redactor = RedactingMessageConverter.redactorOf(getContext());
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        return RedactingMessageConverter.redact(redactor, super.convert(event));
    }
}
