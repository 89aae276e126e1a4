package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakRecorderTest {

    @TempDir
    Path dir;

    @Test
    void writesOneRowPerSampleAndComparesTheEndWithTheWarmUp() throws Exception {
        Path csv = dir.resolve("logs/soak.csv");
        // A heap that grows by 10 MB a sample: deterministic, unlike the test JVM's own heap, which
        // other tests' threads and windows move by more than any amount a test could keep alive.
        AtomicInteger taken = new AtomicInteger();
        SoakRecorder recorder = new SoakRecorder(csv, Duration.ofMillis(20),
                () -> new MemoryUsage(0, (100L + 10L * taken.getAndIncrement()) << 20, 65_536L << 20, -1));
        try (recorder) {
            awaitSamples(recorder, 2 * SoakRecorder.WINDOW + 2);
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("elapsed_s,heap_after_gc_mb,heap_committed_mb,threads");
        assertThat(lines.subList(1, lines.size())).hasSizeGreaterThanOrEqualTo(2 * SoakRecorder.WINDOW + 2)
                .allMatch(line -> line.matches("\\d+\\.\\d,\\d+\\.\\d,65536\\.0,\\d+"));
        assertThat(lines.get(1)).contains(",100.0,");
        assertThat(lines.get(2)).contains(",110.0,");

        var figures = recorder.summary(Duration.ZERO);
        List<SoakRecorder.Sample> samples = recorder.samples();
        int count = samples.size();
        double from = 100 + 10 * (SoakRecorder.WINDOW / 2); // the medians of the first and last five
        double to = 100 + 10 * (count - 1 - SoakRecorder.WINDOW / 2);
        assertThat(figures).containsEntry("soak.samples", Integer.toString(count))
                .containsKeys("soak.heap_after_gc_mb.from", "soak.heap_after_gc_mb.peak", "soak.threads.from", "soak.threads.to");
        assertThat(Double.parseDouble(figures.get("soak.heap_after_gc_mb.from"))).isEqualTo(from);
        assertThat(Double.parseDouble(figures.get("soak.heap_change_pct"))).isCloseTo((to - from) / from * 100,
                org.assertj.core.data.Offset.offset(0.1));
        assertThat(samples.get(count - 1).threads()).isPositive();
    }

    @Test
    void samplesThisJvmsHeapAfterAFullCollection() throws Exception {
        Path csv = dir.resolve("soak.csv");
        SoakRecorder recorder = new SoakRecorder(csv, Duration.ofMillis(40));
        try (recorder) {
            awaitSamples(recorder, 2);
        }
        SoakRecorder.Sample sample = recorder.samples().get(0);
        assertThat(sample.heapAfterGcMb()).isPositive().isLessThanOrEqualTo(sample.heapCommittedMb());
        assertThat(sample.heapCommittedMb() * 1048576).isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
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
