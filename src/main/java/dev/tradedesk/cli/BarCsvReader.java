package dev.tradedesk.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Streams a bar CSV ({@code timestamp,open,high,low,close,volume}) chunk by chunk into reusable
 * {@link BarColumns}, keeping each row's timestamp text. Timestamps are ISO-8601 dates (UTC
 * midnight), ISO-8601 date-times (UTC when no offset is given) or epoch milliseconds, strictly
 * increasing. A bad row fails with {@link BadRowException} naming its line. Blank lines are
 * skipped. Not thread-safe.
 */
final class BarCsvReader implements Closeable {

    static final String[] HEADER = {"timestamp", "open", "high", "low", "close", "volume"};

    private final MappingIterator<String[]> rows;
    private long previousTime = Long.MIN_VALUE;
    private long previousLine;

    /** A row that cannot be a bar. The message starts with the line number. */
    static final class BadRowException extends Exception {
        private static final long serialVersionUID = 1L;

        BadRowException(long line, String problem) {
            super("line " + line + ": " + problem);
        }
    }

    /** Opens {@code reader} and checks the header. */
    BarCsvReader(Reader reader) throws IOException, BadRowException {
        this.rows = new CsvMapper().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader);
        String[] header = nextNonBlank();
        if (header == null) {
            throw new BadRowException(1, "the file is empty; expected the header " + String.join(",", HEADER));
        }
        String[] names = Arrays.stream(header).map(String::strip).toArray(String[]::new);
        if (!Arrays.equals(names, HEADER)) {
            throw new BadRowException(previousLine, "expected the header " + String.join(",", HEADER) + ", found "
                    + String.join(",", names));
        }
    }

    /**
     * Clears {@code bars} and {@code timestamps} and fills them with up to {@code timestamps.length}
     * rows; returns how many were read, 0 at the end of the file.
     */
    int read(BarColumns bars, String[] timestamps) throws IOException, BadRowException {
        bars.clear();
        int count = 0;
        while (count < timestamps.length) {
            String[] row = nextNonBlank();
            if (row == null) {
                break;
            }
            addRow(row, bars);
            timestamps[count++] = row[0].strip();
        }
        return count;
    }

    private void addRow(String[] row, BarColumns bars) throws BadRowException {
        long line = previousLine;
        if (row.length != HEADER.length) {
            throw new BadRowException(line, "expected 6 fields, found " + row.length);
        }
        long time = parseTime(row[0].strip(), line);
        if (time <= previousTime) {
            throw new BadRowException(line, "timestamp " + row[0].strip() + " is not after the previous row's");
        }
        double open = number(row, 1, line);
        double high = number(row, 2, line);
        double low = number(row, 3, line);
        double close = number(row, 4, line);
        double volume = number(row, 5, line);
        String problem = Bar.problem(open, high, low, close, volume);
        if (problem != null) {
            throw new BadRowException(line, problem);
        }
        previousTime = time;
        bars.add(time, open, high, low, close, volume);
    }

    private String[] nextNonBlank() throws IOException {
        while (rows.hasNextValue()) {
            String[] row = rows.nextValue();
            previousLine = rows.getParser().currentTokenLocation().getLineNr();
            if (!(row.length == 0 || row.length == 1 && row[0].isBlank())) {
                return row;
            }
        }
        return null;
    }

    private static double number(String[] row, int column, long line) throws BadRowException {
        String text = row[column].strip();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadRowException(line, "bad number '" + text + "' for " + HEADER[column]);
        }
    }

    static long parseTime(String text, long line) throws BadRowException {
        try {
            if (text.matches("-?\\d{1,19}")) {
                return Long.parseLong(text);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new BadRowException(line, "bad timestamp '" + text
                    + "': use an ISO-8601 date or date-time, or epoch milliseconds");
        }
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
