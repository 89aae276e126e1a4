package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import java.time.Duration;

/**
 * The gate every parsed record passes before it becomes a bar: {@link Bar#defect}, the bounds of
 * any market ({@link Bar#beyondAnyMarket}) and the time window the request asked for. A rejected
 * record is counted by reason in {@link FeedMetrics} (the first of each reason is logged with a
 * sample). Thread-safe; allocates nothing for valid records.
 */
public final class RecordValidator {

    public static final String OUTSIDE_REQUESTED_RANGE = "time outside the requested range";
    public static final String MISSING_FIELD = "missing field";
    public static final String WRONG_TYPE = "field of the wrong type";
    public static final String BAD_TIMESTAMP = "unreadable timestamp";
    public static final String UNREQUESTED_SYMBOL = "symbol not requested";

    /**
     * How far ahead of our clock a latest bar may be stamped before it counts as outside the
     * requested range: clocks drift, and a forming bar opens at the start of its interval anyway.
     */
    public static final Duration LATEST_CLOCK_TOLERANCE = Duration.ofMinutes(2);

    private final FeedMetrics metrics;

    public RecordValidator(FeedMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * @param sample describes the record for the log if it is the first of its kind to be rejected;
     *               supplied lazily so valid records cost nothing
     * @return whether the record is a valid bar inside {@code [fromMillis, toMillis]}
     */
    public boolean accept(long time, double open, double high, double low, double close, double volume,
            long fromMillis, long toMillis, java.util.function.Supplier<String> sample) {
        Bar.Defect defect = Bar.defect(open, high, low, close, volume);
        if (defect != null) {
            metrics.countDropped(defect.description(), sample.get());
            return false;
        }
        Bar.BeyondAnyMarket beyond = Bar.beyondAnyMarket(high, volume);
        if (beyond != null) {
            metrics.countDropped(beyond.description(), sample.get());
            return false;
        }
        if (time < fromMillis || time > toMillis) {
            metrics.countDropped(OUTSIDE_REQUESTED_RANGE, sample.get());
            return false;
        }
        return true;
    }

    /**
     * Validates the record a parser has just read into {@code raw}: first what was missing or
     * mistyped while reading ({@link RawBar#readDefect}), then the values and the time window as
     * {@link #accept(long, double, double, double, double, double, long, long, java.util.function.Supplier)}.
     */
    public boolean accept(RawBar raw, long fromMillis, long toMillis) {
        String readDefect = raw.readDefect();
        if (readDefect != null) {
            metrics.countDropped(readDefect, raw.toString());
            return false;
        }
        return accept(raw.time, raw.open, raw.high, raw.low, raw.close, raw.volume, fromMillis, toMillis, raw::toString);
    }

    /** Counts a record that could not even be read (missing or mistyped fields). */
    public void reject(String reason, String sample) {
        metrics.countDropped(reason, sample);
    }
}
