package dev.tradedesk.feed.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bar timeframe as Alpaca spells it ({@code [1-59]Min}, {@code [1-23]Hour}, {@code 1Day}, with
 * the short forms {@code T}, {@code H}, {@code D}), and how it buckets time: minute and hour bars
 * align to the epoch clock, daily bars to New York midnight, stamped in UTC as Alpaca does.
 */
record SimTimeframe(int minutes, boolean daily) {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Pattern LABEL = Pattern.compile("(\\d{1,2})(Min|T|Hour|H|Day|D)");
    private static final long MINUTE = 60_000L;

    static final SimTimeframe ONE_MINUTE = new SimTimeframe(1, false);
    static final SimTimeframe ONE_DAY = new SimTimeframe(1440, true);

    /** @throws IllegalArgumentException for anything Alpaca would not accept or the simulator does not serve */
    static SimTimeframe parse(String label) {
        Matcher matcher = LABEL.matcher(label == null ? "" : label);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid timeframe");
        }
        int amount = Integer.parseInt(matcher.group(1));
        return switch (matcher.group(2)) {
            case "Min", "T" -> within(amount, 59, new SimTimeframe(amount, false));
            case "Hour", "H" -> within(amount, 23, new SimTimeframe(amount * 60, false));
            default -> within(amount, 1, ONE_DAY);
        };
    }

    private static SimTimeframe within(int amount, int max, SimTimeframe timeframe) {
        if (amount < 1 || amount > max) {
            throw new IllegalArgumentException("invalid timeframe");
        }
        return timeframe;
    }

    /** Open time of the bucket holding {@code millis}. */
    long bucketStart(long millis) {
        if (daily) {
            LocalDate day = Instant.ofEpochMilli(millis).atZone(NEW_YORK).toLocalDate();
            return day.atStartOfDay(NEW_YORK).toInstant().toEpochMilli();
        }
        long width = minutes * MINUTE;
        return Math.floorDiv(millis, width) * width;
    }

    /** Open time of the bucket after the one opening at {@code bucketStart}. */
    long nextBucket(long bucketStart) {
        if (daily) {
            LocalDate day = Instant.ofEpochMilli(bucketStart).atZone(NEW_YORK).toLocalDate().plusDays(1);
            return day.atStartOfDay(NEW_YORK).toInstant().toEpochMilli();
        }
        return bucketStart + minutes * MINUTE;
    }
}
