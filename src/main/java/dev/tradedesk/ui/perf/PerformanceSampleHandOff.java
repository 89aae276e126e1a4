package dev.tradedesk.ui.perf;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Brings samples from the sampler's thread to the JavaFX thread without blocking either: the
 * sampler {@link #offer}s, and at most one drain task is queued on the JavaFX executor at a time,
 * which passes the newest sample on. If the JavaFX thread falls behind, older undelivered samples
 * are replaced by newer ones (the chart then shows a longer step), never queued up.
 *
 * <p>Usage: {@code new PerformanceSampleHandOff(Platform::runLater, model::accept)}; the sampler
 * calls {@link #offer} once per second. Thread-safe: any thread may offer.
 */
public final class PerformanceSampleHandOff {

    private final Executor fxExecutor;
    private final Consumer<PerformanceSample> consumer;
    private final AtomicReference<PerformanceSample> pending = new AtomicReference<>();
    private final Runnable drain = this::drain;

    /**
     * @param fxExecutor runs tasks on the thread that owns {@code consumer}: {@code Platform::runLater}
     * @param consumer   gets each delivered sample on that thread, e.g. {@code model::accept}
     */
    public PerformanceSampleHandOff(Executor fxExecutor, Consumer<PerformanceSample> consumer) {
        this.fxExecutor = Objects.requireNonNull(fxExecutor);
        this.consumer = Objects.requireNonNull(consumer);
    }

    /** Hands {@code sample} over; returns at once. */
    public void offer(PerformanceSample sample) {
        if (pending.getAndSet(Objects.requireNonNull(sample)) == null) {
            fxExecutor.execute(drain);
        }
    }

    private void drain() {
        PerformanceSample sample = pending.getAndSet(null);
        if (sample != null) {
            consumer.accept(sample);
        }
    }
}
