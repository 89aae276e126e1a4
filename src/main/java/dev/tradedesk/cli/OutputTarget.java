package dev.tradedesk.cli;

import dev.tradedesk.app.AppPaths;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The file a command writes its output to, checked before any work. Outputs are written beside
 * the target and renamed over it, which would replace whatever the name points to: a symbolic
 * link is therefore followed to its file (the link stays), and anything that is not a regular
 * file (a directory, a device such as {@code /dev/full}, a pipe) is refused rather than replaced.
 * So are TradeDesk's own files: an export written over the history database replaced years of
 * bars with a CSV, and an indicators run over the settings file replaced the settings.
 */
final class OutputTarget {

    private OutputTarget() {
    }

    /** Thrown with a message for the user ("cannot write X: ..."). */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * @return the absolute path to write: {@code out} itself, or the file a link at {@code out}
     *         points to
     * @param own where this run's settings and data are, none of which an output may replace
     * @throws Refused if {@code out} is not a regular file or a link to one, its folder is missing,
     *                 or it is one of TradeDesk's own files
     */
    static Path resolve(Path out, AppPaths own) throws Refused {
        if (out.toString().isBlank()) {
            throw new Refused("no output file given: the file name is empty"); // "" would be the current folder
        }
        Path target = out.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath();
            } catch (IOException dangling) {
                throw new Refused("cannot write " + out + ": it is a link to a missing file");
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused("cannot write " + out + ": " + (Files.isDirectory(target) ? "it is a directory"
                    : "it is not a regular file (a device or a pipe?); give a file name"));
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new Refused("cannot write " + out + ": no such folder " + target.getParent());
        }
        String owner = ownerOf(realPathOf(target), own);
        if (owner != null) {
            throw new Refused("cannot write " + out + ": it is " + owner + "; give another file");
        }
        return target;
    }

    /**
     * Whose file {@code file} (a real path) is, if TradeDesk's: the settings, the workspace beside
     * them, H2's files in the data dir (database, trace, lock), the logs and the simulated
     * exchange's history folder. Other files in the data dir are the user's.
     */
    private static String ownerOf(Path file, AppPaths own) {
        Path settings = realPathOf(own.settingsFile());
        if (file.equals(settings)) {
            return "TradeDesk's settings file";
        }
        if (file.equals(realPathOf(own.workspaceFile()))) {
            return "TradeDesk's workspace file";
        }
        if (file.startsWith(realPathOf(own.logDir()))) {
            return "in TradeDesk's log folder " + own.logDir();
        }
        if (file.startsWith(realPathOf(own.simulatedHistoryDir()))) {
            return "in the simulated exchange's history folder " + own.simulatedHistoryDir();
        }
        if (file.getParent().equals(realPathOf(own.dataDir())) && file.getFileName().toString().endsWith(".db")) {
            return "a file of TradeDesk's history database in " + own.dataDir();
        }
        return null;
    }

    /** The path with its links resolved as far as it exists: a file not made yet, in its folder's real path. */
    private static Path realPathOf(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException notThere) {
            Path parent = absolute.getParent();
            return parent == null ? absolute : realPathOf(parent).resolve(absolute.getFileName());
        }
    }

    /**
     * Gives {@code replacement} the POSIX permissions of {@code target} if it exists, so that
     * replacing a file the user made private does not make it readable by others.
     */
    static void keepPermissions(Path target, Path replacement) throws IOException {
        if (!Files.exists(target) || Files.getFileAttributeView(target, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
        Files.setPosixFilePermissions(replacement, permissions);
    }

    /** The reason an I/O operation failed, without the JDK's bare file names. */
    static String reason(IOException e) {
        // Outputs are written to a new file beside the target first: a folder that refuses it (such as
        // /proc, which says "no such file", or /sys, "permission denied") is what to name, not that file.
        Path file = e instanceof FileSystemException failed && failed.getFile() != null ? Path.of(failed.getFile()) : null;
        Path folder = file == null ? null : file.toAbsolutePath().getParent();
        boolean refusedNewFile = file != null && !Files.exists(file, LinkOption.NOFOLLOW_LINKS) && folder != null
                && Files.isDirectory(folder);
        if (e instanceof NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
            if (refusedNewFile) {
                return "its folder " + folder + " takes no new files" + (e instanceof NoSuchFileException ? "" : " (permission denied)");
            }
            return e instanceof NoSuchFileException ? "no such file or directory " + file : "permission denied (" + file + ")";
        }
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getReason() + " (" + failed.getFile() + ")";
        }
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
