package dev.tradedesk.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file chosen by the user could not be written, in words for a dialog: the JDK's exceptions
 * name only a path ({@code AccessDeniedException: /etc/chart.png}), and the temporary file a
 * replacement is written through is no name the user gave.
 */
public final class WriteFailures {

    private WriteFailures() {
    }

    /** "permission denied", "its folder takes no new files", "No space left on device", ... */
    public static String reason(IOException e, Path file) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            // A folder such as /proc is there but takes no new files, and says "no such file" too.
            Path folder = file.toAbsolutePath().getParent();
            return folder != null && Files.isDirectory(folder) ? "its folder takes no new files" : "no such folder";
        }
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
