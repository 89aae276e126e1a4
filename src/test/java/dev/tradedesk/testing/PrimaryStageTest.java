package dev.tradedesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A scene shown with {@link PrimaryStage#show} has the size it asked for, whatever an earlier test
 * class left the shared primary stage as.
 */
@ExtendWith(ApplicationExtension.class)
class PrimaryStageTest {

    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void aStageLeftClosedAtASizeOfItsOwnShowsTheSceneAtItsSize(FxRobot robot) {
        assertShownAtSceneSize(robot, "closed at 1400 x 900", left -> {
            left.setWidth(1400);
            left.setHeight(900);
            left.close();
        });
    }

    @Test
    void aStageLeftShowingAtASizeOfItsOwnShowsTheSceneAtItsSize(FxRobot robot) {
        assertShownAtSceneSize(robot, "showing at 1400 x 900", left -> {
            left.setWidth(1400);
            left.setHeight(900);
        });
    }

    @Test
    void aStageLeftMaximizedShowsTheSceneAtItsSize(FxRobot robot) {
        assertShownAtSceneSize(robot, "closed maximized", left -> {
            left.setMaximized(true);
            left.close();
        });
    }

    @Test
    void aStageLeftInFullScreenShowsTheSceneAtItsSize(FxRobot robot) {
        assertShownAtSceneSize(robot, "closed in full screen", left -> {
            left.setFullScreen(true);
            left.close();
        });
    }

    /** Leaves the stage as {@code earlierTest} does, then shows a 1200 × 800 scene on it. */
    private void assertShownAtSceneSize(FxRobot robot, String left, Consumer<Stage> earlierTest) {
        robot.interact(() -> {
            stage.setFullScreen(false); // as the test before this one may have left it
            stage.setMaximized(false);
            stage.setScene(new Scene(new StackPane(), 300, 200));
            stage.show();
            earlierTest.accept(stage);
        });
        robot.interact(() -> {
            Scene scene = new Scene(new StackPane(), 1200, 800);
            PrimaryStage.show(stage, scene);
            assertThat(stage.isShowing()).as("%s: showing", left).isTrue();
            assertThat(stage.isMaximized()).as("%s: maximized", left).isFalse();
            assertThat(stage.isFullScreen()).as("%s: in full screen", left).isFalse();
            assertThat(scene.getWidth()).as("%s: the scene's width", left).isEqualTo(1200);
            assertThat(scene.getHeight()).as("%s: the scene's height", left).isEqualTo(800);
            Rectangle2D screen = Screen.getPrimary().getBounds();
            assertThat(screen.contains(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()))
                    .as("%s: the window on the screen, at %s, %s", left, stage.getX(), stage.getY()).isTrue();
        });
    }
}
