package dev.tradedesk.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the application's executors and owns them: every thread is named
 * {@code tradedesk-<role>[-n]}, logs what escapes it, and is stopped by {@link #close()}, which lets
 * queued work finish (up to a grace period) and then interrupts what is left.
 *
 * <p>Threads are non-daemon on purpose: a forgotten executor would keep the JVM alive, so the
 * shutdown test catches it instead of it silently losing work at exit. Thread-safe.
 */
public final class ManagedExecutors implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ManagedExecutors.class);
    public static final String THREAD_PREFIX = "tradedesk-";

    private final List<ExecutorService> owned = new CopyOnWriteArrayList<>();
    private final Duration gracePeriod;

    public ManagedExecutors(Duration gracePeriod) {
        this.gracePeriod = gracePeriod;
    }

    /** One thread, tasks run in submission order. */
    public ExecutorService singleThread(String role) {
        return own(Executors.newSingleThreadExecutor(threadFactory(role)));
    }

    /** {@code threads} threads sharing one queue, for independent short tasks such as HTTP requests. */
    public ExecutorService fixedPool(String role, int threads) {
        return own(Executors.newFixedThreadPool(threads, threadFactory(role)));
    }

    /**
     * Threads created on demand and retired after 60 s idle, for work that must never wait in a
     * queue, such as OkHttp's dispatcher.
     */
    public ExecutorService cachedPool(String role) {
        return own(Executors.newCachedThreadPool(threadFactory(role)));
    }

    /** One thread for delayed and periodic tasks. */
    public ScheduledExecutorService scheduled(String role) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threadFactory(role));
        // A delayed task (the next cycle, a back-off) must not hold up shutdown until it is due.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        return own(executor);
    }

    private <E extends ExecutorService> E own(E executor) {
        owned.add(executor);
        return executor;
    }

    @Override
    public void close() {
        owned.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + gracePeriod.toNanos();
        for (ExecutorService executor : owned) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!executor.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                    List<Runnable> dropped = executor.shutdownNow();
                    log.warn("Executor {} did not finish within {}; interrupted it, {} queued tasks dropped",
                            executor, gracePeriod, dropped.size());
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory threadFactory(String role) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            int n = count.incrementAndGet();
            Thread thread = new Thread(runnable, THREAD_PREFIX + role + (n == 1 ? "" : "-" + n));
            thread.setDaemon(false);
            thread.setUncaughtExceptionHandler((t, e) -> log.error("Uncaught exception in {}", t.getName(), e));
            return thread;
        };
    }
}
