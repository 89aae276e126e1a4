package dev.tradedesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples heap after a full GC and the live thread count at a fixed interval for a long run
 * ({@code gui --smoke-test --soak-log}, {@code record --soak-log}), writing one CSV row per
 * sample as it goes, so a run that is killed still leaves its curve behind. A leak shows as a
 * heap floor or a thread count that keeps rising after warm-up; {@link #summary} compares the
 * start of the run after {@code warmUp} with its end.
 *
 * <p>Each sample calls {@link System#gc()}: in a soak the floor of the heap is the figure that
 * matters, and one full collection a minute costs nothing a soak measures.
 */
public final class SoakRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SoakRecorder.class);

    /** Heap and threads are compared from here on: class loading, JIT and caches have settled. */
    public static final Duration WARM_UP = Duration.ofMinutes(5);

    /** Samples whose median stands for the heap at either end of a soak. */
    static final int WINDOW = 5;

    /** One sample: seconds since the start, heap after a full GC, heap committed, live threads. */
    public record Sample(double elapsedSeconds, double heapAfterGcMb, double heapCommittedMb, int threads) {
    }

    private final Writer csv;
    private final long startedNanos = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledFuture<?> sampling;
    private final HeapProbe heap;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private boolean writeFailed;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, ManagedExecutors.THREAD_PREFIX + "soak");
        thread.setDaemon(true);
        return thread;
    });

    /** Heap in use after a full collection, and heap committed, in bytes. */
    interface HeapProbe {
        MemoryUsage afterFullGc();
    }

    public SoakRecorder(Path csvFile, Duration interval) throws IOException {
        this(csvFile, interval, SoakRecorder::heapAfterFullGc);
    }

    /** With {@code heap} standing for the JVM's heap (tests: the figures of a run, exactly). */
    SoakRecorder(Path csvFile, Duration interval, HeapProbe heap) throws IOException {
        this.heap = heap;
        Path parent = csvFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        csv = Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8);
        csv.write("elapsed_s,heap_after_gc_mb,heap_committed_mb,threads\n");
        csv.flush();
        sampling = executor.scheduleAtFixedRate(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static MemoryUsage heapAfterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }

    private synchronized void sample() {
        MemoryUsage usage = heap.afterFullGc();
        Sample sample = new Sample((System.nanoTime() - startedNanos) / 1e9, usage.getUsed() / 1048576.0,
                usage.getCommitted() / 1048576.0, threads.getThreadCount());
        samples.add(sample);
        if (writeFailed) {
            return;
        }
        try {
            csv.write(String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%d%n", sample.elapsedSeconds(), sample.heapAfterGcMb(),
                    sample.heapCommittedMb(), sample.threads()));
            csv.flush();
        } catch (IOException failure) {
            writeFailed = true;
            log.warn("Soak log could not be written, sampling goes on in memory: {}", failure.toString());
        }
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /**
     * {@code key: value} figures over the samples from {@code warmUp} on: heap after GC at the start
     * and at the end, each the median of {@value #WINDOW} samples, so one sample taken while a
     * thread held a large short-lived buffer does not decide the verdict (the peak is reported
     * too); the change between them; and the live thread count at both ends and at its peak.
     */
    public synchronized Map<String, String> summary(Duration warmUp) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("soak.samples", Integer.toString(samples.size()));
        List<Sample> settled = samples.stream().filter(sample -> sample.elapsedSeconds() >= warmUp.toSeconds()).toList();
        if (settled.isEmpty()) {
            figures.put("soak.verdict", "too short for a warm-up of " + warmUp.toSeconds() + " s");
            return figures;
        }
        Sample first = settled.get(0);
        Sample last = settled.get(settled.size() - 1);
        int window = Math.min(WINDOW, settled.size());
        double from = medianHeap(settled.subList(0, window));
        double to = medianHeap(settled.subList(settled.size() - window, settled.size()));
        figures.put("soak.from_s", format(first.elapsedSeconds()));
        figures.put("soak.to_s", format(last.elapsedSeconds()));
        figures.put("soak.heap_after_gc_mb.from", format(from));
        figures.put("soak.heap_after_gc_mb.to", format(to));
        figures.put("soak.heap_after_gc_mb.peak", format(settled.stream().mapToDouble(Sample::heapAfterGcMb).max().orElseThrow()));
        figures.put("soak.heap_change_pct", format((to - from) / from * 100));
        figures.put("soak.threads.from", Integer.toString(first.threads()));
        figures.put("soak.threads.to", Integer.toString(last.threads()));
        figures.put("soak.threads.peak", Integer.toString(settled.stream().mapToInt(Sample::threads).max().orElseThrow()));
        return figures;
    }

    private static double medianHeap(List<Sample> window) {
        double[] heap = window.stream().mapToDouble(Sample::heapAfterGcMb).sorted().toArray();
        int middle = heap.length / 2;
        return heap.length % 2 == 1 ? heap[middle] : (heap[middle - 1] + heap[middle]) / 2;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @Override
    public void close() {
        sampling.cancel(false);
        executor.shutdown();
        synchronized (this) {
            closeLog();
        }
    }

    private void closeLog() {
        try {
            csv.close();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
