package dev.tradedesk.store;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A data directory whose disk fills up on demand, without root or a small file system: the store
 * opens its database on H2's file system {@value #SCHEME}{@code :}, which passes every call to the
 * default one, except that writes under a full directory fail with
 * {@code IOException("No space left on device")}, as the kernel's ENOSPC reads in Java. Reads,
 * opening and locking keep working, as on a real full disk.
 *
 * <p>It is stricter than a real full disk, which still takes a write over blocks the file already
 * has (H2's store header, a chunk in reused space) and writes the part of a buffer that fits before
 * it fails: here every write fails whole. Filling a real 3 MB tmpfs gave the same outcomes in the
 * store (every acknowledged write kept, every refused one gone after the reopen).
 *
 * <p>Writes can also be held ({@link #holdWrites()}): H2 makes a commit visible to other connections
 * before it writes it to the file, and a held write keeps a test in between.
 *
 * <p>It also keeps count of the database file's writes not yet forced to the device
 * ({@code FileChannel.force}, an fsync), which an operating-system crash or a power cut would lose,
 * and can make forcing fail as on a device's I/O error ({@link #failForces()}).
 *
 * <p>Opening the database file can fail too ({@link #failOpens()}), as when the process has run
 * out of file descriptors: a file already open keeps working, but once H2 has closed its database
 * (a full disk) the store cannot reopen it, and refuses reads as well as writes until it can.
 *
 * <p>H2 registers file systems in a static table and creates their paths by reflection, so the
 * switch lives in a static map keyed by directory: each test's own directory is its own disk.
 *
 * <p>A database H2 shut down when the disk filled is never unregistered from H2's JVM-exit hook
 * ({@code Database.shutdownImmediately} marks it closing, and its close then returns early), and
 * unless it was garbage collected by then, the hook checkpoints it at exit, even with
 * {@code DB_CLOSE_ON_EXIT=FALSE}: the checkpoint fails on its dead store, and H2 traces "could not
 * close the database" into {@code history.trace.db}, making the test's directory again after JUnit
 * deleted it, a {@code junit-*} directory left in the temporary directory per such test. Once a disk
 * is closed and its directory gone, nothing of its tests remains to be told, so H2 makes no
 * directory and writes no file there any more.
 */
public final class FullDisk implements AutoCloseable {

    static final String SCHEME = "fulldisk";

    private static final Map<String, Disk> DISKS = new ConcurrentHashMap<>();
    /** The directories of closed disks: once they are deleted, H2 writes nothing there again. */
    private static final Set<String> CLOSED = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final Disk disk = new Disk();

    private record Disk(AtomicBoolean full, AtomicInteger databaseOpens, AtomicReference<Hold> hold,
            AtomicInteger writesNotForced, AtomicInteger forces, AtomicBoolean forcesFail, AtomicBoolean opensFail,
            Map<Thread, AtomicInteger> refusedOpens, AtomicReference<Runnable> lockRefused) {
        Disk() {
            this(new AtomicBoolean(), new AtomicInteger(), new AtomicReference<>(), new AtomicInteger(), new AtomicInteger(),
                    new AtomicBoolean(), new AtomicBoolean(), new ConcurrentHashMap<>(), new AtomicReference<>());
        }
    }

    /** Writes held until {@code released}; {@code reached} opens when the first of them arrives. */
    private record Hold(CountDownLatch reached, CountDownLatch released) {
        Hold() {
            this(new CountDownLatch(1), new CountDownLatch(1));
        }
    }

    private static final long HOLD_PATIENCE_SECONDS = 20;

    public FullDisk(Path directory) {
        FilePath.register(new FullDiskPath());
        this.directory = directory.toAbsolutePath().normalize();
        DISKS.put(this.directory.toString(), disk);
        CLOSED.remove(this.directory.toString());
    }

    /** Opens a store in the directory, as {@link HistoryStore#open} does, on this disk. */
    public HistoryStore open(StoreOptions options) {
        if (!options.directory().startsWith(directory)) {
            throw new IllegalArgumentException(options.directory() + " is not on the disk " + directory);
        }
        return HistoryStore.open(options, SCHEME + ":");
    }

    /** From now on every write fails as on a full disk. */
    public void fill() {
        disk.full.set(true);
    }

    /** Space was freed: writes work again. */
    public void free() {
        disk.full.set(false);
    }

    /** From now on every write waits, before it is tried, until {@link #releaseWrites()}. */
    public void holdWrites() {
        disk.hold.set(new Hold());
    }

    /**
     * Waits until a write is held: the thread writing is inside H2's file write, after what it
     * commits became visible to other connections.
     */
    public void awaitHeldWrite() throws InterruptedException {
        Hold hold = disk.hold.get();
        if (hold == null || !hold.reached.await(HOLD_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no write was held within " + HOLD_PATIENCE_SECONDS + " s");
        }
    }

    /** Lets held writes go on, to fail if the disk is full by then; later writes are not held. */
    public void releaseWrites() {
        Hold hold = disk.hold.getAndSet(null);
        if (hold != null) {
            hold.released.countDown();
        }
    }

    /**
     * Writes to the database file since it was last forced to the device: 0 when everything written
     * would survive a power cut.
     */
    public int writesNotForced() {
        return disk.writesNotForced.get();
    }

    /** How often the database file was forced to the device. */
    public int forces() {
        return disk.forces.get();
    }

    /** From now on forcing the database file to the device fails, as on a device's I/O error. */
    public void failForces() {
        disk.forcesFail.set(true);
    }

    /**
     * From now on opening the database file fails ({@code IOException: Too many open files}, as the
     * kernel's EMFILE reads in Java); the store's open connections are not affected.
     */
    public void failOpens() {
        disk.opensFail.set(true);
    }

    /** The database file opens again. */
    public void allowOpens() {
        disk.opensFail.set(false);
    }

    /**
     * From now on the database file's lock is refused, as while the database H2 closed still holds
     * it, and {@code whenRefused} runs first, on the thread asking for the lock: a test acts there
     * while a reopen waits for the closed database to let go.
     */
    public void refuseLocks(Runnable whenRefused) {
        disk.lockRefused.set(whenRefused);
    }

    /** The database file's lock is granted again, when free. */
    public void allowLocks() {
        disk.lockRefused.set(null);
    }

    /** How often the database file was opened: once when the store opened, once more per reopen. */
    public int databaseOpens() {
        return disk.databaseOpens.get();
    }

    /**
     * How often {@code thread} tried to open the database file and failed ({@link #failOpens()}).
     * Per thread, for the pool's own thread also tries, when it likes, to add connections.
     */
    public int refusedOpensBy(Thread thread) {
        AtomicInteger refused = disk.refusedOpens.get(thread);
        return refused == null ? 0 : refused.get();
    }

    /**
     * Forgets the disk; its directory is an ordinary one again, until it is deleted: then H2 does
     * not make it again to trace the databases it shut down on this disk.
     */
    @Override
    public void close() {
        DISKS.remove(directory.toString(), disk);
        CLOSED.add(directory.toString());
    }

    /**
     * Whether {@code path} is in the directory of a closed disk, which is gone, or on the way to it
     * (a test's directory holding the disk's, deleted with it).
     */
    private static boolean inDeletedDirectory(String path) {
        for (String closed : CLOSED) {
            boolean onTheWay = path.equals(closed) || path.startsWith(closed + File.separator)
                    || closed.startsWith(path + File.separator);
            if (onTheWay && !Files.exists(Path.of(closed))) {
                return true;
            }
        }
        return false;
    }

    private static Disk diskOf(String file) {
        for (Map.Entry<String, Disk> entry : DISKS.entrySet()) {
            if (file.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** H2's view of the file system; public with a no-argument constructor because H2 makes its paths by reflection. */
    public static final class FullDiskPath extends FilePathWrapper {

        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            String file = getBase().toString();
            Disk disk = diskOf(file);
            boolean databaseFile = file.endsWith(".mv.db");
            if (disk != null && databaseFile) {
                if (disk.opensFail.get()) {
                    disk.refusedOpens.computeIfAbsent(Thread.currentThread(), thread -> new AtomicInteger()).incrementAndGet();
                    throw new IOException("Too many open files");
                }
                disk.databaseOpens.incrementAndGet();
            }
            return new FullDiskChannel(getBase().open(mode), disk, databaseFile);
        }

        @Override
        public void createDirectory() {
            if (!inDeletedDirectory(getBase().toString())) {
                super.createDirectory();
            }
        }

        @Override
        public OutputStream newOutputStream(boolean append) throws IOException {
            if (inDeletedDirectory(getBase().toString())) {
                return OutputStream.nullOutputStream();
            }
            return super.newOutputStream(append);
        }
    }

    private static final class FullDiskChannel extends FileBase {

        private final FileChannel base;
        private final Disk disk;
        private final boolean databaseFile;

        FullDiskChannel(FileChannel base, Disk disk, boolean databaseFile) {
            this.base = base;
            this.disk = disk;
            this.databaseFile = databaseFile;
        }

        private void written() {
            if (disk != null && databaseFile) {
                disk.writesNotForced.incrementAndGet();
            }
        }

        private void beforeWrite() throws IOException {
            if (disk == null) {
                return;
            }
            Hold hold = disk.hold.get();
            if (hold != null) {
                hold.reached.countDown();
                try {
                    if (!hold.released.await(HOLD_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                        throw new IOException("a held write was not released within " + HOLD_PATIENCE_SECONDS + " s");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while held", e);
                }
            }
            if (disk.full.get()) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            beforeWrite();
            int written = base.write(source);
            written();
            return written;
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            beforeWrite();
            int written = base.write(source, position);
            written();
            return written;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            return base.read(target);
        }

        @Override
        public int read(ByteBuffer target, long position) throws IOException {
            return base.read(target, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long position) throws IOException {
            base.position(position);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (disk != null && databaseFile && disk.forcesFail.get()) {
                throw new IOException("Input/output error");
            }
            base.force(metaData);
            if (disk != null && databaseFile) {
                disk.forces.incrementAndGet();
                disk.writesNotForced.set(0);
            }
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            Runnable lockRefused = disk != null && databaseFile ? disk.lockRefused.get() : null;
            if (lockRefused != null) {
                lockRefused.run();
                return null;
            }
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
