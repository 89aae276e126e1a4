package dev.tradedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Headless on Monocle, whose toolkit TestFX has started: the launcher hands its window to it. */
@ExtendWith(ApplicationExtension.class)
class DesktopLauncherTest {

    @Start
    void start(Stage primaryStage) {
        // the toolkit is running; the launcher opens a stage of its own
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void workWhenOpenedRunsOnTheCallingThreadOnceTheWindowIsOpenAndBeforeItCloses() throws InterruptedException {
        List<String> steps = Collections.synchronizedList(new ArrayList<>());
        Thread caller = Thread.currentThread();
        Stage[] window = new Stage[1];

        new DesktopLauncher().runUntilClosed(stage -> {
            window[0] = stage;
            stage.setScene(new Scene(new Pane(), 200, 100));
            stage.show();
            steps.add("opened on the JavaFX thread: " + Platform.isFxApplicationThread());
        }, () -> {
            steps.add("then on the calling thread: " + (Thread.currentThread() == caller) + ", window showing: "
                    + window[0].isShowing());
            Platform.runLater(window[0]::hide);
        });

        assertThat(steps).containsExactly("opened on the JavaFX thread: true",
                "then on the calling thread: true, window showing: true");
    }

    @Test
    void monoclesHeadlessScreenRendersInSoftware() {
        assertThat(DesktopLauncher.rendersInSoftware()).contains(true);
    }
}
