package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.app.WorkstationLock;
import dev.tradedesk.testing.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A second workstation on the settings another one has open says so and opens nothing: the two
 * saved each other's watchlist edits over without a word.
 */
@ExtendWith(ApplicationExtension.class)
class SecondWindowTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // The toolkit only: the command opens its own window.
    }

    @Test
    void aSecondWindowOnTheSameSettingsSaysTheFirstHasThemAndOpensNoWorkstation() throws Exception {
        Path settings = dir.resolve("config").resolve("settings.json");
        Path data = dir.resolve("data");
        CommandRun command = new CommandRun(dir);
        try (WorkstationLock firstWindow = WorkstationLock.tryTake(settings).orElseThrow()) {
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                    () -> command.run("--config", settings.toString(), "--data-dir", data.toString(), "gui", "--headless"));

            DialogPane told = Poll.until(() -> onFxThread(() -> shownMessage().orElse(null)), Duration.ofSeconds(30));
            String[] text = onFxThread(() -> {
                ((Button) told.lookupButton(ButtonType.OK)).fire();
                return new String[] {told.getHeaderText(), told.getContentText()};
            });

            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(text[0]).isEqualTo("TradeDesk is already open with these settings");
            assertThat(text[1]).contains("Another TradeDesk window uses " + settings.toAbsolutePath().normalize() + ": switch to it",
                    "tradedesk --config OTHER/settings.json --data-dir OTHER");
            assertThat(command.err()).contains("tradedesk: TradeDesk is already open with these settings.");
            assertThat(data.resolve("history.mv.db")).as("no history opened").doesNotExist();
        }
    }

    private static <T> T onFxThread(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message window the command shows, once it shows. JavaFX thread. */
    private static Optional<DialogPane> shownMessage() {
        List<Window> windows = List.copyOf(Window.getWindows());
        return windows.stream().filter(Window::isShowing).map(Window::getScene)
                .filter(scene -> scene != null && scene.getRoot().lookup(".dialog-pane") instanceof DialogPane)
                .map(scene -> (DialogPane) scene.getRoot().lookup(".dialog-pane")).findFirst();
    }
}
