package dev.tradedesk.cli;

import dev.tradedesk.app.LogMarkers;
import dev.tradedesk.app.SmokeTest;
import dev.tradedesk.app.SoakRecorder;
import dev.tradedesk.app.SoftwareRenderingMemory;
import dev.tradedesk.app.TradeDesk;
import dev.tradedesk.app.WorkstationLock;
import dev.tradedesk.ui.DesktopLauncher;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.workstation.WorkstationWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Window;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tradedesk gui}: opens the workstation window and returns when it is closed. */
@Command(name = "gui", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Open the workstation window (the default when no command is given).")
final class GuiCommand implements Callable<Integer> {

    @ParentCommand
    private TradeDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--smoke-test",
            description = "Run the workstation on the simulated exchange (50 symbols streaming, the chart over 100,000 bars) "
                    + "in a temporary data dir for --duration, print the figures as key: value lines, and exit.")
    private boolean smokeTest;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.Positive.class, description = "How long the smoke test runs after its first live frame (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    // Created here too: as the default command, this class is built and called without picocli.
    @Mixin
    private SoakOptions soak = new SoakOptions();

    @Option(names = "--headless",
            description = "Render on Monocle's headless screen instead of a display (automatic when there is no display).")
    private boolean headless;

    GuiCommand() {
    }

    GuiCommand(TradeDeskCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        if (headless || (smokeTest && !DesktopLauncher.hasDisplay())) {
            DesktopLauncher.useHeadlessScreen(1920, 1200);
        }
        if (soak.log().isPresent() && !smokeTest) {
            throw new ParameterException(spec.commandLine(), "--soak-log applies to --smoke-test only");
        }
        if (smokeTest) {
            // Its targets are set for software rendering: on a display with OpenGL it would measure another pipeline.
            DesktopLauncher.useSoftwareRendering();
            Optional<SmokeTest.Soak> soakRun = Optional.empty();
            if (soak.log().isPresent()) {
                try {
                    soakRun = Optional.of(new SmokeTest.Soak(soak.checkedLog(root.paths()), soak.interval(), SoakRecorder.WARM_UP));
                } catch (OutputTarget.Refused refused) {
                    // The smoke test's own data is a temporary folder, but the log is where the user
                    // says: pointed at the real history database, it truncated it, as record's did.
                    throw new ParameterException(spec.commandLine(), "--soak-log: " + refused.getMessage());
                }
            }
            var report = new SmokeTest(duration, root.host(), root.build(), soakRun)
                    .run(new DesktopLauncher()::runUntilClosed, spec.commandLine().getOut());
            PrintWriter out = spec.commandLine().getOut();
            report.figures().forEach((key, value) -> out.println(key + ": " + value));
            out.flush();
            return report.passed() ? 0 : 1;
        }
        Optional<WorkstationLock> lock = lockSettings();
        if (lock.isEmpty()) {
            return toldAlreadyOpen();
        }
        AtomicReference<TradeDesk> running = new AtomicReference<>();
        // A shutdown the signals below do not end (SIGHUP, -Xrs) leaves the window open to the end;
        // JavaFX runs nothing more once the JVM shuts down, so the layout it last handed over is
        // saved from here. The bars are committed, but the databases are left unclosed.
        Thread onTerminate = new Thread(
                () -> Optional.ofNullable(running.get()).ifPresent(TradeDesk::saveWorkspaceOfOpenWindow), "tradedesk-gui-shutdown");
        Runtime.getRuntime().addShutdownHook(onTerminate);
        // SIGTERM or Ctrl-C (a desktop session ending, a service manager) closes the windows as the
        // user would, so the session ends as a closed window ends it: the last writes done and the
        // history databases closed. H2 left unclosed again and again (each such stop) was seen to
        // reopen at an older state, losing the bars of later sessions.
        try (WorkstationLock held = lock.get();
                StopSignals stop = StopSignals.install(GuiCommand::closeWindows);
                TradeDesk desk = new TradeDesk(root.context())) {
            running.set(desk);
            DesktopLauncher.requireDisplay();
            SoftwareRenderingMemory rendering = SoftwareRenderingMemory.of(root.paths(), root.host());
            rendering.skipTheTryIfItFailedLastTime();
            desk.prepareWorkstation();
            long launching = System.nanoTime();
            AtomicReference<Optional<Boolean>> software = new AtomicReference<>(Optional.empty());
            new DesktopLauncher().runUntilClosed(stage -> {
                LoggerFactory.getLogger(GuiCommand.class).info("JavaFX started in {} ms",
                        (System.nanoTime() - launching) / 1_000_000);
                software.set(DesktopLauncher.rendersInSoftware());
                desk.openMainWindow(stage);
            }, () -> software.get().ifPresent(rendering::rememberOutcome)); // a pipeline not told teaches nothing
        } finally {
            running.set(null);
            ShutdownHooks.remove(onTerminate);
        }
        return 0;
    }

    /**
     * The lock of the settings file, unless another workstation holds it; one that cannot be taken
     * (a read-only folder) does not keep the window from opening, and is logged.
     */
    private Optional<WorkstationLock> lockSettings() {
        Path settings = root.paths().settingsFile();
        try {
            return WorkstationLock.tryTake(settings);
        } catch (IOException | RuntimeException cannotLock) {
            LoggerFactory.getLogger(GuiCommand.class).warn("Cannot lock {}: {}; a second window on these settings would"
                    + " not be told that this one has them", WorkstationLock.fileFor(settings), cannotLock.getMessage());
            return Optional.of(WorkstationLock.none());
        }
    }

    /** Says, on stderr, in the log and in a window, that another workstation has these settings; the exit code. */
    private int toldAlreadyOpen() {
        Path settings = root.paths().settingsFile();
        String header = "TradeDesk is already open with these settings";
        String detail = "Another TradeDesk window uses " + settings + ": switch to it. A second window would save its"
                + " watchlist and layout over the first one's. To open one more, give it settings and data of its own:"
                + " tradedesk --config OTHER/settings.json --data-dir OTHER";
        spec.commandLine().getErr().println("tradedesk: " + header + ". " + detail);
        LoggerFactory.getLogger(GuiCommand.class).warn(LogMarkers.TOLD_ON_CONSOLE, "{}: {}", header, detail);
        if (headless || DesktopLauncher.hasDisplay()) {
            Theme theme = root.context().settingsLoad().settings().theme();
            boolean startedHere = DesktopLauncher.ensureToolkit();
            try {
                CompletableFuture<Void> told = new CompletableFuture<>();
                Platform.runLater(() -> {
                    try {
                        WorkstationWindow.whyNotOpened(theme, header, detail).showAndWait();
                        told.complete(null);
                    } catch (RuntimeException failed) {
                        told.completeExceptionally(failed);
                    }
                });
                told.join();
            } finally {
                if (startedHere) {
                    Platform.exit();
                }
            }
        }
        return 1;
    }

    /** Signal thread: hides every window, which ends {@link DesktopLauncher#runUntilClosed} as a close does. */
    private static void closeWindows() {
        try {
            Platform.runLater(() -> {
                List<Window> open = List.copyOf(Window.getWindows());
                if (open.isEmpty()) {
                    Runtime.getRuntime().exit(143); // before the window shows: the signal's own end
                }
                open.forEach(Window::hide);
            });
        } catch (IllegalStateException toolkitNotRunning) {
            Runtime.getRuntime().exit(143);
        }
    }
}
