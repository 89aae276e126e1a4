package dev.tradedesk.ui.workstation;

import dev.tradedesk.core.SeriesKey;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Bars being imported from a CSV file in the background (File → Import bars), as
 * {@link WorkstationHost#importBars} started it: how far the file is read, for the status bar's
 * progress bar, and a way to stop it. The import is one transaction: stopped or failed, it
 * imports nothing.
 */
public interface BarImport {

    /** The series the bars go to. */
    SeriesKey series();

    /** The file read. */
    Path file();

    /** The share of the file read so far, 0 to 1. Any thread. */
    double fraction();

    /**
     * Asks the import to stop. Before its commit it rolls back, and {@link #outcome()} fails with a
     * {@link java.util.concurrent.CancellationException}; after it, the bars are imported. Any thread.
     */
    void cancel();

    /**
     * Completes with what was imported, or fails with why nothing was, in one line for the user (its
     * message).
     */
    CompletionStage<Outcome> outcome();

    /**
     * What an import stored.
     *
     * @param imported     bars written
     * @param skipped      rows that were no valid bar, skipped
     * @param skippedLines the first of those, each as "line N: why"
     * @param charted      whether the bars went to the history the chart shows; the simulated
     *                     exchange charts its own, apart from imported and real providers' bars
     */
    record Outcome(long imported, long skipped, List<String> skippedLines, boolean charted) {

        public Outcome {
            skippedLines = List.copyOf(skippedLines);
        }
    }
}
