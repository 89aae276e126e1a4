package dev.tradedesk.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a bar file cannot be used, in one line for the user. The command line's {@code import} and
 * {@code indicators} and the workstation's import read the same files and say this line, so a file
 * one of them refuses reads the same from the others.
 */
public final class UnusableInput {

    private UnusableInput() {
    }

    /** The reason {@code file} could not be opened or read as a bar CSV. */
    public static String reason(Path file, IOException e) {
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
