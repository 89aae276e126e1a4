package dev.tradedesk.feed;

import dev.tradedesk.core.PrintableText;
import dev.tradedesk.core.Symbol;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters of one provider's traffic: requests, retries, failures by kind, and records dropped by
 * reason. Each kind of dropped record or malformed body is logged once, with a sample, then only
 * counted, so a provider sending garbage cannot flood the log. Thread-safe (lock-free counters).
 */
public final class FeedMetrics {

    private static final Logger log = LoggerFactory.getLogger(FeedMetrics.class);
    private static final int SAMPLE_LENGTH = 300;

    private final ProviderKind provider;
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final Map<ProviderException.Kind, LongAdder> failures = new EnumMap<>(ProviderException.Kind.class);
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private final Set<String> alreadyLogged = ConcurrentHashMap.newKeySet();

    public FeedMetrics(ProviderKind provider) {
        this.provider = provider;
        for (ProviderException.Kind kind : ProviderException.Kind.values()) {
            failures.put(kind, new LongAdder());
        }
    }

    public ProviderKind provider() {
        return provider;
    }

    public void countRequest() {
        requests.increment();
    }

    public void countRetry() {
        retries.increment();
    }

    /**
     * Counts a failed request. Not logged here: the scheduler's {@code ProviderConnection} logs each
     * outage once as it begins (with the answer's {@link ProviderException#bodySample()}), then a summary
     * a minute while it lasts; a symbol the provider does not know is logged once by name by whoever
     * keeps it out of further requests ({@link PriceScheduler}), and an {@link ProviderException.Kind#INTERNAL}
     * failure with its stack trace by whoever met it.
     */
    public void countFailure(ProviderException failure) {
        failures.get(failure.kind()).increment();
    }

    /**
     * Counts a record dropped by validation; logs the first of each reason with the record's symbol
     * and the record ({@code sample}'s text, shortened: the values parsed, an unusable one as received).
     *
     * @param symbol the record's symbol, or {@code null} when it named none that was asked for (the
     *               sample then says what it named)
     */
    public void countDropped(String reason, Symbol symbol, Object sample) {
        dropped.computeIfAbsent(reason, key -> new LongAdder()).increment();
        if (alreadyLogged.add("dropped:" + reason)) {
            log.warn("{}: dropped a record{}: {}; sample: {}; further such records are only counted", provider,
                    symbol == null ? "" : " of " + symbol.value(), reason, shorten(String.valueOf(sample)));
        }
    }

    public long requests() {
        return requests.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long failures(ProviderException.Kind kind) {
        return failures.get(kind).sum();
    }

    public long failures() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long droppedRecords() {
        return dropped.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Dropped records by reason, sorted by reason. */
    public Map<String, Long> droppedByReason() {
        Map<String, Long> copy = new TreeMap<>();
        dropped.forEach((reason, count) -> copy.put(reason, count.sum()));
        return copy;
    }

    /**
     * A provider's text (an error message, a body sample) made fit for a log line and the status bar:
     * one line, at most {@value #SAMPLE_LENGTH} characters of it, and each character a terminal or the
     * status bar would obey written as its code ({@link PrintableText}).
     */
    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return PrintableText.of(oneLine, SAMPLE_LENGTH);
    }
}
