package dev.tradedesk.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Builds bars of a higher timeframe exactly from one-minute bars: first open, highest high, lowest
 * low, last close, summed volume, stamped with the bucket's open time. Minute and hour buckets align
 * to the epoch clock (as providers align them); daily buckets are calendar days in the market's
 * zone, stamped at that day's midnight: New York's for US stocks, as Alpaca stamps daily bars, UTC's
 * for crypto, as Binance and Coinbase do.
 *
 * <p>Works on history ({@link #aggregate}) and live ({@link #add}, {@link #forming}): closed
 * one-minute bars go in one at a time, a completed bucket comes out when the first bar of the next
 * bucket arrives, and the bucket in progress can be read at any time, with a forming minute bar
 * folded in. Allocation-free per bar. Not thread-safe.
 */
public final class BarAggregator {

    /** The zone whose calendar days the US stock exchanges' daily bars span. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Receives completed buckets. */
    @FunctionalInterface
    public interface Sink {
        void accept(long time, double open, double high, double low, double close, double volume);
    }

    private final Timeframe timeframe;
    private final ZoneId dayZone;
    private boolean open;
    private long bucketStart;
    private long bucketEnd;
    private double bucketOpen;
    private double bucketHigh;
    private double bucketLow;
    private double bucketClose;
    private double bucketVolume;

    public BarAggregator(Timeframe timeframe, ZoneId dayZone) {
        this.timeframe = timeframe;
        this.dayZone = dayZone;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    /** Aggregates a whole history of one-minute bars (time order) into {@code out}, the last bucket included. */
    public static BarColumns aggregate(BarColumns minuteBars, Timeframe timeframe, ZoneId dayZone) {
        if (timeframe == Timeframe.ONE_MINUTE) {
            BarColumns copy = new BarColumns(minuteBars.size());
            for (int i = 0; i < minuteBars.size(); i++) {
                copy.add(minuteBars.time(i), minuteBars.open(i), minuteBars.high(i), minuteBars.low(i),
                        minuteBars.close(i), minuteBars.volume(i));
            }
            return copy;
        }
        BarColumns out = new BarColumns(Math.max(16, minuteBars.size() / (int) Math.min(Integer.MAX_VALUE, timeframe.millis() / 60_000)));
        BarAggregator aggregator = new BarAggregator(timeframe, dayZone);
        for (int i = 0; i < minuteBars.size(); i++) {
            aggregator.add(minuteBars.time(i), minuteBars.open(i), minuteBars.high(i), minuteBars.low(i),
                    minuteBars.close(i), minuteBars.volume(i), out::add);
        }
        aggregator.flush(out::add);
        return out;
    }

    /**
     * Adds a closed one-minute bar (in time order); if it starts a new bucket, the previous bucket is
     * complete and goes to {@code completed} first.
     */
    public void add(long time, double open, double high, double low, double close, double volume, Sink completed) {
        if (this.open && time >= bucketEnd) {
            emit(completed);
        }
        if (!this.open) {
            start(time, open, high, low, close, volume);
        } else {
            merge(high, low, close, volume);
        }
    }

    /** Emits the bucket in progress, if any, and starts afresh. */
    public void flush(Sink completed) {
        if (open) {
            emit(completed);
        }
    }

    /**
     * The bucket in progress with a forming one-minute bar folded in, without changing any state.
     * A forming bar from a later bucket is shown alone as that bucket's first bar.
     *
     * @return false if there is nothing to show
     */
    public boolean forming(Bar formingMinute, Sink out) {
        if (formingMinute == null) {
            if (!open) {
                return false;
            }
            out.accept(bucketStart, bucketOpen, bucketHigh, bucketLow, bucketClose, bucketVolume);
            return true;
        }
        if (!open || formingMinute.time() >= bucketEnd) {
            out.accept(bucketStartOf(formingMinute.time()), formingMinute.open(), formingMinute.high(), formingMinute.low(),
                    formingMinute.close(), formingMinute.volume());
            return true;
        }
        out.accept(bucketStart, bucketOpen, Math.max(bucketHigh, formingMinute.high()), Math.min(bucketLow, formingMinute.low()),
                formingMinute.close(), bucketVolume + formingMinute.volume());
        return true;
    }

    /** Open time of the bucket holding {@code time}. */
    public long bucketStartOf(long time) {
        return timeframe == Timeframe.ONE_DAY ? dayStartOf(time, dayZone) : timeframe.gridStart(time);
    }

    /** Start of the day in {@code zone} that {@code time} falls in (epoch millis). */
    public static long dayStartOf(long time, ZoneId zone) {
        return Instant.ofEpochMilli(time).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** Start of the day in {@code zone} after the one {@code time} falls in: 23, 24 or 25 hours on. */
    public static long nextDayStartOf(long time, ZoneId zone) {
        LocalDate next = Instant.ofEpochMilli(time).atZone(zone).toLocalDate().plusDays(1);
        return next.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /**
     * Whether the bucket holding the one-minute bar at {@code lastMinute} is over at {@code nowMillis}:
     * that minute is its last one, or the clock has passed its end (no more minutes will come).
     */
    public boolean bucketOver(long lastMinute, long nowMillis) {
        long next = Math.max(nowMillis, lastMinute + Timeframe.ONE_MINUTE.millis());
        return next >= bucketEndOf(bucketStartOf(lastMinute));
    }

    /** End (exclusive) of the bucket opening at {@code start}: the open of the next one. */
    public long bucketEndOf(long start) {
        return timeframe == Timeframe.ONE_DAY ? nextDayStartOf(start, dayZone) : start + timeframe.millis();
    }

    private void start(long time, double open, double high, double low, double close, double volume) {
        this.open = true;
        bucketStart = bucketStartOf(time);
        bucketEnd = bucketEndOf(bucketStart);
        bucketOpen = open;
        bucketHigh = high;
        bucketLow = low;
        bucketClose = close;
        bucketVolume = volume;
    }

    private void merge(double high, double low, double close, double volume) {
        bucketHigh = Math.max(bucketHigh, high);
        bucketLow = Math.min(bucketLow, low);
        bucketClose = close;
        bucketVolume += volume;
    }

    private void emit(Sink completed) {
        completed.accept(bucketStart, bucketOpen, bucketHigh, bucketLow, bucketClose, bucketVolume);
        open = false;
    }
}
