package dev.tradedesk.cli;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the temporary outputs ({@link TemporaryOutputName}) that earlier runs into the same
 * target left behind because they were killed (kill -9, a crash, a power cut) before their own
 * shutdown hook or close could delete them. A file is removed only if its name is exactly one of
 * that target's temporary names, the process its name holds no longer runs, and it is a regular
 * file: a symbolic link, a folder or any other name is left alone, and no link is followed. What
 * was removed, or could not be, is said in one log line each, not on the console: stdout carries
 * the command's result and stderr its failures, and this is neither. Stateless and thread-safe.
 */
final class KilledRunLeftovers {

    private KilledRunLeftovers() {
    }

    /**
     * Removes what killed runs left beside {@code target}. Never fails: a folder that cannot be
     * listed or a file that cannot be removed (another user's, in /tmp) stays as it is.
     */
    static void removeBeside(Path target) {
        Logger log = LoggerFactory.getLogger(KilledRunLeftovers.class);
        String name = target.getFileName().toString();
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.toAbsolutePath().getParent())) {
            for (Path file : files) {
                TemporaryOutputName.parse(file.getFileName().toString(), name)
                        .ifPresent(leftOver -> removeIfItsRunEnded(file, leftOver, removed, kept));
            }
        } catch (IOException e) {
            logCannotLook(log, target, e);
        } catch (DirectoryIteratorException e) {
            logCannotLook(log, target, e.getCause());
        }
        if (!removed.isEmpty()) {
            log.info("Removed {} beside {} that killed runs left behind: {}", Counted.of(removed.size(), "temporary file"),
                    target, String.join(", ", removed));
        }
        if (!kept.isEmpty()) {
            log.info("Could not remove {} that killed runs left beside {}: {}",
                    Counted.of(kept.size(), "temporary file"), target, String.join(", ", kept));
        }
    }

    private static void removeIfItsRunEnded(Path file, TemporaryOutputName leftOver, List<String> removed,
            List<String> kept) {
        if (stillRuns(leftOver.pid())) {
            return;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return;
            }
            // Between the check and the delete the file could become a link: deleting a link never follows it.
            Files.delete(file);
            removed.add(file.getFileName().toString());
        } catch (NoSuchFileException gone) {
            // Removed by another run meanwhile: nothing left to do.
        } catch (IOException e) {
            kept.add(file.getFileName() + " (" + OutputTarget.reason(e) + ")");
        }
    }

    private static void logCannotLook(Logger log, Path target, IOException e) {
        log.info("Could not look for temporary files that killed runs left beside {}: {}", target, OutputTarget.reason(e));
    }

    /**
     * Whether the process is alive; a pid taken by a new process since is taken for the writer, so the
     * file stays until that process ends.
     */
    private static boolean stillRuns(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
