package dev.tradedesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.PrintableText;
import dev.tradedesk.core.Timeframe;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Streams a bar CSV ({@link BarCsvFormat}) chunk by chunk, with Jackson's CSV parser: constant
 * memory for any file size, since a line longer than {@link BarCsvFormat#MAX_LINE_CHARS} fails the
 * file. A row that cannot be a bar (wrong field count, bad timestamp or number, an invalid bar such
 * as high below low or a negative or NaN price, or a timestamp not after the previous accepted
 * row's) is reported to the {@link RejectListener} with its line number and skipped, or ends the
 * read if the listener throws. A file that is not a bar CSV at all fails with
 * {@link BarCsvException}. Blank lines are ignored. Both {@code tradedesk import} (skipping bad
 * rows) and {@code tradedesk indicators} (stopping at the first) read bars through this class.
 * Not thread-safe.
 */
public final class BarCsvSource implements BarSource, Closeable {

    /** Told about every skipped row. */
    @FunctionalInterface
    public interface RejectListener {
        /** @throws IOException (usually {@link BarCsvException}) to stop reading at this row */
        void rejected(long line, String reason) throws IOException;
    }

    /** Characters of a skipped row's reason, or a refused file's: it may quote the file's text, of any length. */
    static final int MAX_PROBLEM_CHARS = 500;

    /**
     * The earliest open {@link #onlyBarsOf} accepts for bars shorter than a day: 1990-01-01 UTC.
     * Intraday records of the markets TradeDesk follows begin later (US stocks' consolidated trades
     * in 1993, crypto exchanges in the 2010s), so an earlier minute bar is a mistake. The epoch
     * (1970) would be too early a bound: the commonest mistake, epoch seconds read as milliseconds,
     * lands in January 1970. One such bar made the recorder backfill its series from that date.
     */
    public static final long EARLIEST_INTRADAY_OPEN = Instant.parse("1990-01-01T00:00:00Z").toEpochMilli();
    /**
     * The earliest open accepted for daily bars: 1800-01-01 UTC. Daily series of real markets go back
     * to the 19th century (the Dow Jones to 1896), so the bound only catches dates such as
     * {@code 0001-01-01} or a two-digit year ({@code 0024-01-02}).
     */
    public static final long EARLIEST_DAILY_OPEN = Instant.parse("1800-01-01T00:00:00Z").toEpochMilli();
    private static final Pattern EPOCH_NUMBER = Pattern.compile("-?[0-9]+");

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** Immutable and thread-safe; built once because a mapper costs far more than a small file's read. */
    private static final ObjectReader ROWS = new CsvMapper().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY);
    /** Rows between bars from which a third of the file is no longer taken for strays. */
    private static final int SHORTER_BARS_SEEN = 3;

    private final String name;
    /** The file read, if it is one: to find the line of a byte that is not UTF-8. */
    private final Path file;
    private final MappingIterator<String[]> rows;
    private final RejectListener rejects;
    private long line;
    private long previousTime = Long.MIN_VALUE;
    private Timeframe grid;
    private long latestOpen = Long.MAX_VALUE;
    private long earliestOpen = Long.MIN_VALUE;
    private long accepted;
    private long skipped;
    /** Rows whose time is no open of a bar of {@link #grid}, and the first of their lines. */
    private long offGrid;
    private long firstOffGridLine;
    /**
     * Whether this series' daily bars open at New York's day start (true) or UTC's (false); null
     * until known. Both kinds are daily bars, but one series holds one kind: a UTC day's bar beside
     * New York's for the same date is a second bar for that day, four or five hours from the first.
     */
    private Boolean newYorkDays;
    /** {@link #newYorkDays} came from the bars already stored, not from the file's first bar. */
    private boolean dayKindStored;
    /** Rows whose time is not after the previous accepted row's, and the first of their lines. */
    private long backwards;
    private long firstBackwardsLine;
    /** The zone of date-times without an offset: UTC unless {@link #localTimesIn} names another. */
    private ZoneId localZone = ZoneOffset.UTC;
    /** Accepted rows whose date-time had no offset, and the first of them. */
    private long localTimes;
    private long firstLocalTimeLine;
    private String firstLocalTime;

    private BarCsvSource(String name, Path file, MappingIterator<String[]> rows, RejectListener rejects) {
        this.name = name;
        this.file = file;
        this.rows = rows;
        this.rejects = rejects;
    }

    /**
     * Opens {@code file} (UTF-8) and checks its header.
     *
     * @throws java.nio.file.NoSuchFileException    if it does not exist
     * @throws java.nio.file.AccessDeniedException if it cannot be read
     * @throws BarCsvException                     if it is empty or its header is not the bar header
     * @throws IOException                         if it cannot be read otherwise (a directory, say)
     */
    public static BarCsvSource open(Path file, RejectListener rejects) throws IOException {
        return open(file, Files.newByteChannel(file), rejects);
    }

    /**
     * As {@link #open(Path, RejectListener)}, reading {@code file} from {@code input}, a channel
     * opened on it, which the source closes. A read waiting on {@code input} (a pipe with nothing
     * written yet) ends with an {@link java.nio.channels.AsynchronousCloseException} when another
     * thread closes the channel itself; closing the source would wait for that read.
     */
    public static BarCsvSource open(Path file, ReadableByteChannel input, RejectListener rejects) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(input),
                StandardCharsets.UTF_8.newDecoder()));
        try {
            return read(reader, file.toString(), file, rejects);
        } catch (CharacterCodingException e) {
            reader.close();
            throw notUtf8(file.toString(), file, 1, e);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Reads a bar CSV from {@code reader}, named {@code name} in messages; checks the header. */
    public static BarCsvSource read(Reader reader, String name, RejectListener rejects) throws IOException {
        return read(reader, name, null, rejects);
    }

    private static BarCsvSource read(Reader reader, String name, Path file, RejectListener rejects) throws IOException {
        MappingIterator<String[]> rows;
        try {
            rows = ROWS.readValues(new LineLimitedReader(reader, name, BarCsvFormat.MAX_LINE_CHARS));
        } catch (CharacterCodingException e) {
            throw notUtf8(name, file, 1, e);
        }
        BarCsvSource source = new BarCsvSource(name, file, rows, rejects);
        source.checkHeader();
        return source;
    }

    private void checkHeader() throws IOException {
        String[] header = nextRow();
        if (header == null) {
            throw new BarCsvException(name, 1, "the file is empty; expected the header " + BarCsvFormat.header());
        }
        String[] names = Arrays.stream(header).map(field -> field.replace(BYTE_ORDER_MARK, "").strip()
                .toLowerCase(Locale.ROOT)).toArray(String[]::new);
        if (!Arrays.equals(names, BarCsvFormat.HEADER)) {
            throw new BarCsvException(name, line, "expected the header " + BarCsvFormat.header() + ", found "
                    + String.join(",", header));
        }
    }

    /**
     * From now on, also skips rows that cannot be bars of a {@code timeframe} series stored at
     * {@code nowMillis}: a timestamp that is not the open of a bar on the timeframe's grid
     * ({@link Timeframe#gridStart}; for daily bars, the start of a New York or a UTC day), one
     * after the open of the bar forming now, or one before {@link #EARLIEST_INTRADAY_OPEN}
     * ({@link #EARLIEST_DAILY_OPEN} for daily bars). Such a row would otherwise sit beside the
     * provider's bar for the same period, or, dated far ahead, leave the series looking complete
     * until then, or, dated long ago, be a mistake no market could have made.
     */
    public BarCsvSource onlyBarsOf(Timeframe timeframe, long nowMillis) {
        this.grid = timeframe;
        this.earliestOpen = timeframe == Timeframe.ONE_DAY ? EARLIEST_DAILY_OPEN : EARLIEST_INTRADAY_OPEN;
        long gridOpen = timeframe.gridStart(nowMillis);
        this.latestOpen = timeframe == Timeframe.ONE_DAY
                ? Math.max(gridOpen, BarAggregator.dayStartOf(nowMillis, BarAggregator.NEW_YORK)) : gridOpen;
        return this;
    }

    /**
     * From now on, reads a date-time without an offset ({@code 2024-01-02 09:30:00}, as pandas
     * writes a frame's naive index) as the time it was in {@code zone}; UTC until then. A date
     * alone stays a day.
     */
    public BarCsvSource localTimesIn(ZoneId zone) {
        this.localZone = zone;
        return this;
    }

    /**
     * For daily bars, takes the kind of day the series' stored bars open on ({@code storedOpen}: the
     * open of one of them, if any), so that a row opening the other kind of day is skipped as a
     * second bar for its day; without stored bars, the file's first daily bar sets the kind. Call
     * after {@link #onlyBarsOf} and before the first row is read.
     */
    public BarCsvSource dailyBarsBeside(OptionalLong storedOpen) {
        if (grid == Timeframe.ONE_DAY && storedOpen.isPresent()) {
            newYorkDays = opensANewYorkDay(storedOpen.getAsLong());
            dayKindStored = true;
        }
        return this;
    }

    @Override
    public void fill(BarColumns chunk, int limit) throws IOException {
        fill(chunk, limit, null);
    }

    /**
     * As {@link #fill(BarColumns, int)}, and also puts each added row's timestamp as written in the
     * file (stripped) into {@code timestampTexts} at the bar's index in {@code chunk}, for output
     * that repeats the input's timestamps.
     */
    public void fill(BarColumns chunk, int limit, String[] timestampTexts) throws IOException {
        while (chunk.size() < limit) {
            String[] row = nextRow();
            if (row == null) {
                refuseNewestFirst();
                refuseShorterBars();
                return;
            }
            String problem = addRow(row, chunk);
            if (problem == null) {
                accepted++;
                noteLocalTime(row[0].strip());
                if (timestampTexts != null) {
                    timestampTexts[chunk.size() - 1] = row[0].strip();
                }
            } else {
                skipped++;
                rejects.rejected(line, PrintableText.of(problem, MAX_PROBLEM_CHARS)); // it may quote the row's cells
            }
        }
    }

    /** Adds the row to {@code chunk}, or says why it cannot be a bar. */
    private String addRow(String[] row, BarColumns chunk) {
        if (row.length != BarCsvFormat.HEADER.length) {
            return "expected " + BarCsvFormat.HEADER.length + " fields, found " + row.length;
        }
        try {
            long time = BarCsvFormat.parseTime(row[0].strip(), localZone);
            double open = BarCsvFormat.parseNumber(row[1].strip(), "open");
            double high = BarCsvFormat.parseNumber(row[2].strip(), "high");
            double low = BarCsvFormat.parseNumber(row[3].strip(), "low");
            double close = BarCsvFormat.parseNumber(row[4].strip(), "close");
            double volume = BarCsvFormat.parseNumber(row[5].strip(), "volume");
            String problem = Bar.problem(open, high, low, close, volume);
            if (problem != null) {
                return problem;
            }
            Bar.BeyondAnyMarket beyond = Bar.beyondAnyMarket(high, volume);
            if (beyond != null) {
                return switch (beyond) {
                    case PRICE -> "price " + high + " is beyond any market's (at most " + Bar.MAX_MARKET_PRICE + ")";
                    case VOLUME -> "volume " + volume + " is beyond any market's (at most " + Bar.MAX_MARKET_VOLUME + ")";
                } + ": a shifted column or another unit?";
            }
            String timeProblem = timeProblem(row[0].strip(), time);
            if (timeProblem != null) {
                // A time no bar may have (epoch seconds read as milliseconds, say) is skipped for that:
                // counted as off the grid too, such rows made a file of seconds "shorter bars".
                boolean possibleOpen = time >= earliestOpen && time <= latestOpen;
                if (grid != null && possibleOpen && !opensABar(time) && offGrid++ == 0) {
                    firstOffGridLine = line;
                }
                return timeProblem;
            }
            if (time <= previousTime) {
                if (backwards++ == 0) {
                    firstBackwardsLine = line;
                }
                return "timestamp " + row[0].strip() + " is not after the previous row's ("
                        + BarCsvFormat.formatTime(previousTime) + ")";
            }
            previousTime = time;
            if (grid == Timeframe.ONE_DAY && newYorkDays == null) {
                newYorkDays = opensANewYorkDay(time);
            }
            chunk.add(time, open, high, low, close, volume);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Why {@code time} (written as {@code text}) cannot be a bar of the timeframe given to {@link #onlyBarsOf}, or {@code null}. */
    private String timeProblem(String text, long time) {
        if (time < earliestOpen) {
            return "timestamp " + text + (isEpochNumber(text) ? " (" + BarCsvFormat.formatTime(time) + ")" : "")
                    + " is before " + BarCsvFormat.formatTime(earliestOpen) + ", the earliest " + grid.label()
                    + " bar import takes" + secondsHint(text, time);
        }
        if (grid == Timeframe.ONE_DAY && !opensADay(time)) {
            long newYorkDay = BarAggregator.dayStartOf(time, BarAggregator.NEW_YORK);
            return "timestamp " + text + " is not the start of a day in New York (a US stock's trading day: "
                    + BarCsvFormat.formatTime(newYorkDay) + ") or in UTC (a crypto market's: "
                    + BarCsvFormat.formatTime(grid.gridStart(time)) + ")" + secondsHint(text, time);
        }
        if (grid != null && grid != Timeframe.ONE_DAY && grid.gridStart(time) != time) {
            return "timestamp " + text + " is not the open of a " + grid.label() + " bar (that bar opens at "
                    + BarCsvFormat.formatTime(grid.gridStart(time)) + ")";
        }
        if (time > latestOpen) {
            return "timestamp " + text + " is in the future (the latest " + grid.label() + " bar opens at "
                    + BarCsvFormat.formatTime(latestOpen) + ")";
        }
        if (grid == Timeframe.ONE_DAY && newYorkDays != null && opensANewYorkDay(time) != newYorkDays) {
            return "timestamp " + text + " opens a day in " + (newYorkDays ? "UTC" : "New York") + ", where "
                    + (dayKindStored ? "the bars stored for this series open" : "the file's first bar opens") + " a day in "
                    + (newYorkDays ? "New York" : "UTC") + "; a series keeps one kind of day, or a date gets two bars"
                    + " four or five hours apart";
        }
        return null;
    }

    /**
     * A hint for an epoch number that is likely seconds (the unit many exchanges' APIs and exports
     * use): one that, read as seconds, falls between the earliest and the latest open taken. Names
     * the date it would be; empty otherwise.
     */
    private String secondsHint(String text, long time) {
        if (isEpochNumber(text) && time >= earliestOpen / 1000 && time <= latestOpen / 1000) {
            return "; epoch timestamps are read as milliseconds: if these are seconds, that is "
                    + BarCsvFormat.formatTime(time * 1000) + " (multiply by 1000)";
        }
        return "";
    }

    /** The timestamp was written as an epoch number, not as an ISO-8601 date or date-time. */
    private static boolean isEpochNumber(String text) {
        return EPOCH_NUMBER.matcher(text).matches();
    }

    private boolean opensABar(long time) {
        return grid == Timeframe.ONE_DAY ? opensADay(time) : grid.gridStart(time) == time;
    }

    /**
     * Refuses the file when more of its rows fall between the opens of {@link #grid}'s bars than on
     * them, or, from {@link #SHORTER_BARS_SEEN} such rows on, more than a third do: it holds shorter
     * bars (minutes given as 1Hour; half-hours, of which half fall on the hour), and those that fall
     * on an open are not bars of the timeframe either (an hour's first minute is no hour); stored,
     * they made a series of wrong bars that the import called imported. A stray row off the grid
     * stays a skipped row, also beside one or two good rows. Thrown at the end of the rows, so an
     * import writing in one transaction writes nothing.
     */
    private void refuseShorterBars() throws BarCsvException {
        if (offGrid > accepted || offGrid >= SHORTER_BARS_SEEN && offGrid * 2 > accepted) {
            long between = offGrid;
            offGrid = 0; // told once, should the caller read on
            throw new BarCsvException(name, firstOffGridLine, "this row and " + (between - 1) + " more open between "
                    + grid.label() + " bars, where " + (accepted == 0 ? "none opens" : accepted + (accepted == 1 ? " opens" : " open"))
                    + " on one: the file holds shorter bars; import it as their timeframe");
        }
    }

    /**
     * Refuses the file when more of its rows go back in time than forward: it is sorted newest first,
     * as many data vendors write, and only its first row could be read; an import stored that one bar
     * and skipped the rest, with exit 0. A few rows out of order (two files joined) stay skipped rows.
     * Thrown at the end of the rows, so an import writing in one transaction writes nothing.
     */
    private void refuseNewestFirst() throws BarCsvException {
        if (backwards > accepted) {
            long back = backwards;
            backwards = 0; // told once, should the caller read on
            throw new BarCsvException(name, firstBackwardsLine, "this row and " + (back - 1) + " more are not after the"
                    + " row before them, where " + accepted + (accepted == 1 ? " is" : " are") + ": the file is sorted newest first, or not by time;"
                    + " sort it by timestamp, oldest first");
        }
    }

    /**
     * Daily bars open at the start of a day: the exchange's (New York) day, as stock providers,
     * export and the chart date them, or the UTC day, as crypto exchanges do.
     */
    private static boolean opensADay(long time) {
        return time == Timeframe.ONE_DAY.gridStart(time) || opensANewYorkDay(time);
    }

    private static boolean opensANewYorkDay(long time) {
        return time == BarAggregator.dayStartOf(time, BarAggregator.NEW_YORK);
    }

    /** The next row that is not blank, or {@code null} at the end. */
    private String[] nextRow() throws IOException {
        try {
            while (rows.hasNextValue()) {
                String[] row = rows.nextValue();
                line = rows.getParser().currentTokenLocation().getLineNr();
                if (!(row.length == 0 || row.length == 1 && row[0].isBlank())) {
                    return row;
                }
            }
            return null;
        } catch (CharacterCodingException e) {
            throw notUtf8(name, file, line + 1, e);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof BarCsvException lineTooLong) {
                throw lineTooLong;
            }
            if (e.getCause() instanceof CharacterCodingException notText) {
                throw notUtf8(name, file, line + 1, notText);
            }
            String problem = String.valueOf(e.getOriginalMessage());
            if (problem.startsWith("Missing closing quote")) {
                // Found at the end of the file; the quote opened on the row after the last one read.
                throw new BarCsvException(name, line + 1, "not valid CSV: a quote opened on this line is never closed");
            }
            long at = e.getLocation() != null ? e.getLocation().getLineNr() : line + 1;
            throw new BarCsvException(name, at, "not valid CSV: " + problem);
        }
    }

    /**
     * The decoder and the parser read ahead, so at the failure the bad bytes are somewhere at or
     * after {@code line}; for a file, it is read again up to the first bad byte to name its line.
     */
    private static BarCsvException notUtf8(String name, Path file, long line, CharacterCodingException e) {
        long exact = file == null ? -1 : lineOfFirstNonUtf8Byte(file);
        if (exact > 0) {
            return new BarCsvException(name, exact, "not UTF-8 text (the first byte that is not is on this line)");
        }
        return new BarCsvException(name, line, "not UTF-8 text at or after this line");
    }

    /** The line (from 1) holding the first byte of {@code file} that is not UTF-8; -1 if none or unreadable. */
    static long lineOfFirstNonUtf8Byte(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(8192);
        CharBuffer chars = CharBuffer.allocate(8192);
        long line = 1;
        try (ReadableByteChannel in = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = in.read(bytes) < 0;
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    return line;
                }
                bytes.compact();
            }
            return -1;
        } catch (IOException unreadable) {
            return -1;
        }
    }

    /** Rows stored into chunks so far. */
    public long accepted() {
        return accepted;
    }

    /**
     * Accepted rows whose timestamp was a date-time without an offset, read in the zone of
     * {@link #localTimesIn} (UTC by default): the count, the first one's line and its text.
     */
    public LocalTimes localTimes() {
        return new LocalTimes(localTimes, firstLocalTimeLine, firstLocalTime, localZone);
    }

    /**
     * What {@link #localTimes()} found.
     *
     * @param rows      accepted rows dated without an offset
     * @param firstLine the line of the first of them (0 if none)
     * @param first     its timestamp as written (null if none)
     * @param zone      the zone they were read in
     */
    public record LocalTimes(long rows, long firstLine, String first, ZoneId zone) {
    }

    private void noteLocalTime(String timestamp) {
        if (BarCsvFormat.isLocalDateTime(timestamp) && localTimes++ == 0) {
            firstLocalTimeLine = line;
            firstLocalTime = timestamp;
        }
    }

    /** Rows reported and skipped so far. */
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
