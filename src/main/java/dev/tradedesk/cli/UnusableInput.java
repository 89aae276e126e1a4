package dev.tradedesk.cli;

import dev.tradedesk.store.BarCsvException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a bar file given with {@code --in} cannot be used, in one line for the user. {@code import}
 * and {@code indicators} read the same files and both exit 2 with this line, so a file one of them
 * refuses reads the same from the other.
 */
final class UnusableInput {

    private UnusableInput() {
    }

    /** The reason {@code file} could not be opened or read as a bar CSV. */
    static String reason(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + file;
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read " + file + ": permission denied";
        }
        if (e instanceof BarCsvException) {
            return e.getMessage();
        }
        return "cannot read " + file + ": " + e.getMessage();
    }
}
