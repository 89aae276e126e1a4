package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.testing.ChildOutput;
import dev.tradedesk.testing.Poll;
import dev.tradedesk.ui.live.MarketUpdate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workstation started while another process (a {@code record} command) holds its history
 * open: it says so, tries again, and starts its market once that process has ended. Over a real
 * second JVM, as H2 shares a database opened twice in one JVM instead of refusing it.
 */
class HistoryHeldElsewhereTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void theWorkstationStartsItsMarketOnceTheProcessHoldingItsHistoryHasEnded() throws Exception {
        Process recorder = startRecording();
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context, Settings.DEFAULTS.withWatchlist(List.of(AAPL)))) {
            desk.prepareWorkstation();
            WorkstationSession workstation = desk.workstation();

            ConnectionState stopped = Poll.until(() -> connectionIn(workstation.handOff().take()), PATIENCE);
            assertThat(stopped.status()).isEqualTo(ConnectionState.Status.STOPPED);
            assertThat(stopped.reason()).contains("is in use by another process").endsWith("; tried again every 5 s");
            Thread.sleep(MarketLifecycle.REOPEN_PERIOD.toMillis() + 1_000); // a reopen that finds it still held
            assertThat(workstation.market()).as("no session while the recorder holds the history").isNull();

            recorder.destroy(); // SIGTERM: the recorder closes its store and exits
            assertThat(recorder.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            MarketSession started = Poll.until(workstation::market, PATIENCE);
            assertThat(started.stopped()).isFalse();
            MarketUpdate quoted = Poll.until(() -> {
                MarketUpdate update = workstation.handOff().take();
                return update != null && update.quotes().containsKey(AAPL) ? update : null;
            }, PATIENCE);
            assertThat(quoted.quotes().get(AAPL).last()).isPositive();
        } finally {
            recorder.destroyForcibly();
        }
    }

    private Process startRecording() throws Exception {
        Path stderr = dir.resolve("recorder.err");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", dir.resolve("data").toString(), "--config", dir.resolve("recorder-settings.json").toString(),
                "record", "--provider", "sim", "--symbols", AAPL.value(), "--duration", "10m");
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> ChildOutput.readLines(child, lines), "recorder-stdout");
        reader.setDaemon(true);
        reader.start();
        String line = lines.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (line == null || !line.startsWith("recording ")) {
            child.destroyForcibly();
            throw new AssertionError("the recorder did not start: " + line + "\nstderr:\n" + ChildOutput.read(stderr));
        }
        return child;
    }

    private static ConnectionState connectionIn(MarketUpdate update) {
        return update == null || update.connection() == null ? null : update.connection();
    }
}
