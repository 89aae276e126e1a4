package dev.tradedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.testing.PrimaryStage;
import javafx.application.Application;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A menu of the dark theme on a display whose windows cannot be transparent is drawn square and
 * without its drop shadow, whose margin showed as a white rim; where they can, the theme's menu
 * is left as it is. Headless on Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class PopupStyleTest {

    private Button owner;
    private ContextMenu menu;
    private String previousTheme;

    @Start
    void start(Stage stage) {
        previousTheme = Application.getUserAgentStylesheet();
        Application.setUserAgentStylesheet(ThemeStylesheets.userAgentStylesheet(Theme.DARK));
        owner = new Button("owner");
        menu = new ContextMenu(new MenuItem("Export chart as PNG..."), new MenuItem("Settings..."));
        PrimaryStage.show(stage, new Scene(new StackPane(owner), 400, 300));
    }

    @AfterEach
    void hideMenuAndPutTheThemeBack(FxRobot robot) {
        robot.interact(() -> {
            menu.hide();
            Application.setUserAgentStylesheet(previousTheme);
        });
    }

    @Test
    void withoutTransparentWindowsAMenuIsSquareAndCastsNoShadow(FxRobot robot) {
        robot.interact(() -> PopupStyle.fit(owner.getScene(), false));

        Region drawn = shown(robot);

        assertThat(drawn.getEffect()).as("drop shadow").isNull();
        assertThat(drawn.getBackground().getFills()).allSatisfy(fill -> assertThat(fill.getRadii().getTopLeftHorizontalRadius())
                .as("corner radius").isZero());
    }

    @Test
    void withTransparentWindowsTheThemesMenuIsLeftAsItIs(FxRobot robot) {
        robot.interact(() -> PopupStyle.fit(owner.getScene(), true));

        Region drawn = shown(robot);

        assertThat(drawn.getEffect()).as("the theme's drop shadow").isNotNull();
        assertThat(drawn.getBackground().getFills().get(0).getRadii().getTopLeftHorizontalRadius()).isPositive();
    }

    /** The menu's drawn region, its styles applied. */
    private Region shown(FxRobot robot) {
        robot.interact(() -> menu.show(owner, Side.BOTTOM, 0, 0));
        WaitForAsyncUtils.waitForFxEvents();
        Node content = menu.getSkin().getNode();
        assertThat(content.getStyleClass()).contains("context-menu");
        return (Region) content;
    }
}
