package dev.tradedesk.store;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes text through unchanged but fails with {@link BarCsvException} as soon as one physical
 * line (ended by LF, CR or CRLF) grows past a limit, so that a file without line breaks (a binary
 * file, a runaway quote on one line) is refused after a bounded read instead of being buffered
 * whole by the CSV parser. Not thread-safe.
 */
final class LineLimitedReader extends FilterReader {

    private final String name;
    private final int maxLineChars;
    private long line = 1;
    private int lineChars;

    LineLimitedReader(Reader in, String name, int maxLineChars) {
        super(in);
        this.name = name;
        this.maxLineChars = maxLineChars;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            count(buffer[i]);
        }
        return read;
    }

    /** Skipping would bypass the count; the CSV parser never skips. */
    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(char c) throws BarCsvException {
        if (c == '\n' || c == '\r') {
            if (c == '\n') {
                line++;
            }
            lineChars = 0;
        } else if (++lineChars > maxLineChars) {
            throw new BarCsvException(name, line, "the line is longer than " + maxLineChars
                    + " characters; a bar CSV row is far shorter, so this is not a bar CSV");
        }
    }
}
