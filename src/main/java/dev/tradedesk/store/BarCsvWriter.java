package dev.tradedesk.store;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tradedesk.core.BarColumns;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes bars as a bar CSV ({@link BarCsvFormat}) with Jackson's CSV generator: the header at
 * once, then one row per bar, timestamps as ISO-8601 UTC. What it writes reads back through
 * {@link BarCsvSource} as the same bars. Not thread-safe.
 */
public final class BarCsvWriter implements Closeable {

    private final CsvGenerator generator;
    private long written;

    /** Starts the CSV on {@code out} (which it closes) with the header line. */
    public BarCsvWriter(Writer out) throws IOException {
        CsvSchema.Builder columns = CsvSchema.builder();
        for (String column : BarCsvFormat.HEADER) {
            columns.addColumn(column);
        }
        this.generator = BarCsvFormat.csvWriters().createGenerator(out);
        generator.setSchema(columns.build().withLineSeparator("\n"));
        generator.writeStartArray();
        for (String column : BarCsvFormat.HEADER) {
            generator.writeString(column);
        }
        generator.writeEndArray();
    }

    /** Appends every bar of {@code bars}. */
    public void write(BarColumns bars) throws IOException {
        for (int i = 0; i < bars.size(); i++) {
            generator.writeStartArray();
            generator.writeString(BarCsvFormat.formatTime(bars.time(i)));
            generator.writeNumber(BarCsvFormat.formatNumber(bars.open(i)));
            generator.writeNumber(BarCsvFormat.formatNumber(bars.high(i)));
            generator.writeNumber(BarCsvFormat.formatNumber(bars.low(i)));
            generator.writeNumber(BarCsvFormat.formatNumber(bars.close(i)));
            generator.writeNumber(BarCsvFormat.formatNumber(bars.volume(i)));
            generator.writeEndArray();
        }
        written += bars.size();
    }

    /** Bars written so far. */
    public long written() {
        return written;
    }

    /** Flushes and closes the output. */
    @Override
    public void close() throws IOException {
        generator.close();
    }
}
