package dev.tradedesk.cli;

import dev.tradedesk.app.AppPaths;
import dev.tradedesk.app.AtomicFiles;
import dev.tradedesk.core.Spaces;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * The file a command writes its output to, checked before any work. Outputs are written beside
 * the target and renamed over it, which would replace whatever the name points to: a symbolic
 * link is therefore followed to its file (the link stays), and anything that is not a regular
 * file (a directory, a device such as {@code /dev/full}, a pipe, an open descriptor such as
 * {@code /dev/stdout}) is refused rather than replaced.
 * So are TradeDesk's own files: an export written over the history database replaced years of
 * bars with a CSV, and an indicators run over the settings file replaced the settings. The file
 * written beside the target is a {@link Temporary}, made by {@link #temporaryBeside}.
 */
final class OutputTarget {

    /** Linux's own limit on the links one lookup follows (MAXSYMLINKS). */
    private static final int MAX_LINKS_FOLLOWED = 40;

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
        return resolve(out, own, "give a file name");
    }

    /**
     * As {@link #resolve(Path, AppPaths)}, for a command that also streams its CSV to standard output
     * with {@code --out -} ({@link StandardOutputWriter}), which the refusal of a descriptor such as
     * {@code /dev/stdout} then points to: that is what such a path was meant for.
     */
    static Path resolveCsv(Path out, AppPaths own) throws Refused {
        return resolve(out, own, "give a file name, or --out - to write to standard output");
    }

    private static Path resolve(Path out, AppPaths own, String descriptorAdvice) throws Refused {
        if (Spaces.isBlank(out.toString())) {
            throw new Refused("no output file given: the file name is empty"); // "" would be the current folder
        }
        Path target = out.toAbsolutePath();
        if (leadsToADescriptor(target)) {
            throw new Refused("cannot write " + out + ": it is an open file descriptor (such as standard output), not a"
                    + " file; the output is moved over the file it names, which would replace the file the descriptor"
                    + " writes to; " + descriptorAdvice);
        }
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
        Optional<String> owner = own.ownerOf(target);
        if (owner.isPresent()) {
            throw new Refused("cannot write " + out + ": it is " + owner.get() + "; give another file");
        }
        return target;
    }

    /**
     * Whether the links at {@code path} pass through a process's open file descriptor: {@code /dev/stdout},
     * {@code /dev/fd/N} or {@code /proc/self/fd/N}. Followed, such a link names the file the descriptor
     * is open on (or a pipe), and a move over that file replaced what the shell had redirected into it:
     * {@code export --out /dev/stdout >> log} left only the CSV in the log, and every later line the
     * script wrote into it went to the replaced file, deleted.
     */
    private static boolean leadsToADescriptor(Path path) {
        Path hop = path;
        for (int links = 0; links < MAX_LINKS_FOLLOWED && Files.isSymbolicLink(hop); links++) {
            Path folder = AppPaths.realPathOf(hop.getParent());
            if (folder.startsWith("/proc") && folder.getFileName() != null && folder.getFileName().toString().equals("fd")) {
                return true;
            }
            try {
                hop = hop.getParent().resolve(Files.readSymbolicLink(hop));
            } catch (IOException unreadable) {
                return false; // resolve says what is wrong with it
            }
        }
        return false;
    }

    /**
     * A new file beside {@code target} to write the output into, then {@link Temporary#moveOver
     * move over} the target. Its name is hidden and this run's own ({@code .NAME.<pid>.<nanoTime>.tmp})
     * and it is created with {@code CREATE_NEW}, so a file or a symbolic link already at that name
     * is never followed, truncated or deleted: in a shared folder such as /tmp, another user's link
     * at a fixed name would have made the output overwrite the file it points to. It is created like
     * any new file (the user's umask), not with createTempFile's owner-only permissions; the move
     * gives it the target's. Until it is moved or deleted, a shutdown hook deletes it, so a run
     * ended by Ctrl-C or SIGTERM (the JVM runs its hooks then) leaves it behind no more than a
     * failed run does; a kill -9, a crash or a power cut does leave it, and the next run into the
     * same target removes it first ({@link KilledRunLeftovers}).
     *
     * @throws IOException if the folder takes no new file, a file is already at that name, or the
     *                     JVM is ending (its hooks already running: none could delete the file, so
     *                     it is deleted at once)
     */
    static Temporary temporaryBeside(Path target) throws IOException {
        KilledRunLeftovers.removeBeside(target);
        Path path = target.resolveSibling(TemporaryOutputName.ofThisRun(target.getFileName().toString()).fileName());
        BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try {
            return new Temporary(path, writer);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C or SIGTERM came before: this thread runs on while the JVM's hooks run, and takes no new one.
            IOException ending = new IOException("not written: TradeDesk is shutting down (Ctrl-C or SIGTERM)", shuttingDown);
            try {
                writer.close();
            } catch (IOException e) {
                ending.addSuppressed(e);
            }
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                ending.addSuppressed(e);
            }
            throw ending;
        }
    }

    /**
     * An output's temporary file, made by this run and open for writing; closing it deletes it
     * unless it was moved over its target. Not thread-safe: the command's thread writes, moves and
     * closes it; the shutdown hook, on its own thread, only deletes the file (a file moved over its
     * target is no longer there to delete, and a move after the delete fails).
     */
    static final class Temporary implements AutoCloseable {

        private final Path path;
        private final BufferedWriter writer;
        private final Thread deleteAtExit;
        private boolean moved;

        private Temporary(Path path, BufferedWriter writer) {
            this.path = path;
            this.writer = writer;
            this.deleteAtExit = new Thread(this::deleteAtExit, "tradedesk-temporary-output");
            Runtime.getRuntime().addShutdownHook(deleteAtExit);
        }

        /** The file's writer; closing it is optional, {@link #moveOver} and {@link #close} do. */
        BufferedWriter writer() {
            return writer;
        }

        /** Closes the writer and renames the file over {@code target}, with the target's permissions. */
        void moveOver(Path target) throws IOException {
            writer.close();
            keepPermissions(target, path);
            AtomicFiles.moveOver(path, target);
            moved = true;
            forgetAtExit();
        }

        /**
         * Closes the writer and deletes the file if it was not moved. A file that could not be
         * deleted is tried again at exit.
         */
        @Override
        public void close() throws IOException {
            try {
                writer.close();
            } finally {
                if (!moved) {
                    Files.deleteIfExists(path);
                }
                forgetAtExit();
            }
        }

        private void forgetAtExit() {
            ShutdownHooks.remove(deleteAtExit); // the JVM ending: the hook is deleting the file, or has
        }

        private void deleteAtExit() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Nobody to tell: the JVM is ending, and the file stays as after a crash.
            }
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
