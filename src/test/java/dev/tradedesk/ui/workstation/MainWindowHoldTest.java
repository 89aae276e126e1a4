package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.sun.javafx.stage.WindowHelper;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.alpaca.AlpacaBaseUrl;
import dev.tradedesk.testing.PrimaryStage;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.settings.QuietPeriod;
import dev.tradedesk.ui.settings.SettingsDialog;
import dev.tradedesk.ui.settings.SettingsValues;
import dev.tradedesk.ui.settings.SettingsViewModel;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings dialog held over a main window by {@link MainWindowHold}, as the workstation shows it. */
@ExtendWith(ApplicationExtension.class)
class MainWindowHoldTest {

    private TextField symbolBox;
    private final List<Theme> themePreviews = new ArrayList<>();
    private final List<SettingsValues> accepted = new ArrayList<>();
    private Stage main;
    private SettingsViewModel model;
    private SettingsDialog dialog;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        main = stage;
        symbolBox = new TextField();
        PrimaryStage.show(main, new Scene(new StackPane(symbolBox), 900, 700));
        SettingsValues saved = new SettingsValues(ProviderKind.SIM, null, null, AlpacaBaseUrl.DEFAULT,
                "iex", Watchlists.DEFAULTS, Timeframe.ONE_MINUTE, IndicatorParameters.DEFAULTS, Theme.LIGHT,
                SettingsValues.SYSTEM_ZONE, 1);
        model = new SettingsViewModel(saved, parameters -> { }, themePreviews::add, QuietPeriod.typingPause());
        dialog = new SettingsDialog(main, model);
        new MainWindowHold(main).over(dialog.dialog());
        dialog.show(accepted::add);
    }

    @Test
    void theDialogStaysCentredOverTheMainWindowAsThatChangesUntilTheDialogIsMoved(FxRobot robot) {
        Window dialogWindow = dialog.dialog().getDialogPane().getScene().getWindow();
        WaitForAsyncUtils.waitForFxEvents(); // centred once it shows, on a later event

        // As the window manager gave the main window its own size after an alert had been centred
        // over its first one.
        robot.interact(() -> {
            main.setX(40);
            main.setY(30);
            main.setWidth(1000);
            main.setHeight(760);
        });
        assertThat(centre(dialogWindow)).isEqualTo(centre(main));

        robot.interact(() -> dialogWindow.setX(dialogWindow.getX() + 50)); // the user moves it
        double movedTo = dialogWindow.getX();
        robot.interact(() -> main.setWidth(900));
        assertThat(dialogWindow.getX()).as("where the user put it").isEqualTo(movedTo);
    }

    private static javafx.geometry.Point2D centre(Window window) {
        return new javafx.geometry.Point2D(Math.round(window.getX() + window.getWidth() / 2),
                Math.round(window.getY() + window.getHeight() / 2));
    }

    @Test
    void theKeyboardGivenToTheHeldMainWindowGoesBackToTheDialog(FxRobot robot) {
        List<KeyCode> keysInTheDialog = keysPressedIn(dialog.dialog().getDialogPane().getScene().getWindow());
        List<KeyCode> keysInTheMainWindow = keysPressedIn(main);

        giveTheMainWindowTheKeyboard(robot);
        robot.type(KeyCode.TAB);

        assertThat(keysInTheMainWindow).isEmpty();
        assertThat(keysInTheDialog).as("the dialog in front has the keyboard").containsExactly(KeyCode.TAB);
    }

    @Test
    void theKeyboardGivenToTheHeldMainWindowBringsBackAMinimizedDialog(FxRobot robot) {
        Stage dialogWindow = (Stage) dialog.dialog().getDialogPane().getScene().getWindow();
        List<KeyCode> keysInTheDialog = keysPressedIn(dialogWindow);
        robot.interact(() -> dialogWindow.setIconified(true)); // its title bar's minimize button

        giveTheMainWindowTheKeyboard(robot); // as the main window's taskbar button does

        assertThat(dialogWindow.isIconified()).isFalse();
        robot.type(KeyCode.TAB);
        assertThat(keysInTheDialog).containsExactly(KeyCode.TAB);
    }

    @Test
    void escapeInTheHeldMainWindowCancelsTheDialogWhileOtherKeysThereDoNothing(FxRobot robot) {
        robot.interact(() -> model.themeProperty().set(Theme.DARK));
        // Keys the main window gets before the dialog has the keyboard back, or when the window
        // manager refuses the dialog the keyboard: the dialog stays in front, the keys go to the main window.
        pressInTheMainWindow(robot, KeyCode.A, "a");
        pressInTheMainWindow(robot, KeyCode.ENTER, "\r");
        assertThat(dialog.dialog().isShowing()).as("Enter in the held window is not the dialog's OK").isTrue();
        assertThat(symbolBox.getText()).isEmpty();

        pressInTheMainWindow(robot, KeyCode.ESCAPE, "\u001b");
        assertThat(dialog.dialog().isShowing()).as("Esc in the held window is the dialog's Cancel").isFalse();
        assertThat(accepted).isEmpty();
        assertThat(themePreviews).as("the previewed theme put back").containsExactly(Theme.DARK, Theme.LIGHT);
    }

    @Test
    void escapeInAnOpenListOfTheDialogClosesTheListAloneAndThenTheDialog(FxRobot robot) {
        ComboBox<?> feed = robot.lookup("#alpacaFeed").queryAs(ComboBox.class);
        robot.clickOn(feed);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(feed.isShowing()).isTrue();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(feed.isShowing()).isFalse();
        assertThat(dialog.dialog().isShowing()).as("the list closed, not the dialog").isTrue();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.dialog().isShowing()).isFalse();
        assertThat(accepted).isEmpty();
    }

    /**
     * What the window manager does on a click on the main window's title bar or on Alt+Tab to it,
     * where the hold sees no press: the keys go to the main window, and it is told it has them.
     * Monocle tells a window of its first gain alone, never of a loss, so the main window, focused
     * when it showed, is told of the dialog's taking the keyboard and of its own gain here.
     */
    private void giveTheMainWindowTheKeyboard(FxRobot robot) {
        robot.interact(() -> {
            main.requestFocus();
            WindowHelper.setFocused(main, false);
            WindowHelper.setFocused(main, true);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<KeyCode> keysPressedIn(Window window) {
        List<KeyCode> keys = new ArrayList<>();
        window.addEventFilter(KeyEvent.KEY_PRESSED, key -> keys.add(key.getCode()));
        return keys;
    }

    /** A key typed in the main window's symbol box, which has the main window's keyboard. */
    private void pressInTheMainWindow(FxRobot robot, KeyCode code, String character) {
        robot.interact(() -> {
            for (EventType<KeyEvent> type : List.of(KeyEvent.KEY_PRESSED, KeyEvent.KEY_TYPED, KeyEvent.KEY_RELEASED)) {
                boolean typed = type == KeyEvent.KEY_TYPED;
                Event.fireEvent(symbolBox, new KeyEvent(type, typed ? character : KeyEvent.CHAR_UNDEFINED,
                        typed ? "" : code.getChar(), typed ? KeyCode.UNDEFINED : code, false, false, false, false));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
