package dev.tradedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.Symbol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final List<Theme> savedThemes = new ArrayList<>();
    private MainViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new MainViewModel(
                new AboutInfo("1.2.3", Path.of("/data/td"), Path.of("/cfg/td/settings.json"), Path.of("/data/td/logs/tradedesk.log")),
                List.of(Symbol.of("AAPL"), Symbol.of("BTC-USD")), Theme.LIGHT, "", savedThemes::add);
        new MainWindow(model).show(stage);
    }

    @Test
    void showsTitleMenusWatchlistChartAreaAndStatusBar(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("TradeDesk");
        assertThat(stage.getIcons()).hasSize(6).allSatisfy(icon -> assertThat(icon.isError()).isFalse());
        MenuBar menuBar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertThat(menuBar.getMenus()).extracting(menu -> menu.getText().replace("_", ""))
                .containsExactly("File", "View", "Help");
        assertThat(robot.lookup("#chartArea").tryQuery()).isPresent();
        ListView<?> watchlist = robot.lookup("#watchlist").queryAs(ListView.class);
        assertThat(watchlist.getItems()).extracting(Object::toString).containsExactly("AAPL", "BTC-USD");

        HBox statusBar = robot.lookup("#statusBar").queryAs(HBox.class);
        assertThat(statusBar.isVisible()).isTrue();
        assertThat(robot.lookup("#connectionStatus").queryAs(Label.class).getText()).isEqualTo(MainViewModel.NOT_CONNECTED);
        assertThat(robot.lookup("#memoryStatus").queryAs(Label.class).getText()).matches("Heap \\d+ / \\d+ MB");
        assertThat(robot.lookup("#statusNotice").queryAs(Label.class).isVisible()).isFalse();
        assertThat(statusBar.localToScreen(statusBar.getBoundsInLocal()).getMaxY())
                .as("status bar sits at the bottom of the window")
                .isCloseTo(stage.getY() + stage.getHeight(), org.assertj.core.data.Offset.offset(40.0));
    }

    @Test
    void helpAboutShowsVersionAndDataDirectory(FxRobot robot) {
        robot.clickOn(menuButton(robot, "Help"));
        robot.clickOn("About TradeDesk");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane about = robot.lookup("#aboutDialog").queryAs(DialogPane.class);
        assertThat(about.getHeaderText()).isEqualTo("TradeDesk 1.2.3");
        assertThat(robot.from(about).lookup(".about-value").queryAllAs(javafx.scene.control.TextField.class))
                .extracting(javafx.scene.control.TextField::getText)
                .contains("1.2.3", "/data/td", "/cfg/td/settings.json", "/data/td/logs/tradedesk.log");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#aboutDialog").tryQuery()).isEmpty();
    }

    @Test
    void viewMenuSwitchesTheTheme(FxRobot robot) {
        robot.clickOn(menuButton(robot, "View"));
        robot.clickOn("Theme");
        robot.clickOn("Dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.theme()).isEqualTo(Theme.DARK);
        assertThat(savedThemes).containsExactly(Theme.DARK);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());

        robot.interact(() -> model.switchTheme(Theme.LIGHT));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void fileExitClosesTheWindow(FxRobot robot) {
        robot.clickOn(menuButton(robot, "File"));
        robot.clickOn("Exit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows()).doesNotContain(stage);
    }

    private static javafx.scene.Node menuButton(FxRobot robot, String text) {
        return robot.lookup(".menu-bar .menu").match((javafx.scene.control.Labeled node) ->
                node.getText().replace("_", "").equals(text)).query();
    }

}
