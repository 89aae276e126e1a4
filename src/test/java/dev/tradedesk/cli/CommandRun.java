package dev.tradedesk.cli;

import dev.tradedesk.app.BuildInfo;
import dev.tradedesk.app.HostEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real command line in-process on a Linux-like host rooted in a test directory, capturing both streams. */
final class CommandRun {

    private final Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    CommandRun(Path home) {
        this.home = home;
    }

    int run(String... args) {
        return TradeDeskCommand.commandLine(new HostEnvironment("Linux", home, Map.of()), new BuildInfo("1.0.0"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
