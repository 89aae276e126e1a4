package dev.tradedesk.store;

import dev.tradedesk.core.PrintableText;
import java.io.IOException;

/**
 * A bar CSV that cannot be read as such: a wrong or missing header, a broken quote, text that is
 * not UTF-8. The message names the file and the line. Rows that are merely bad bars are not
 * this: they are reported and skipped.
 */
public final class BarCsvException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param problem may quote the file's text (the header found): written printable, so that an
     *                escape sequence in the file acts neither on the terminal nor in the log
     */
    public BarCsvException(String source, long line, String problem) {
        super(PrintableText.of(source + ", line " + line + ": " + problem, BarCsvSource.MAX_PROBLEM_CHARS));
    }
}
