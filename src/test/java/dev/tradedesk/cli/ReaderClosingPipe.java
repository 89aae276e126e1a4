package dev.tradedesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output piped into a reader that stops after its first {@code limit} bytes, as
 * {@code | head -c} does: every write after that fails as a write into a closed pipe fails (EPIPE,
 * which the JVM reports as an IOException "Broken pipe"), and is counted.
 */
final class ReaderClosingPipe extends OutputStream {

    private final int limit;
    private final ByteArrayOutputStream read = new ByteArrayOutputStream();
    private int refusedWrites;

    ReaderClosingPipe(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int taken = Math.min(length, limit - read.size());
        read.write(bytes, offset, taken);
        if (taken < length) {
            refusedWrites++;
            throw new IOException("Broken pipe");
        }
    }

    /** What the reader read before it closed the pipe. */
    String read() {
        return read.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes that met the closed pipe: a writer that stops at the first makes a few more, the flushes
     * of its closing, where one that wrote on would make one for every buffer it had left to write.
     */
    int refusedWrites() {
        return refusedWrites;
    }
}
