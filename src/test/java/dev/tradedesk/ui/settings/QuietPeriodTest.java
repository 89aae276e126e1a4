package dev.tradedesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app's typing pause on the JavaFX clock: waits for the outcome, never for a set time. */
@ExtendWith(ApplicationExtension.class)
class QuietPeriodTest {

    @Start
    void start(Stage stage) {
        // no window: the pause needs only the toolkit's clock
    }

    @Test
    void aRestartReplacesTheActionWaitingWhichRunsOnceOnTheJavaFxThread(FxRobot robot) throws Exception {
        List<String> runs = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            QuietPeriod pause = QuietPeriod.typingPause();
            pause.restart(() -> runs.add("9"));
            pause.restart(() -> runs.add("99"));
            pause.restart(() -> {
                runs.add("999");
                onFxThread.add(javafx.application.Platform.isFxApplicationThread());
            });
            QuietPeriod stopped = QuietPeriod.typingPause();
            stopped.restart(() -> runs.add("stopped"));
            stopped.stop();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !runs.isEmpty());
        // The stopped pause started with the one that ran, so it would have been due on the same pulse.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs).containsExactly("999");
        assertThat(onFxThread).containsExactly(true);
    }
}
