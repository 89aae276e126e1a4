package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.ui.AboutInfo;
import dev.tradedesk.ui.MainViewModel;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.Workspace;
import dev.tradedesk.ui.live.MarketHandOff;
import dev.tradedesk.ui.perf.PerformanceView;
import dev.tradedesk.ui.perf.PerformanceViewModel;
import dev.tradedesk.ui.watchlist.WatchlistViewModel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workstation's windows under {@link OpenboxStandIn}, which does to them what Openbox did on
 * Linux and Monocle does not: the work-arounds in {@link WorkstationWindow},
 * {@link MainWindowHold} and {@link WorkstationMenus} must give the windows their own sizes and
 * places back, and keep a maximized or full-screen main window so.
 */
@ExtendWith(ApplicationExtension.class)
class WindowsUnderOpenboxTest {

    private static final double DEFAULT_WIDTH = 1400;
    private static final double DEFAULT_HEIGHT = 900;
    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 600;

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private OpenboxStandIn openbox;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // Each test shows a Stage of its own: the primary one comes with the last test class's state.
    }

    @BeforeEach
    void installOpenbox() throws Exception {
        openbox = onFx(OpenboxStandIn::install);
    }

    @AfterEach
    void closeWindows() throws Exception {
        // A window left showing keeps rendering for the rest of the test JVM.
        onFx(() -> {
            openbox.close();
            List<Stage> shown = openbox.shownStages();
            for (int i = shown.size() - 1; i >= 0; i--) {
                shown.get(i).hide();
            }
            return null;
        });
        background.shutdownNow();
    }

    @Test
    void theMainWindowOpensAtTheDefaultSizeThoughItCameUpAtItsMinimum() throws Exception {
        open(Workspace.EMPTY);

        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        assertThat(bounds(stage)).isEqualTo(new Rectangle2D(screen.getMinX() + (screen.getWidth() - DEFAULT_WIDTH) / 2,
                screen.getMinY() + (screen.getHeight() - DEFAULT_HEIGHT) / 2, DEFAULT_WIDTH, DEFAULT_HEIGHT));
    }

    @Test
    void theMainWindowOpensAtItsSavedSizeThoughItCameUpAtItsMinimum() throws Exception {
        open(normal(40, 30, 1602, 1025));

        assertThat(bounds(stage)).isEqualTo(new Rectangle2D(40, 30, 1602, 1025));
    }

    @Test
    void aMainWindowSavedMaximizedComesBackMaximizedAndReturnsToItsSavedBoundsWhenUnmaximized() throws Exception {
        // Larger than the minimum size the window comes up at, un-maximized, before it is maximized.
        open(new Workspace(40.0, 30.0, 960.0, 640.0, true, null, null, null, null, null, null, null, null, null, null));
        assertThat(onFx(stage::isMaximized)).isTrue();

        onFx(() -> {
            stage.setMaximized(false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bounds(stage)).isEqualTo(new Rectangle2D(40, 30, 960, 640));
    }

    @Test
    void settingsOverAMaximizedMainWindowLeaveItMaximizedAndOpenAtTheirOwnSizeOverIt(FxRobot robot) throws Exception {
        open(Workspace.EMPTY);
        maximize();

        Window dialog = openDialog(robot, "menuSettings", "#settingsDialog");

        assertThat(onFx(stage::isMaximized)).as("the main window stays maximized").isTrue();
        assertSizedToSceneAndCentredOver(dialog, stage);
        closeDialog(robot, "#settingsDialog");
        assertThat(onFx(stage::isMaximized)).isTrue();
    }

    @Test
    void settingsOverAFullScreenMainWindowLeaveItFullScreenAndOpenAtTheirOwnSizeOverIt(FxRobot robot) throws Exception {
        open(Workspace.EMPTY);
        fullScreen();

        Window dialog = openDialog(robot, "menuSettings", "#settingsDialog");

        assertThat(onFx(stage::isFullScreen)).as("the main window stays full screen").isTrue();
        assertSizedToSceneAndCentredOver(dialog, stage);
        closeDialog(robot, "#settingsDialog");
        assertThat(onFx(stage::isFullScreen)).isTrue();
    }

    @Test
    void theShortcutsOverAMaximizedMainWindowLeaveItMaximizedAndOpenAtTheirOwnSizeOverIt(FxRobot robot) throws Exception {
        open(Workspace.EMPTY);
        maximize();

        Window dialog = openDialog(robot, "menuShortcuts", "#shortcutsDialog");

        assertThat(onFx(stage::isMaximized)).as("the main window stays maximized").isTrue();
        assertSizedToSceneAndCentredOver(dialog, stage);
        closeDialog(robot, "#shortcutsDialog");
        assertThat(onFx(stage::isMaximized)).isTrue();
    }

    @Test
    void theShortcutsOverAFullScreenMainWindowLeaveItFullScreenAndOpenAtTheirOwnSizeOverIt(FxRobot robot) throws Exception {
        open(Workspace.EMPTY);
        fullScreen();

        Window dialog = openDialog(robot, "menuShortcuts", "#shortcutsDialog");

        assertThat(onFx(stage::isFullScreen)).as("the main window stays full screen").isTrue();
        assertSizedToSceneAndCentredOver(dialog, stage);
        closeDialog(robot, "#shortcutsDialog");
        assertThat(onFx(stage::isFullScreen)).isTrue();
    }

    @Test
    void theReplaceQuestionOverAMaximizedMainWindowShowsTheWholeFolder(FxRobot robot) throws Exception {
        open(Workspace.EMPTY);
        maximize();
        Path file = Path.of("/tmp/tradedesk-exploratory-session-2026-12-07/exports/charts/by-symbol/AAPL/one-minute",
                "december-week-forty-nine", "AAPL-1Min-20261207-2130.png");

        // As the export asks: in a nested event loop, from a later event.
        Platform.runLater(() -> {
            Alert alert = WorkstationMenus.replaceAlert(file);
            alert.initOwner(stage);
            new MainWindowHold(stage).over(alert);
            alert.getDialogPane().setId("replaceQuestion");
            alert.showAndWait();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#replaceQuestion").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane pane = robot.lookup("#replaceQuestion").queryAs(DialogPane.class);
        String shown = onFx(() -> ((Text) pane.lookup(".content.label .text")).getText());
        assertThat(shown).as("the message as laid out: no part of it cut to '...'").isEqualTo(pane.getContentText());
        closeDialog(robot, "#replaceQuestion");
    }

    @Test
    void thePerformancePanelOpensAtItsDefaultSizeCentredOverTheMainWindow(FxRobot robot) throws Exception {
        open(normal(100, 80, DEFAULT_WIDTH, DEFAULT_HEIGHT)); // off the screen's centre, where JavaFX would put the panel

        Stage panel = openPerformance(robot);

        Rectangle2D owner = bounds(stage);
        assertThat(bounds(panel)).isEqualTo(new Rectangle2D(
                owner.getMinX() + (owner.getWidth() - PerformanceView.DEFAULT_WIDTH) / 2,
                owner.getMinY() + (owner.getHeight() - PerformanceView.DEFAULT_HEIGHT) / 2,
                PerformanceView.DEFAULT_WIDTH, PerformanceView.DEFAULT_HEIGHT));
    }

    @Test
    void thePerformancePanelOverAMainWindowInTheScreensCornerOpensWhollyOnTheScreen(FxRobot robot) throws Exception {
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        // The smallest main window in the bottom right corner: the panel, larger, centred over it
        // would reach past the screen's right and bottom edges.
        open(normal(screen.getMaxX() - MIN_WIDTH, screen.getMaxY() - MIN_HEIGHT, MIN_WIDTH, MIN_HEIGHT));

        Stage panel = openPerformance(robot);

        assertThat(bounds(panel)).isEqualTo(new Rectangle2D(screen.getMaxX() - PerformanceView.DEFAULT_WIDTH,
                screen.getMaxY() - PerformanceView.DEFAULT_HEIGHT, PerformanceView.DEFAULT_WIDTH,
                PerformanceView.DEFAULT_HEIGHT));
    }

    private void open(Workspace workspace) throws Exception {
        onFx(() -> {
            MainViewModel main = new MainViewModel(new AboutInfo("1.0", dir, dir.resolve("settings.json"), dir.resolve("log")),
                    Theme.LIGHT, "", true, theme -> { });
            WatchlistViewModel watchlist = new WatchlistViewModel(List.of(Symbol.of("AAPL"), Symbol.of("MSFT")), symbols -> { });
            WorkstationHost host = new StubWorkstationHost();
            ChartController chart = new ChartController(host, background, IndicatorParameters.DEFAULTS, ZoneId.of("UTC"),
                    Timeframe.ONE_MINUTE, range -> { });
            Workstation parts = new Workstation(main, watchlist, new StatusViewModel("Simulated exchange", ZoneId.of("UTC")), chart,
                    new PerformanceViewModel(true, on -> { }, true, chart::setLevelOfDetail), new MarketHandOff(), new UiMetrics(),
                    host, workspace, background);
            stage = new Stage();
            new WorkstationWindow(parts).show(stage);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Workspace normal(double x, double y, double width, double height) {
        return new Workspace(x, y, width, height, false, null, null, null, null, null, null, null, null, null, null);
    }

    private void maximize() throws Exception {
        onFx(() -> {
            stage.setMaximized(true);
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(stage::isMaximized));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void fullScreen() throws Exception {
        onFx(() -> {
            stage.setFullScreen(true);
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(stage::isFullScreen));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Opens a dialog from its menu item and waits until it shows and has been placed. Later, not at
     * once: Settings waits in a nested event loop until it closes.
     */
    private Window openDialog(FxRobot robot, String menuItemId, String paneId) throws Exception {
        MenuItem item = menuItem(robot, menuItemId);
        Platform.runLater(item::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(paneId).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(paneId).query().getScene().getWindow();
    }

    private static void closeDialog(FxRobot robot, String paneId) throws Exception {
        DialogPane pane = robot.lookup(paneId).queryAs(DialogPane.class);
        ButtonType close = pane.getButtonTypes().contains(ButtonType.CANCEL) ? ButtonType.CANCEL : ButtonType.OK;
        onFx(() -> {
            ((Button) pane.lookupButton(close)).fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream()).filter(item -> id.equals(item.getId()))
                .findFirst().orElseThrow();
    }

    /** View → Performance…, by mouse: the menu is a popup window, which Openbox leaves alone. */
    private Stage openPerformance(FxRobot robot) throws Exception {
        robot.clickOn("View");
        robot.clickOn("Performance…");
        WaitForAsyncUtils.waitForFxEvents();
        Stage panel = onFx(() -> Window.getWindows().stream()
                .filter(window -> window instanceof Stage candidate && PerformanceView.TITLE.equals(candidate.getTitle()))
                .map(Stage.class::cast).findFirst().orElseThrow());
        assertThat(onFx(panel::isShowing)).isTrue();
        return panel;
    }

    private static void assertSizedToSceneAndCentredOver(Window dialog, Window owner) throws Exception {
        Rectangle2D content = onFx(() -> {
            Node root = dialog.getScene().getRoot();
            double width = root.prefWidth(-1);
            return new Rectangle2D(0, 0, width, root.prefHeight(width));
        });
        Rectangle2D shown = bounds(dialog);
        Rectangle2D over = bounds(owner);
        assertThat(shown.getWidth()).as("the dialog's width, its content's").isCloseTo(content.getWidth(), within(1.0));
        assertThat(shown.getHeight()).as("the dialog's height, its content's").isCloseTo(content.getHeight(), within(1.0));
        assertThat(centre(shown)).as("the dialog's centre, the main window's").isEqualTo(centre(over));
    }

    private static Point2D centre(Rectangle2D bounds) {
        return new Point2D(Math.round(bounds.getMinX() + bounds.getWidth() / 2), Math.round(bounds.getMinY() + bounds.getHeight() / 2));
    }

    private static Rectangle2D bounds(Window window) throws Exception {
        return onFx(() -> new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight()));
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }
}
