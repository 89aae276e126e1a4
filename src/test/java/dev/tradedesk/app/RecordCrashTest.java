package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.sim.FaultKind;
import dev.tradedesk.feed.sim.SimFaults;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import dev.tradedesk.testing.ChildOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code tradedesk record --provider sim} at seeded random moments (during start,
 * backfill, live cycles, store writes), each time restarted on the same data dir and the same
 * simulated timeline, the exchange failing 20% of its responses throughout. At the end the database
 * opens without repair, and a {@code verify-sim} run on it finds nothing missing, duplicated or
 * wrong since each series began to be tracked.
 *
 * <p>{@code -Dtradedesk.crash.kills=N} runs more kills (the default keeps {@code mvn verify} short);
 * {@code -Dtradedesk.crash.seed=S} picks other kill moments.
 */
class RecordCrashTest {

    private static final int KILLS = Integer.getInteger("tradedesk.crash.kills", 10);
    private static final long SEED = Long.getLong("tradedesk.crash.seed", 20_261_125L);
    private static final int SYMBOLS = 5;
    private static final double SPEED = 600;
    private static final long PRICE_SEED = 7;
    private static final long STARTUP_TIMEOUT_SECONDS = 60;
    /** Stalls would only idle children that live a second or two; verify-sim exercises them. */
    private static final String FAULT_KINDS = EnumSet.complementOf(EnumSet.of(FaultKind.STALL)).stream()
            .map(FaultKind::label).collect(Collectors.joining(","));

    @TempDir
    Path dir;

    @Test
    void recordSurvivesRepeatedSigkillWithNothingLostDuplicatedOrWrong() throws Exception {
        Instant anchor = Instant.now();
        SplittableRandom random = new SplittableRandom(SEED);
        List<Long> killedAfterMillis = new ArrayList<>();
        for (int run = 0; run < KILLS; run++) {
            // Mostly inside the first second and a half: start-up, migration, backfill and the first
            // live cycles, where the interesting writes happen.
            long delay = random.nextLong(0, 1_500);
            killedAfterMillis.add(delay);
            runAndKill(anchor, run, delay);
        }
        long verifyStarted = System.nanoTime();
        SimVerification.Result result = verify(anchor);
        System.out.printf("verify: %d ms, catch-up %d ms, %s%n", (System.nanoTime() - verifyStarted) / 1_000_000,
                result.catchUpTime().toMillis(), result.report());
        SimVerification.Report report = result.report();
        assertThat(report.samples()).as("problems after kills at %s ms", killedAfterMillis).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(result.caughtUp()).isTrue();
        assertThat(report.expected()).as("two days of backfill for %d symbols", SYMBOLS).isGreaterThan(SYMBOLS * 2_000L);
        assertThat(report.stored()).isEqualTo(report.expected());
    }

    private void runAndKill(Instant anchor, int run, long delayMillis) throws IOException, InterruptedException {
        Path stderr = dir.resolve("child-" + run + ".err");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", dir.resolve("data").toString(), "--config", dir.resolve("settings.json").toString(),
                "record", "--provider", "sim", "--symbols",
                SimVerification.symbols(SYMBOLS).stream().map(Symbol::value).collect(Collectors.joining(",")),
                "--speed", Double.toString(SPEED), "--seed", Long.toString(PRICE_SEED), "--sim-anchor", anchor.toString(),
                "--faults", "0.2", "--fault-kinds", FAULT_KINDS, "--fault-seed", Integer.toString(run), "--duration", "10m");
        long started = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> ChildOutput.readLines(child, lines), "crash-test-stdout");
        reader.setDaemon(true);
        reader.start();
        String line = lines.poll(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null || !line.startsWith("recording ")) {
            child.destroyForcibly();
            throw new AssertionError("run " + run + " did not start recording: " + line + "\nstderr:\n" + ChildOutput.read(stderr));
        }
        System.out.printf("run %d: recording after %d ms, killed %d ms later%n", run,
                (System.nanoTime() - started) / 1_000_000, delayMillis);
        TimeUnit.MILLISECONDS.sleep(delayMillis);
        child.destroyForcibly(); // SIGKILL on Unix
        assertThat(child.waitFor(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("run %d killed by SIGKILL, not exited; stderr:%n%s", run, ChildOutput.read(stderr))
                .isEqualTo(137);
    }

    /** A last, clean run on the same database and timeline, as {@code verify-sim --db-dir --sim-anchor} does. */
    private SimVerification.Result verify(Instant anchor) throws InterruptedException {
        SessionTuning tuning = SessionTuning.DEFAULTS.withSimClockAnchor(anchor)
                .withTimings(Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofMillis(500))
                .withFaults(new SimFaults(0.2, EnumSet.allOf(FaultKind.class), 99, Duration.ofMillis(800)));
        SimVerification.Run run = new SimVerification.Run(SYMBOLS, SPEED, PRICE_SEED, Duration.ofSeconds(2), Duration.ofDays(2),
                Optional.of(Duration.ofMillis(150)), Duration.ofSeconds(40), tuning);
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir.resolve("data").resolve("simulated")))) {
            return SimVerification.run(run, store, new HostEnvironment("Linux", dir, Map.of()), Clock.systemUTC());
        }
    }
}
