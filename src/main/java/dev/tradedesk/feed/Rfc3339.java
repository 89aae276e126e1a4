package dev.tradedesk.feed;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;

/**
 * Reads RFC-3339 date-times as providers send them ({@code 2022-02-01T05:00:00Z}, with up to nine
 * fractional digits or a {@code ±HH:MM} offset) into epoch milliseconds, exactly as
 * {@code OffsetDateTime.parse(text).toInstant().toEpochMilli()} does. The common shapes are read
 * digit by digit: the JDK's formatter costs about a microsecond and a dozen objects per call, which
 * for a 100-symbol body was most of the parse. Anything else (another shape, an out-of-range field)
 * goes to {@link OffsetDateTime#parse}, which accepts it or explains why not.
 *
 * <p>Stateless and thread-safe.
 */
public final class Rfc3339 {

    private static final long NOT_READ = Long.MIN_VALUE;
    private static final int MAX_OFFSET_SECONDS = 18 * 3_600;

    private Rfc3339() {
    }

    /**
     * @throws DateTimeException when {@code text} is not an RFC-3339 date-time with an offset
     */
    public static long toEpochMillis(String text) {
        long read = readCommonShape(text);
        return read != NOT_READ ? read : OffsetDateTime.parse(text).toInstant().toEpochMilli();
    }

    private static long readCommonShape(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return NOT_READ;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_READ;
        }
        int position = 19;
        long fractionMillis = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            long fraction = 0;
            while (position < length && isDigit(text.charAt(position))) {
                fraction = fraction * 10 + (text.charAt(position) - '0');
                position++;
            }
            int count = position - start;
            if (count < 1 || count > 9) {
                return NOT_READ;
            }
            for (int i = count; i < 9; i++) {
                fraction *= 10;
            }
            fractionMillis = fraction / 1_000_000;
        }
        int offsetSeconds = offsetSeconds(text, position);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return NOT_READ;
        }
        long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second
                - offsetSeconds;
        return seconds * 1_000 + fractionMillis;
    }

    /** {@code Z} or {@code ±HH:MM} ending the text at {@code position}; {@code Integer.MIN_VALUE} otherwise. */
    private static int offsetSeconds(String text, int position) {
        int rest = text.length() - position;
        char sign = rest > 0 ? text.charAt(position) : ' ';
        if (rest == 1 && sign == 'Z') {
            return 0;
        }
        if (rest != 6 || (sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, position + 1, 2);
        int minutes = digits(text, position + 4, 2);
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        if (seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return sign == '-' ? -seconds : seconds;
    }

    /** The non-negative number in {@code count} ASCII digits from {@code start}, or -1. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
