package dev.tradedesk.cli;

import dev.tradedesk.app.AppContext;
import dev.tradedesk.app.AppPaths;
import dev.tradedesk.app.BuildInfo;
import dev.tradedesk.app.HostEnvironment;
import dev.tradedesk.app.LogMarkers;
import dev.tradedesk.core.Spaces;
import dev.tradedesk.store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code tradedesk}: the command line. Each command is one small class, registered below; they
 * share the global options and the {@link AppContext} this class opens once, lazily, so that
 * {@code --help} and {@code --version} touch no file.
 *
 * <p>Exit codes: 0 success, 1 failure (a clear message on stderr, details in the log), 2 usage
 * error. Not thread-safe: one instance runs one command line.
 */
@Command(name = "tradedesk",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "TradeDesk trading workstation. Without a command, opens the workstation window.",
        subcommands = {GuiCommand.class, RecordCommand.class, SimulateCommand.class, VerifySimCommand.class, GapsCommand.class,
                SnapshotCommand.class, IndicatorsCommand.class,
                ImportCommand.class, ExportCommand.class, DeleteCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"",
                "Settings: $XDG_CONFIG_HOME/tradedesk/settings.json on Linux (default ~/.config),",
                "  ~/Library/Application Support/TradeDesk on macOS, %%APPDATA%%\\TradeDesk on Windows.",
                "Data and logs: $XDG_DATA_HOME/tradedesk on Linux (default ~/.local/share),",
                "  the same folders as the settings elsewhere."})
public final class TradeDeskCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT, converter = NonEmptyPath.class,
            description = "Directory for the database and logs (default: the OS convention, see below).")
    private Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT, converter = NonEmptyPath.class,
            description = "Settings file (default: settings.json in the OS config directory).")
    private Path settingsFile;

    private final HostEnvironment host;
    private final BuildInfo build;
    private final OutputStream standardOutput;
    private AppContext context;

    /** An empty path would silently mean the current directory (a variable that was not set, say). */
    static final class NonEmptyPath implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (Spaces.isBlank(value)) { // a no-break space pasted alone too
                throw new CommandLine.TypeConversionException("an empty path; give a directory or file name");
            }
            return Path.of(value);
        }
    }

    TradeDeskCommand(HostEnvironment host, BuildInfo build, OutputStream standardOutput) {
        this.host = host;
        this.build = build;
        this.standardOutput = standardOutput;
    }

    /**
     * The configured command line, writing to {@code out} and {@code err}; {@code execute(args)}
     * runs it and returns the exit code.
     *
     * @param out standard output as a raw stream whose writes throw when they fail (not a {@link
     *            PrintStream}, which hides why): a CSV streamed there with {@code --out -} tells a
     *            reader that closed the pipe from a full disk ({@link StandardOutputWriter})
     */
    public static CommandLine commandLine(HostEnvironment host, BuildInfo build, OutputStream out, PrintStream err) {
        TradeDeskCommand root = new TradeDeskCommand(host, build, out);
        CommandLine commandLine = new CommandLine(root);
        commandLine.getCommandSpec().version(build.versionLine());
        PrintedOutput printed = new PrintedOutput(out);
        commandLine.setOut(new PrintWriter(printed, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler(new UsageErrorReport());
        commandLine.setExecutionStrategy(parseResult -> {
            try {
                int exitCode = new CommandLine.RunLast().execute(parseResult);
                return afterPrinting(exitCode, printed, commandLine.getOut(), commandLine.getErr());
            } catch (CommandLine.ExecutionException failed) {
                // Reported here, while logging is still open: picocli's exception handler would run
                // after the context below is closed, and the failure would never reach the log file.
                if (!(failed.getCause() instanceof Exception failure)) {
                    throw failed;
                }
                return reportFailure(failed.getCommandLine().getCommandName(), failure, failed.getCommandLine().getErr());
            } finally {
                root.closeContext();
            }
        });
        return commandLine;
    }

    /**
     * {@code exitCode}, or 1 if what the command printed to standard output could not be written
     * there (a full disk under {@code > file}): said on stderr and in the log. A reader that closed
     * the pipe ({@code | head -1}) took what it wanted, and changes nothing, as with {@code export}.
     */
    private static int afterPrinting(int exitCode, PrintedOutput printed, PrintWriter out, PrintWriter err) {
        out.flush();
        IOException failure = printed.failure();
        if (failure == null) {
            return exitCode;
        }
        if (StandardOutputWriter.isClosedPipe(failure)) {
            return exitCode;
        }
        String message = "cannot write to standard output: " + OutputTarget.reason(failure)
                + "; what the command printed there is cut short";
        err.println("tradedesk: " + message);
        LoggerFactory.getLogger(TradeDeskCommand.class).warn(LogMarkers.TOLD_ON_CONSOLE, "{}", message);
        return exitCode == CommandLine.ExitCode.OK ? CommandLine.ExitCode.SOFTWARE : exitCode;
    }

    /**
     * Runs the workstation as {@code tradedesk} or {@code tradedesk gui} with no options would,
     * without building the command line: the desktop entry starts the app this way, and picocli's
     * command tree (175 classes, which an AppCDS archive cannot hold: they are Java 5 bytecode)
     * costs about 0.15 s of a start whose every tenth of a second counts. Same exit codes and
     * failure report as {@link #commandLine}.
     */
    public static int runWorkstation(HostEnvironment host, BuildInfo build, PrintStream err) {
        // The workstation streams nothing to standard output.
        TradeDeskCommand root = new TradeDeskCommand(host, build, OutputStream.nullOutputStream());
        try {
            return root.call();
        } catch (Exception failure) {
            return reportFailure("gui", failure, new PrintWriter(err, true, StandardCharsets.UTF_8));
        } finally {
            root.closeContext();
        }
    }

    private static int reportFailure(String commandName, Exception failure, PrintWriter err) {
        err.println("tradedesk: " + describe(failure));
        // Looked up here, not in a static field: --version and --help never start logging.
        Logger log = LoggerFactory.getLogger(TradeDeskCommand.class);
        if (failure instanceof StoreException store && store.explainedByMessage()) {
            // The message says it all (the database is in use): no stack trace to wade through.
            log.error(LogMarkers.TOLD_ON_CONSOLE, "Command '{}' failed: {}", commandName, describe(failure));
        } else {
            log.error(LogMarkers.TOLD_ON_CONSOLE, "Command '{}' failed", commandName, failure);
        }
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** Without a command: the workstation. */
    @Override
    public Integer call() throws Exception {
        return new GuiCommand(this).call();
    }

    /** Opens logging and settings on first use. */
    AppContext context() {
        if (context == null) {
            context = AppContext.open(AppPaths.resolve(dataDir, settingsFile, host), build, host);
        }
        return context;
    }

    /**
     * Opens logging and settings for a command that reads what is stored, refusing a {@code
     * --data-dir} that does not exist: opening one makes an empty database there, and a mistyped
     * path then read as "nothing stored" and exited 0.
     */
    AppContext contextOfStoredData(CommandLine command) {
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new CommandLine.ParameterException(command, "--data-dir " + dataDir
                    + " is no folder: nothing is stored there (record or import makes it)");
        }
        return context();
    }

    /** Where the settings and data are, without opening logging or settings: for checks before any work. */
    AppPaths paths() {
        return context != null ? context.paths() : AppPaths.resolve(dataDir, settingsFile, host);
    }

    /** The raw standard-output stream given to {@link #commandLine}, which only {@link StandardOutputWriter} writes. */
    OutputStream standardOutput() {
        return standardOutput;
    }

    HostEnvironment host() {
        return host;
    }

    BuildInfo build() {
        return build;
    }

    private void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.toString() : message;
    }
}
