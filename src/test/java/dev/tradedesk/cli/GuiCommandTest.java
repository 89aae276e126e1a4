package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.app.BuildInfo;
import dev.tradedesk.app.HostEnvironment;
import dev.tradedesk.app.ManagedExecutors;
import dev.tradedesk.ui.workstation.WorkstationWindow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The default command end to end, headless: opens the real workstation window, saves a theme change
 * in the background, and on File → Exit returns 0 with every application thread stopped.
 */
class GuiCommandTest {

    @TempDir
    Path dir;

    private final ExecutorService commandRunner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-command-runner");
        thread.setDaemon(true);
        return thread;
    });

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopRunner() {
        commandRunner.shutdownNow();
    }

    /** How the workstation is started: through the command line, or the way the desktop entry starts it. */
    enum Launch {
        COMMAND_LINE, DESKTOP_ENTRY
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void workstationOpensSavesThemeAndStopsEveryThreadOnExit(Launch launch) throws Exception {
        Path settings = dir.resolve("config/tradedesk/settings.json");
        Path data = dir.resolve("data/tradedesk");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

        Future<Integer> exitCode = commandRunner.submit(() -> switch (launch) {
            case COMMAND_LINE -> TradeDeskCommand.commandLine(new HostEnvironment("Linux", dir, Map.of()), new BuildInfo("1.2.3"),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), errStream)
                    .execute("--data-dir", data.toString(), "--config", settings.toString());
            // No options: the default paths, here under the XDG variables.
            case DESKTOP_ENTRY -> TradeDeskCommand.runWorkstation(new HostEnvironment("Linux", dir,
                    Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString(), "XDG_DATA_HOME", dir.resolve("data").toString())),
                    new BuildInfo("1.2.3"), errStream);
        });

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workstationWindow() != null);
        WaitForAsyncUtils.waitForFxEvents();
        FxRobot robot = new FxRobot();
        assertThat(robot.lookup("#statusBar").tryQuery()).isPresent();
        assertThat(robot.lookup("#menuBar").tryQuery()).isPresent();
        // First start: the simulated exchange backfills and streams; the chart and watchlist go live.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#connectionStatus").queryLabeled().getText()
                .equals("Simulated exchange: live") && robot.lookup(".chart-panes").tryQuery().isPresent());
        assertThat(robot.lookup("#chartTitle").queryLabeled().getText()).isEqualTo("AAPL · 1Min");
        assertThat(robot.lookup("#simulatedBanner").query().isVisible()).isTrue();

        // The theme through its menu item, then Exit through its keyboard accelerator.
        javafx.scene.control.MenuBar menuBar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem dark = menuBar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> item instanceof javafx.scene.control.Menu menu && "Theme".equals(menu.getText()))
                .flatMap(theme -> ((javafx.scene.control.Menu) theme).getItems().stream())
                .filter(item -> "Dark".equals(item.getText()))
                .findFirst().orElseThrow();
        robot.interact(dark::fire);
        robot.clickOn("#watchlist");
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.Q).release(javafx.scene.input.KeyCode.CONTROL);

        assertThat(exitCode.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readString(settings)).contains("\"theme\" : \"dark\"");
        assertThat(Files.readString(settings.resolveSibling("workspace.json"))).contains("\"symbol\" : \"AAPL\"");
        assertThat(data.resolve("simulated/history.mv.db")).as("the simulated exchange's history").exists();
        assertThat(data.resolve("history.mv.db")).as("no real provider ran").doesNotExist();
        assertThat(data.resolve("logs/tradedesk.log")).exists();
        List<Thread> applicationThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(ManagedExecutors.THREAD_PREFIX)).toList();
        for (Thread thread : applicationThreads) {
            // An executor reports itself terminated while its last worker is still returning from
            // its run loop (HikariCP's connection closer, for one): ended within seconds is ended.
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(applicationThreads).filteredOn(Thread::isAlive)
                .as("application threads left running after exit")
                .isEmpty();
    }

    @Test
    void desktopEntryStartReportsAFailureLikeTheCommandLine() throws Exception {
        // A file where the data dir should be: logging cannot create its folder.
        Files.writeString(dir.resolve("data"), "not a folder");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = TradeDeskCommand.runWorkstation(new HostEnvironment("Linux", dir,
                Map.of("XDG_DATA_HOME", dir.resolve("data").toString())), new BuildInfo("1.2.3"),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tradedesk: cannot create the log directory ");
    }

    private static Stage workstationWindow() {
        return Window.getWindows().stream()
                .filter(window -> window instanceof Stage stage && stage.getTitle() != null
                        && stage.getTitle().endsWith(WorkstationWindow.TITLE) && stage.isShowing())
                .map(Stage.class::cast)
                .findFirst().orElse(null);
    }
}

