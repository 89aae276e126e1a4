package dev.tradedesk.app;

import dev.tradedesk.core.Secret;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Masks known secret values in log text. The first defence is that {@link Secret} never prints its
 * value; this one catches a secret that reached a log message as plain text anyway (an exception
 * message, a URL, a library's debug line).
 *
 * <p>Thread-safe: secrets are added rarely (at start-up and when settings change) and read on every
 * log event, hence the copy-on-write set.
 */
public final class SecretRedactor {

    /** Key under which the logging context holds the redactor for its converters. */
    public static final String CONTEXT_KEY = "dev.tradedesk.secretRedactor";

    /** Shorter values are not treated as secrets: masking them would garble ordinary words. */
    static final int MIN_LENGTH = 4;
    static final String MASK = "****";

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    public void register(Secret secret) {
        if (secret != null && secret.reveal().length() >= MIN_LENGTH) {
            secrets.add(secret.reveal());
        }
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}
