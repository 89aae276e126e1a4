package dev.tradedesk.ui.workstation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What only the JavaFX thread can measure: the time between pulses (frame time and frame rate) and
 * the time from a provider response arriving to the frame that shows it. Recorded wait-free on the
 * JavaFX thread; read as interval histograms by one sampler thread. Thread-safe in that sense.
 */
public final class UiMetrics {

    private static final long HIGHEST = TimeUnit.MINUTES.toNanos(10);

    private final Recorder frameIntervals = new Recorder(HIGHEST, 3);
    private final Recorder tickToScreen = new Recorder(HIGHEST, 3);
    private final Recorder applyWork = new Recorder(HIGHEST, 3);
    private final Recorder pulseWait = new Recorder(HIGHEST, 3);
    private final Recorder pulseWork = new Recorder(HIGHEST, 3);
    private final Histogram pulseWaitTotal = new Histogram(HIGHEST, 3);
    private final Histogram pulseWorkTotal = new Histogram(HIGHEST, 3);
    private Histogram recycledWork;
    private final AtomicLong firstLiveFrameNanos = new AtomicLong();
    private final CompletableFuture<Void> firstLiveFrame = new CompletableFuture<>();
    private final AtomicLong firstLiveFrameWallMillis = new AtomicLong();
    private Histogram recycledFrames;
    private Histogram recycledTicks;

    /** JavaFX thread: the time since the previous pulse. */
    public void recordFrameInterval(long nanos) {
        frameIntervals.recordValue(Math.max(0, Math.min(nanos, HIGHEST)));
    }

    /** JavaFX thread: a provider response reached the screen {@code nanos} after it arrived. */
    public void recordTickToScreen(long nanos) {
        tickToScreen.recordValue(Math.max(0, Math.min(nanos, HIGHEST)));
    }

    /**
     * JavaFX thread, wait-free: a live tick's two parts on this side of the hand-off: from being published to
     * the pulse taking it ({@code waitNanos}), and from there to the end of that pulse's layout
     * ({@code workNanos}). Kept as totals since start, for the smoke test's report.
     */
    public void recordTickOnScreen(long waitNanos, long workNanos) {
        if (waitNanos >= 0) {
            pulseWait.recordValue(Math.min(waitNanos, HIGHEST));
        }
        pulseWork.recordValue(Math.max(0, Math.min(workNanos, HIGHEST)));
    }

    /** Any thread but the JavaFX one: published → taken by the pulse, since start (a copy). */
    public synchronized Histogram tickPulseWait() {
        return runningTotal(pulseWaitTotal, pulseWait);
    }

    /** Any thread but the JavaFX one: taken by the pulse → end of that pulse's layout, since start (a copy). */
    public synchronized Histogram tickPulseWork() {
        return runningTotal(pulseWorkTotal, pulseWork);
    }

    /** Folds what {@code recorder} took since the last call into {@code total}; returns a copy of the total. */
    private static Histogram runningTotal(Histogram total, Recorder recorder) {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    /** JavaFX thread: applying one market update to the scene took {@code nanos}. */
    public void recordApplyWork(long nanos) {
        applyWork.recordValue(Math.max(0, Math.min(nanos, HIGHEST)));
    }

    /** Sampler thread: update-apply times since the previous call (a copy the caller owns). */
    public synchronized Histogram takeApplyWork() {
        Histogram interval = applyWork.getIntervalHistogram(recycledWork);
        recycledWork = interval;
        return interval.copy();
    }

    /** JavaFX thread: a frame showed live data in the chart; only the first call counts. */
    public void markLiveFrame(long nanoTime) {
        if (firstLiveFrameNanos.compareAndSet(0, nanoTime)) {
            firstLiveFrameWallMillis.set(System.currentTimeMillis());
            firstLiveFrame.complete(null);
        }
    }

    /**
     * Completes (on the JavaFX thread) when the first live frame is shown; dependants must be
     * trivial and non-blocking.
     */
    public CompletionStage<Void> firstLiveFrame() {
        return firstLiveFrame.minimalCompletionStage();
    }

    /** Wall-clock time of the first live frame (epoch millis), or 0 before it: comparable with the JVM's start time. */
    public long firstLiveFrameWallMillis() {
        return firstLiveFrameWallMillis.get();
    }

    /** {@link System#nanoTime()} of the first live frame, or 0 before it. */
    public long firstLiveFrameNanos() {
        return firstLiveFrameNanos.get();
    }

    /** Sampler thread: frame intervals since the previous call (a copy the caller owns). */
    public synchronized Histogram takeFrameIntervals() {
        Histogram interval = frameIntervals.getIntervalHistogram(recycledFrames);
        recycledFrames = interval;
        return interval.copy();
    }

    /** Sampler thread: tick-to-screen latencies since the previous call (a copy the caller owns). */
    public synchronized Histogram takeTickToScreen() {
        Histogram interval = tickToScreen.getIntervalHistogram(recycledTicks);
        recycledTicks = interval;
        return interval.copy();
    }
}
