package dev.tradedesk.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One workstation window at a time per settings file. Two windows on one settings file each saved
 * the watchlist and the layout as they had them, over the other's: a symbol added in one was gone
 * once the other saved, without a word. The lock is the operating system's on a file beside the
 * settings ({@code settings.json.lock}), so a window ended by kill -9 or a crash holds it no more;
 * the file itself stays, empty. Held until {@link #close}.
 */
public final class WorkstationLock implements AutoCloseable {

    private final FileChannel channel; // null: no lock
    private final FileLock lock;

    private WorkstationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** No lock: for a workstation whose settings' folder cannot hold the lock file. */
    public static WorkstationLock none() {
        return new WorkstationLock(null, null);
    }

    /** The lock file of the workstation using {@code settingsFile}. */
    public static Path fileFor(Path settingsFile) {
        Path absolute = settingsFile.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock for {@code settingsFile}; empty if another workstation holds it, in this
     * process or another.
     *
     * @throws IOException if the lock file cannot be created or locked (a read-only folder)
     */
    public static Optional<WorkstationLock> tryTake(Path settingsFile) throws IOException {
        Path file = fileFor(settingsFile);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new WorkstationLock(channel, lock));
            }
        } catch (OverlappingFileLockException heldInThisProcess) {
            // A second window of this JVM (tests): the operating system's lock is per process.
        } catch (IOException | RuntimeException failed) {
            channel.close();
            throw failed;
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        if (channel == null) {
            return;
        }
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
