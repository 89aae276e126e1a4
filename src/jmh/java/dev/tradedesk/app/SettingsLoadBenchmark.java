package dev.tradedesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Reading settings is on the start-up path of every command that opens the workstation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SettingsLoadBenchmark {

    private Path dir;
    private SettingsStore store;

    @Setup
    public void writeSettings() throws IOException {
        dir = Files.createTempDirectory("tradedesk-bench");
        store = new SettingsStore(dir.resolve("settings.json"));
        store.save(Settings.DEFAULTS.withTheme(dev.tradedesk.ui.Theme.DARK));
    }

    @TearDown
    public void deleteSettings() throws IOException {
        Files.deleteIfExists(store.file());
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public SettingsLoad loadSettingsFile() {
        return store.load();
    }
}
