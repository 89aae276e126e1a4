package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Symbol;
import java.time.Duration;

/**
 * The gate every parsed record of one request passes before it becomes a bar: {@link Bar#defect},
 * the bounds of any market ({@link Bar#beyondAnyMarket}) and the time window the request asked for.
 * A rejected record is counted by reason in {@link FeedMetrics} (the first of each reason is logged
 * with its symbol and a sample) and pinned on its symbol in the request's {@link DroppedRecords}, so
 * that only that symbol's range stays missing. Thread-safe; allocates nothing for valid records.
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
    private final DroppedRecords dropped;

    /** @param dropped where the request's dropped records are pinned on their symbols */
    public RecordValidator(FeedMetrics metrics, DroppedRecords dropped) {
        this.metrics = metrics;
        this.dropped = dropped;
    }

    /**
     * For answers that tell their dropped records apart by themselves (latest bars, where a symbol
     * without a valid bar is {@link LatestBars#invalid()}): drops are counted and logged only.
     */
    public RecordValidator(FeedMetrics metrics) {
        this(metrics, new DroppedRecords(java.util.Set.of()));
    }

    /**
     * Validates the record a parser has just read into {@code raw}: first what was missing or
     * mistyped while reading ({@link RawBar#readDefect}), then the values, then the time window.
     *
     * @param symbol the record's symbol, {@code null} if it names none that was asked for
     * @return whether the record is a valid bar inside {@code [fromMillis, toMillis]}
     */
    public boolean accept(RawBar raw, Symbol symbol, long fromMillis, long toMillis) {
        String readDefect = raw.readDefect();
        if (readDefect != null) {
            reject(readDefect, symbol, raw);
            return false;
        }
        Bar.Defect defect = Bar.defect(raw.open, raw.high, raw.low, raw.close, raw.volume);
        if (defect != null) {
            reject(defect.description(), symbol, raw);
            return false;
        }
        Bar.BeyondAnyMarket beyond = Bar.beyondAnyMarket(raw.high, raw.volume);
        if (beyond != null) {
            reject(beyond.description(), symbol, raw);
            return false;
        }
        if (raw.time < fromMillis || raw.time > toMillis) {
            reject(OUTSIDE_REQUESTED_RANGE, symbol, raw);
            return false;
        }
        return true;
    }

    /**
     * Counts a record that could not even be read as one (a bar that is not an object, bars under a
     * symbol not asked for).
     *
     * @param symbol the record's symbol, {@code null} if it names none that was asked for
     * @param sample the record, for the log if it is the first of its kind
     */
    public void reject(String reason, Symbol symbol, Object sample) {
        dropped.add(symbol);
        // The sample is made into text only for the one record of each reason that is logged.
        metrics.countDropped(reason, symbol, sample);
    }
}
