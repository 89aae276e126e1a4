package dev.tradedesk.app;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves settings off the calling thread (the JavaFX thread must never wait on the disk). Rapid
 * changes coalesce: only the newest pending value is written. Writes nothing when saving is
 * disabled, which is the case while the settings file on disk is broken.
 *
 * <p>Thread-safe; writes run one at a time on the given single-thread executor.
 */
public final class SettingsWriter {

    private static final Logger log = LoggerFactory.getLogger(SettingsWriter.class);

    private final SettingsStore store;
    private final ExecutorService executor;
    private final boolean enabled;
    private final AtomicReference<Settings> pending = new AtomicReference<>();

    public SettingsWriter(SettingsStore store, ExecutorService executor, boolean enabled) {
        this.store = store;
        this.executor = executor;
        this.enabled = enabled;
    }

    public void submit(Settings settings) {
        if (!enabled) {
            log.warn("Settings change not saved: fix the settings file {} first", store.file());
            return;
        }
        if (pending.getAndSet(settings) == null) {
            try {
                executor.execute(this::writePending);
            } catch (RejectedExecutionException shuttingDown) {
                log.warn("Settings change not saved: the application is shutting down");
            }
        }
    }

    private void writePending() {
        Settings latest = pending.getAndSet(null);
        if (latest == null) {
            return;
        }
        try {
            store.save(latest);
        } catch (IOException | RuntimeException e) {
            log.error("Could not save settings to {}: {}", store.file(), e.toString());
        }
    }
}
