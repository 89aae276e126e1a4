package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
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
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
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
        SettingsValues saved = new SettingsValues(ProviderKind.SIM, null, null, SettingsValues.DEFAULT_ALPACA_BASE_URL,
                "iex", Watchlists.DEFAULTS, Timeframe.ONE_MINUTE, IndicatorParameters.DEFAULTS, Theme.LIGHT,
                SettingsValues.SYSTEM_ZONE, 1);
        model = new SettingsViewModel(saved, parameters -> { }, themePreviews::add, QuietPeriod.typingPause());
        dialog = new SettingsDialog(main, model);
        new MainWindowHold(main).over(dialog.dialog());
        dialog.show(accepted::add);
    }

    @Test
    void escapeInTheHeldMainWindowCancelsTheDialogWhileOtherKeysThereDoNothing(FxRobot robot) {
        robot.interact(() -> model.themeProperty().set(Theme.DARK));
        // Where a click on the main window's title bar leaves the keyboard under Openbox: the dialog
        // stays in front, the keys go to the main window.
        robot.interact(main::requestFocus);
        assertThat(main.isFocused()).isTrue();

        robot.type(KeyCode.A, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.dialog().isShowing()).as("Enter in the held window is not the dialog's OK").isTrue();
        assertThat(symbolBox.getText()).isEmpty();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
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
}
