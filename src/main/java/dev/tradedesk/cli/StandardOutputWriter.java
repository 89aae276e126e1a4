package dev.tradedesk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * Standard output as the file of a command that streams a CSV there with {@code --out -}
 * ({@code export}, {@code indicators}). It writes to the raw standard-output stream, not to the
 * command line's {@link PrintWriter}, which swallows every failure and keeps no reason: a reader
 * that closed the pipe ({@code | head -1}) and a full disk under {@code > file.csv} looked the same,
 * and both ended quietly with exit 0, the second with a truncated file. The first write that
 * fails throws {@link Closed} if the reader of a pipe has gone (the command stops there instead of
 * computing rows nobody reads, and ends quietly), and {@link Failed}, with the reason, for any other
 * failure (no space left on device, an I/O error), which the command reports. Every later write
 * throws the same again without trying. Closing it flushes, and leaves standard output open. Not
 * thread-safe: the command's thread writes.
 */
final class StandardOutputWriter extends Writer {

    /** What {@code --out} names standard output with. */
    private static final String DASH = "-";

    /**
     * What the JVM says of a write into a pipe whose reader has gone (EPIPE): {@code strerror}'s text
     * on Linux and macOS, FormatMessage's for ERROR_NO_DATA on Windows, both in English. The JVM keeps
     * no errno, and the text follows the locale, so {@link #isClosedPipe} also compares with the text
     * this very JVM gives to such a write.
     */
    private static final Set<String> CLOSED_PIPE = Set.of("Broken pipe", "The pipe is being closed");

    private final Writer out;
    /** The failure of the first write that failed, or null. */
    private IOException failure;
    private boolean closedPipe;

    /**
     * @param printed the command line's writer to standard output, flushed first so that what the
     *                command printed there comes before the CSV
     * @param standardOutput the raw standard-output stream, which it never closes
     */
    StandardOutputWriter(PrintWriter printed, OutputStream standardOutput) {
        printed.flush();
        this.out = new OutputStreamWriter(standardOutput, StandardCharsets.UTF_8);
    }

    /** Whether {@code --out} gave {@code -}, standard output; {@code ./-} names a file called "-". */
    static boolean isNamedBy(Path out) {
        return out.toString().equals(DASH);
    }

    /** Standard output took no more because its reader closed the pipe: the usual end of {@code | head}. */
    static final class Closed extends IOException {
        Closed(IOException cause) {
            super("standard output was closed: its reader stopped reading (" + cause.getMessage() + ")", cause);
        }
    }

    /** Standard output could not be written for another reason (a full disk): what was written there is cut short. */
    static final class Failed extends IOException {
        Failed(IOException cause) {
            super("cannot write to standard output: " + OutputTarget.reason(cause)
                    + "; what was written there stops part-way", cause);
        }
    }

    /**
     * Called with whole buffers of the CSV writers above it (some kilobytes each): each one is
     * pushed through to the descriptor, so that a failure is met at the buffer that met it.
     */
    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        failIfFailedBefore();
        try {
            out.write(chars, offset, length);
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        failIfFailedBefore();
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Flushes; standard output stays open for whatever the command prints after its CSV. */
    @Override
    public void close() throws IOException {
        flush();
    }

    private void failIfFailedBefore() throws IOException {
        if (failure != null) {
            throw told(failure); // a new one: a try-with-resources adds the close's failure to the first
        }
    }

    private IOException failed(IOException e) {
        failure = e;
        closedPipe = isClosedPipe(e);
        return told(e);
    }

    private IOException told(IOException failure) {
        return closedPipe ? new Closed(failure) : new Failed(failure);
    }

    /**
     * Whether {@code e} is a write into a pipe whose reader has gone. Told by its message, the only
     * trace of EPIPE the JVM keeps: one of {@link #CLOSED_PIPE}, or the one a write into a pipe
     * closed at its other end gets here, in this JVM's locale (measured only when a write failed).
     */
    static boolean isClosedPipe(IOException e) {
        String message = e.getMessage();
        return message != null && (CLOSED_PIPE.contains(message) || message.equals(closedPipeMessage()));
    }

    private static String closedPipeMessage() {
        Pipe pipe;
        try {
            pipe = Pipe.open();
            pipe.source().close();
        } catch (IOException noPipe) {
            return null; // nothing measured: the known messages decide
        }
        try (Pipe.SinkChannel sink = pipe.sink()) {
            sink.write(ByteBuffer.wrap(new byte[] {'\n'}));
            return null;
        } catch (IOException closedPipe) {
            return closedPipe.getMessage();
        }
    }
}
