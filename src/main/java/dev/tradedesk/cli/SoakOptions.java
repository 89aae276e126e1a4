package dev.tradedesk.cli;

import dev.tradedesk.app.AppPaths;
import dev.tradedesk.app.SoakRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --soak-log} and {@code --soak-interval}, shared by the long-running commands. */
final class SoakOptions {

    @Option(names = "--soak-log", paramLabel = "FILE",
            description = "Sample heap after a full GC and live threads every --soak-interval into this CSV file.")
    private Path log;

    @Option(names = "--soak-interval", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.Positive.class,
            description = "Sampling interval of --soak-log (default: ${DEFAULT-VALUE}); the summary compares minute 5 with the end.")
    private Duration interval;

    Optional<Path> log() {
        return Optional.ofNullable(log);
    }

    Duration interval() {
        return interval;
    }

    /**
     * A recorder sampling into the log, or {@code null} (which try-with-resources skips) when none was asked for.
     *
     * @throws OutputTarget.Refused if the log would replace a directory, a device or one of {@code own}'s files
     *                              (it truncated the history database it was pointed at), or is {@code -}
     */
    SoakRecorder startRecorder(AppPaths own) throws IOException, OutputTarget.Refused {
        return log == null ? null : new SoakRecorder(checkedLog(own), interval);
    }

    /**
     * The file the log may be written to (its folder made if missing, a link followed to its file).
     *
     * @throws OutputTarget.Refused if the log would replace a directory, a device or one of {@code own}'s files,
     *                              or is {@code -}, standard output
     */
    Path checkedLog(AppPaths own) throws IOException, OutputTarget.Refused {
        if (StandardOutputWriter.isNamedBy(log)) {
            // Unlike export's CSV, the log is sampled beside the command's own output for the whole
            // run: "-" wrote a file named "-" in the working folder, which no one asking for it meant.
            throw new OutputTarget.Refused("- would be standard output, where the command prints its own lines;"
                    + " the soak log is a CSV file sampled all through the run: give a file name such as soak.csv");
        }
        Path parent = log.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent); // as the recorder always did: a soak run's own folder
        }
        return OutputTarget.resolve(log, own);
    }
}
