package dev.tradedesk.store;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import dev.tradedesk.core.PlainDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The bar CSV format of {@code tradedesk import} and {@code export}: the header
 * {@code timestamp,open,high,low,close,volume}, one bar per row. Timestamps are read as epoch
 * milliseconds (digits only), an ISO-8601 date (UTC midnight), or an ISO-8601 date-time (UTC
 * when it has no offset, unless the reader names another zone) whose {@code T} may be a space, as
 * pandas' {@code to_csv} writes them ({@code 2024-01-02 14:30:00}, {@code 2024-01-02
 * 14:30:00-05:00}); they are written as ISO-8601
 * UTC instants. Numbers are plain decimals (an exponent is accepted when reading), written so that
 * reading them back gives the same double. Stateless.
 */
public final class BarCsvFormat {

    /**
     * The longest line a bar CSV may have. A row is under 200 characters even with nanosecond
     * timestamps and 17-digit numbers; the limit only keeps a file without line breaks from being
     * buffered whole.
     */
    public static final int MAX_LINE_CHARS = 10_000;

    /**
     * Writes the CSVs TradeDesk makes: a field is quoted only when it must be. Jackson's default
     * quotes any field of over 24 characters unchecked, and the plain decimals of a small coin's
     * values can be longer ({@code 0.00000008999999999999979}).
     */
    public static CsvFactory csvWriters() {
        return new CsvFactory().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    }

    /** The columns, in order, as the header names them. */
    static final String[] HEADER = {"timestamp", "open", "high", "low", "close", "volume"};

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,19}");
    private static final int ISO_DATE_LENGTH = 10;
    /** ISO-8601's date-time, its offset optional: one parse, no exception, for either kind. */
    private static final DateTimeFormatter DATE_TIME = dateTime('T');
    /** The same with a space for the {@code T}, the form pandas writes. */
    private static final DateTimeFormatter SPACED_DATE_TIME = dateTime(' ');

    private BarCsvFormat() {
    }

    /** The header line, comma-separated. */
    public static String header() {
        return String.join(",", HEADER);
    }

    /**
     * Epoch milliseconds of a timestamp field (also used for the command line's time options), a
     * date-time without an offset read as UTC.
     *
     * @throws IllegalArgumentException if it is none of the accepted forms
     */
    public static long parseTime(String text) {
        return parseTime(text, ZoneOffset.UTC);
    }

    /**
     * As {@link #parseTime(String)}, a date-time without an offset read as the time it was in
     * {@code localZone} (DST-correct; in the hour a clock set back repeats, the earlier instant). A
     * date alone stays the start of its day in UTC, whatever the zone: import takes a day as such.
     *
     * @throws IllegalArgumentException if it is none of the accepted forms, or a time the zone's
     *         clocks skipped when they were set forward
     */
    public static long parseTime(String text, ZoneId localZone) {
        try {
            if (EPOCH_MILLIS.matcher(text).matches()) {
                return Long.parseLong(text);
            }
            if (text.length() == ISO_DATE_LENGTH) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            boolean spaced = text.length() > ISO_DATE_LENGTH && text.charAt(ISO_DATE_LENGTH) == ' ';
            TemporalAccessor parsed = (spaced ? SPACED_DATE_TIME : DATE_TIME).parse(text);
            ZoneOffset offset = parsed.query(TemporalQueries.offset());
            LocalDateTime local = LocalDateTime.from(parsed);
            if (offset == null && localZone instanceof ZoneOffset fixed) {
                offset = fixed; // UTC, the default: no zone rules to look up for each row
            }
            if (offset == null && localZone.getRules().getValidOffsets(local).isEmpty()) {
                // Java would move it on by the gap's length, to a bar of the next hour the file may hold too.
                throw new IllegalArgumentException("timestamp " + text + " never happened in " + localZone.getId()
                        + ": its clocks jumped forward over it; a file of that zone's times has no such row");
            }
            return (offset != null ? local.toInstant(offset) : local.atZone(localZone).toInstant()).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("bad timestamp '" + text
                    + "': use an ISO-8601 date or date-time (its T may be a space), or epoch milliseconds", e);
        }
    }

    /**
     * Whether {@code text}, a timestamp {@link #parseTime} reads, is a date-time without an offset:
     * one whose instant depends on the zone it is read in.
     */
    public static boolean isLocalDateTime(String text) {
        if (text.length() <= ISO_DATE_LENGTH || text.charAt(4) != '-') { // a date alone, or epoch milliseconds
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return last != 'Z' && last != 'z' && text.indexOf('+', ISO_DATE_LENGTH) < 0 && text.indexOf('-', ISO_DATE_LENGTH) < 0;
    }

    /**
     * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} with the offset optional and {@code separator}
     * between date and time. Read as one formatter, a date-time without an offset costs no failed
     * parse: trying the offset form first threw an exception per row of such a file.
     */
    private static DateTimeFormatter dateTime(char separator) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive()
                .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(separator).append(DateTimeFormatter.ISO_LOCAL_TIME)
                .optionalStart().appendOffsetId().optionalEnd()
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);
    }

    /**
     * A number field. {@code NaN} and {@code Infinity} are numbers here (the bar check rejects
     * them with a clearer reason); Java's type suffixes and hexadecimal forms are not.
     *
     * @throws IllegalArgumentException if it is not a decimal number
     */
    static double parseNumber(String text, String column) {
        if (!isDecimal(text)) {
            throw new IllegalArgumentException("bad number '" + text + "' for " + column);
        }
        return Double.parseDouble(text);
    }

    /**
     * {@code [+-]?(NaN|Infinity|(digits[.digits?]|.digits)([eE][+-]?digits)?)} with ASCII digits,
     * scanned by hand: this runs five times per row of a multi-million-row import.
     */
    private static boolean isDecimal(String text) {
        int length = text.length();
        int i = 0;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        if (text.startsWith("NaN", i) && i + 3 == length || text.startsWith("Infinity", i) && i + 8 == length) {
            return true;
        }
        int digits = 0;
        for (; i < length && isDigit(text.charAt(i)); i++) {
            digits++;
        }
        if (i < length && text.charAt(i) == '.') {
            for (i++; i < length && isDigit(text.charAt(i)); i++) {
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < length && isDigit(text.charAt(i)); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == length;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** ISO-8601 UTC, e.g. {@code 2024-01-02T14:30:00Z} (milliseconds only when not zero). */
    static String formatTime(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /**
     * The shortest decimal that reads back as {@code value}, without an exponent, and with a
     * fraction, as {@link Double#toString} writes smaller numbers: a volume of 60739437 reads
     * {@code 60739437.0} like one of 6587835. Used by every CSV TradeDesk writes, so that a
     * spreadsheet or a shell tool reads each the same way.
     */
    public static String formatNumber(double value) {
        String plain = PlainDecimal.of(value);
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
}
