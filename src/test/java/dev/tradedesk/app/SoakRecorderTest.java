package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakRecorderTest {

    @TempDir
    Path dir;

    @Test
    void writesOneRowPerSampleAndComparesTheEndWithTheWarmUp() throws Exception {
        Path csv = dir.resolve("logs/soak.csv");
        List<byte[]> garbage = new ArrayList<>();
        awaitSettledHeap();
        SoakRecorder recorder = new SoakRecorder(csv, Duration.ofMillis(40));
        try (recorder) {
            // The first window of samples before the allocation, the last one wholly after it,
            // however the sampler and this thread happen to be scheduled.
            awaitSamples(recorder, SoakRecorder.WINDOW);
            for (int i = 0; i < 32; i++) {
                garbage.add(new byte[4 << 20]); // kept alive: the heap after GC must rise by 128 MB
            }
            awaitSamples(recorder, recorder.samples().size() + SoakRecorder.WINDOW + 1);
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("elapsed_s,heap_after_gc_mb,heap_committed_mb,threads");
        assertThat(lines.subList(1, lines.size())).hasSizeGreaterThanOrEqualTo(2 * SoakRecorder.WINDOW + 2)
                .allMatch(line -> line.matches("\\d+\\.\\d,\\d+\\.\\d,\\d+\\.\\d,\\d+"));

        var figures = recorder.summary(Duration.ZERO);
        List<SoakRecorder.Sample> samples = recorder.samples();
        assertThat(figures).containsEntry("soak.samples", Integer.toString(samples.size()))
                .containsKeys("soak.heap_after_gc_mb.from", "soak.heap_after_gc_mb.peak", "soak.threads.from", "soak.threads.to");
        assertThat(Double.parseDouble(figures.get("soak.heap_change_pct"))).as("%d MB kept alive", garbage.size() * 4)
                .isPositive();
        assertThat(samples.get(samples.size() - 1).threads()).isPositive();
    }

    /**
     * Tests before this one in the same JVM may leave threads that still hold memory for a moment
     * (a CI run saw the heap after GC fall by more than this test kept alive): waits, at most 10 s,
     * until two collections 200 ms apart leave the heap within 2 MB of each other.
     */
    private static void awaitSettledHeap() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long previous = usedAfterGc();
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            long now = usedAfterGc();
            if (Math.abs(now - previous) < (2 << 20)) {
                return;
            }
            previous = now;
        }
    }

    private static long usedAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void awaitSamples(SoakRecorder recorder, int count) throws InterruptedException {
        while (recorder.samples().size() < count) {
            Thread.sleep(10);
        }
    }

    @Test
    void aRunShorterThanTheWarmUpSaysSoInsteadOfComparing() throws Exception {
        SoakRecorder recorder = new SoakRecorder(dir.resolve("soak.csv"), Duration.ofSeconds(10));
        try (recorder) {
            while (recorder.samples().isEmpty()) {
                Thread.sleep(10);
            }
        }
        assertThat(recorder.summary(Duration.ofMinutes(5)))
                .containsEntry("soak.verdict", "too short for a warm-up of 300 s")
                .doesNotContainKey("soak.heap_change_pct");
    }
}
