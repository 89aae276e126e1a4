package dev.tradedesk.app;

import dev.tradedesk.cli.TradeDeskCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * Entry point of {@code java -jar tradedesk.jar} and the installers. Deliberately not a JavaFX
 * {@code Application}: the app runs from the plain class path, and commands without a window
 * never start the toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The commonest scripted call answered before picocli and its ~800 classes load: it
            // prints exactly what TradeDeskCommand's version provider prints.
            System.out.println(BuildInfo.load().versionLine());
            return;
        }
        if (args.length == 0 || (args.length == 1 && args[0].equals("gui"))) {
            System.exit(TradeDeskCommand.runWorkstation(HostEnvironment.current(), BuildInfo.load(), System.err));
        }
        // Standard output's descriptor itself, not System.out: a PrintStream swallows a failed write and
        // its reason, and a CSV streamed there must tell a closed pipe from a full disk.
        int exitCode = TradeDeskCommand.commandLine(HostEnvironment.current(), BuildInfo.load(),
                new FileOutputStream(FileDescriptor.out), System.err).execute(args);
        System.exit(exitCode);
    }
}
