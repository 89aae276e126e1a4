package dev.tradedesk.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output under the command line's {@link java.io.PrintWriter}, which swallows every failed
 * write and keeps no reason: this keeps the first, so that a command whose printed lines were lost
 * ({@code record}'s summary, {@code gaps}' ranges under {@code > /dev/full}) does not end with exit 0
 * as if they had been written. Not thread-safe: the command's thread prints.
 */
final class PrintedOutput extends OutputStream {

    private final OutputStream out;
    private IOException failure;

    PrintedOutput(OutputStream out) {
        this.out = out;
    }

    /** The first write's failure, or {@code null} if every write went through. */
    IOException failure() {
        return failure;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw kept(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw kept(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw kept(e);
        }
    }

    /** Standard output stays open for the process: nothing to close. */
    @Override
    public void close() throws IOException {
        flush();
    }

    private IOException kept(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
