package dev.tradedesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Standard output as the file of a command that streams a CSV there with {@code --out -}
 * ({@code export}, {@code indicators}): the command line's own output writer, which a
 * {@link PrintWriter} never lets fail. It fails here instead, with {@link Closed}, at the first
 * write after standard output stopped taking bytes, as it does when the reader of a pipe has
 * closed it ({@code | head -1}): the command stops there instead of computing rows nobody reads.
 * Closing it flushes, and leaves standard output open. Not thread-safe: the command's thread writes.
 */
final class StandardOutputWriter extends Writer {

    /** What {@code --out} names standard output with. */
    private static final String DASH = "-";

    private final PrintWriter out;

    StandardOutputWriter(PrintWriter out) {
        this.out = out;
    }

    /** Whether {@code --out} gave {@code -}, standard output; {@code ./-} names a file called "-". */
    static boolean isNamedBy(Path out) {
        return out.toString().equals(DASH);
    }

    /**
     * Standard output took no more: its reader closed the pipe (the usual end of {@code | head}), or a
     * write failed ({@link PrintWriter} keeps no reason to tell them apart).
     */
    static final class Closed extends IOException {
        Closed() {
            super("standard output was closed (its reader stopped reading) or could not be written");
        }
    }

    /**
     * Called with whole buffers of the CSV writers above it (some kilobytes each): each one is
     * pushed through to the descriptor, as {@link PrintWriter#checkError} flushes, and checked.
     */
    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        out.write(chars, offset, length);
        failIfClosed();
    }

    @Override
    public void flush() throws IOException {
        failIfClosed();
    }

    /** Flushes; standard output stays open for whatever the command prints after its CSV. */
    @Override
    public void close() throws IOException {
        flush();
    }

    private void failIfClosed() throws Closed {
        if (out.checkError()) {
            throw new Closed();
        }
    }
}
