package dev.tradedesk.ui.workstation;

import dev.tradedesk.core.SeriesKey;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An import that reads nothing: the test sets how far it has come and how it ends. */
final class ScriptedBarImport implements BarImport {

    final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    volatile double fraction;
    volatile boolean cancelled;
    private final Path file;
    private final SeriesKey series;

    ScriptedBarImport(Path file, SeriesKey series) {
        this.file = file;
        this.series = series;
    }

    @Override
    public SeriesKey series() {
        return series;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public double fraction() {
        return fraction;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public CompletionStage<Outcome> outcome() {
        return outcome;
    }
}
