package dev.tradedesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.ThemeStylesheets;
import dev.tradedesk.testing.PrimaryStage;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real settings dialog, headless on Monocle, driven by keyboard and mouse. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {

    private final List<IndicatorParameters> previews = new ArrayList<>();
    private final List<Theme> themePreviews = new ArrayList<>();
    private final HandQuietPeriod typingPause = new HandQuietPeriod();
    private final List<SettingsValues> accepted = new ArrayList<>();
    private SettingsDialog dialog;

    @Start
    void start(Stage owner) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        PrimaryStage.show(owner, new Scene(new StackPane(), 900, 700));
        dialog = new SettingsDialog(owner, new SettingsViewModel(SettingsDialogDemo.sample(), previews::add, theme -> {
            themePreviews.add(theme);
            Application.setUserAgentStylesheet(ThemeStylesheets.userAgentStylesheet(theme));
        }, typingPause));
        dialog.show(accepted::add);
    }

    @Test
    void shrunkByItsFrameTheDialogKeepsItsButtonsAndEveryTab(FxRobot robot) {
        // The window had no minimum: dragged to 200 x 200 it showed two tabs and neither OK nor Cancel.
        DialogPane pane = robot.lookup("#settingsDialog").queryAs(DialogPane.class);
        javafx.stage.Window window = pane.getScene().getWindow();
        robot.interact(() -> {
            window.setWidth(200);
            window.setHeight(200);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            pane.getScene().getRoot().applyCss();
            pane.getScene().getRoot().layout();
        });
        for (String button : List.of("#settingsOk", "#settingsCancel")) {
            Button shown = robot.lookup(button).queryAs(Button.class);
            Bounds bounds = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> shown.localToScene(shown.getLayoutBounds()));
            assertThat(bounds.getMaxX()).as("%s within the dialog's width", button).isLessThanOrEqualTo(pane.getScene().getWidth());
            assertThat(bounds.getMaxY()).as("%s within the dialog's height", button).isLessThanOrEqualTo(pane.getScene().getHeight());
        }
        TabPane tabs = robot.lookup("#settingsTabs").queryAs(TabPane.class);
        Node lastTab = robot.lookup("#settingsTabs .tab").queryAll().stream()
                .max(java.util.Comparator.comparingDouble(tab -> tab.localToScene(tab.getLayoutBounds()).getMaxX()))
                .orElseThrow();
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5_000, () -> lastTab.localToScene(lastTab.getLayoutBounds()).getMaxX()))
                .as("the last tab within the dialog").isLessThanOrEqualTo(tabs.getWidth());
    }

    @Test
    void theSimulatorTabSaysItsLimitWithThousandsGrouped(FxRobot robot) {
        openTab(robot, "Simulator");
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(text -> text.endsWith("real minute; at most 10,000."));
    }

    @Test
    void anInvalidPeriodDisablesOkAndShowsWhyUntilItIsFixed(FxRobot robot) {
        openTab(robot, "Indicators");
        TextField rsi = robot.lookup("#rsiPeriod").queryAs(TextField.class);
        Label problems = problemLine(robot, SettingsSection.INDICATORS);
        Button ok = robot.lookup("#settingsOk").queryAs(Button.class);
        assertThat(ok.isDisabled()).isFalse();
        assertThat(rsi.getTooltip().getText()).isEqualTo("Wilder RSI look-back, in bars");

        typeOver(robot, rsi, "0");
        assertThat(ok.isDisabled()).isTrue();
        assertThat(problems.getText()).isEqualTo("RSI period: Must be between 1 and 10,000, was 0");
        assertThat(rsi.getTooltip().getText()).as("the field's own message, above its help")
                .isEqualTo("Must be between 1 and 10,000, was 0\nWilder RSI look-back, in bars");
        assertThat(rsi.getStyleClass()).contains(FieldProblemsView.FIELD_INVALID);
        assertThat(tabProblemDot(robot, "tabINDICATORS")).isNotNull();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.dialog().isShowing()).as("Enter does nothing while invalid").isTrue();

        typeOver(robot, rsi, "21");
        assertThat(ok.isDisabled()).isFalse();
        assertThat(problems.getText()).isEmpty();
        assertThat(rsi.getTooltip().getText()).isEqualTo("Wilder RSI look-back, in bars");
        assertThat(rsi.getStyleClass()).doesNotContain(FieldProblemsView.FIELD_INVALID);
        assertThat(tabProblemDot(robot, "tabINDICATORS")).isNull();
        assertThat(previews).as("typing has not paused").isEmpty();

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(previews).as("Enter previews at once, then is OK").extracting(IndicatorParameters::rsiPeriod)
                .containsExactly(21);
        assertThat(dialog.dialog().isShowing()).isFalse();
        assertThat(accepted).singleElement().satisfies(values -> {
            assertThat(values.indicators().rsiPeriod()).isEqualTo(21);
            assertThat(values.alpacaSecretKey().reveal()).isEqualTo("very-secret");
        });
    }

    @Test
    void theTabsLineNamesEveryProblemWrappedWithinTheDialogWithoutSqueezingTheFields(FxRobot robot) {
        openTab(robot, "Indicators");
        TextField rsi = robot.lookup("#rsiPeriod").queryAs(TextField.class);
        double rsiWidth = rsi.getWidth();
        Label problems = problemLine(robot, SettingsSection.INDICATORS);

        setText(robot, robot.lookup("#sensitivity").queryAs(TextField.class), "abc");
        setText(robot, robot.lookup("#baseLower").queryAs(TextField.class), "99");
        setText(robot, robot.lookup("#baseUpper").queryAs(TextField.class), "50");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(problems.getText()).as("the field edited first, a problem of two fields once").isEqualTo(
                "Lower band base (99) must be below upper band base (50)" + ProblemLine.SEPARATOR + "Sensitivity: Enter a number");
        assertThat(robot.lookup("#baseLower").queryAs(TextField.class).getTooltip().getText())
                .startsWith("Lower band base (99) must be below upper band base (50)\n");
        robot.clickOn("#sensitivity");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problems.getText()).as("now the field being edited").isEqualTo(
                "Sensitivity: Enter a number" + ProblemLine.SEPARATOR + "Lower band base (99) must be below upper band base (50)");
        assertThat(rsi.getWidth()).as("the fields keep their width").isEqualTo(rsiWidth);
        robot.interact(() -> {
            javafx.scene.text.Text shown = (javafx.scene.text.Text) problems.lookup(".text");
            assertThat(shown.getText()).as("the whole line, not cut").isEqualTo(problems.getText());
            javafx.geometry.Bounds bounds = problems.localToScene(problems.getLayoutBounds());
            assertThat(bounds.getMaxX()).as("within the dialog").isLessThanOrEqualTo(problems.getScene().getWidth());
        });
    }

    @Test
    void problemsAppearingOrWrappingToTwoLinesMoveNoField(FxRobot robot) {
        openTab(robot, "Indicators");
        List<String> fields = List.of("#rsiPeriod", "#stochPeriod", "#volumePeriod", "#baseLower", "#baseUpper",
                "#sensitivity", "#resetIndicators");
        List<Double> before = sceneTops(robot, fields);

        setText(robot, robot.lookup("#rsiPeriod").queryAs(TextField.class), "0");
        setText(robot, robot.lookup("#sensitivity").queryAs(TextField.class), "abc");
        setText(robot, robot.lookup("#baseLower").queryAs(TextField.class), "99");
        setText(robot, robot.lookup("#baseUpper").queryAs(TextField.class), "50");
        WaitForAsyncUtils.waitForFxEvents();

        Label problems = problemLine(robot, SettingsSection.INDICATORS);
        assertThat(problems.getText()).contains("RSI period: Must be between 1 and 10,000, was 0",
                "Lower band base (99) must be below upper band base (50)", "Sensitivity: Enter a number");
        assertThat(sceneTops(robot, fields)).as("every field stays where it was").isEqualTo(before);
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5_000, () -> lineCount(problems)))
                .as("the problems wrap, whole, in the two lines kept for them").isEqualTo(2);
    }

    @Test
    void theFieldsStandOneGapApartWithNoRoomKeptUnderEach(FxRobot robot) {
        openTab(robot, "Indicators");
        assertThat(gapBetween(robot, "#rsiPeriod", "#stochPeriod")).isLessThan(20.0);
        assertThat(gapBetween(robot, "#atrMaPeriod", "#baseLower")).isLessThan(20.0);
        openTab(robot, "Data provider");
        assertThat(gapBetween(robot, "#alpacaKeyId", "#alpacaBaseUrl")).isLessThan(20.0);
    }

    @Test
    void resetToDefaultsFillsTheDefaultsShownAndEscapeCancelsPuttingThePreviewBack(FxRobot robot) {
        openTab(robot, "Indicators");
        setText(robot, robot.lookup("#stochPeriod").queryAs(TextField.class), "30");
        robot.interact(typingPause::pass);
        setText(robot, robot.lookup("#sensitivity").queryAs(TextField.class), "2");
        robot.clickOn("#resetIndicators");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sensitivity").queryAs(TextField.class).getText()).isEqualTo("0.7");
        assertThat(robot.lookup("#settingsOk").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("default 0.7").tryQuery()).isPresent();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.dialog().isShowing()).isFalse();
        assertThat(accepted).isEmpty();
        assertThat(previews).as("30, then the defaults, which are the initial ones: nothing left to put back")
                .extracting(IndicatorParameters::stochPeriod).containsExactly(30, 14);
        assertThat(previews.get(1)).isEqualTo(SettingsDialogDemo.sample().indicators());
    }

    @Test
    void escapeCancelsThoughAFieldsTooltipShows(FxRobot robot) {
        openTab(robot, "Indicators");
        TextField rsi = robot.lookup("#rsiPeriod").queryAs(TextField.class);
        typeOver(robot, rsi, "0");
        // As the mouse resting on the field shows it.
        robot.interact(() -> {
            javafx.geometry.Bounds field = rsi.localToScreen(rsi.getLayoutBounds());
            rsi.getTooltip().show(rsi, field.getMinX(), field.getMaxY() + 4);
        });
        assertThat(rsi.getTooltip().isShowing()).isTrue();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.dialog().isShowing()).as("Esc is the dialog's Cancel, not only the tooltip's end").isFalse();
        assertThat(accepted).isEmpty();
    }

    @Test
    void aPeriodTypedIsPreviewedOnceTypingPausesOrTheFieldIsLeft(FxRobot robot) {
        openTab(robot, "Indicators");
        TextField rsi = robot.lookup("#rsiPeriod").queryAs(TextField.class);
        typeOver(robot, rsi, "250");
        assertThat(previews).as("not 2 and 25 on the way").isEmpty();
        robot.interact(typingPause::pass);
        assertThat(previews).extracting(IndicatorParameters::rsiPeriod).containsExactly(250);

        typeOver(robot, rsi, "30");
        robot.clickOn("#stochPeriod");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(previews).as("leaving the field previews without the pause")
                .extracting(IndicatorParameters::rsiPeriod).containsExactly(250, 30);
        assertThat(typingPause.waiting()).isFalse();
    }

    @Test
    void theThemeChosenRestylesTheDialogAtOnceAndCancelPutsTheFirstOneBack(FxRobot robot) {
        openTab(robot, "Appearance");
        Color lightBackground = background(robot);
        robot.clickOn("#themeDark");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(themePreviews).containsExactly(Theme.DARK);
        assertThat(background(robot)).as("the dialog in the dark theme while it is open").isNotEqualTo(lightBackground);

        robot.clickOn("#settingsCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(themePreviews).containsExactly(Theme.DARK, Theme.LIGHT);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(ThemeStylesheets.userAgentStylesheet(Theme.LIGHT));
        assertThat(accepted).isEmpty();
    }

    @Test
    void credentialsAreMaskedBadFieldsAreFlaggedOnTheirTabsAndEnterInTheZoneBoxIsOk(FxRobot robot) {
        openTab(robot, "Data provider");
        assertThat((Object) robot.lookup("#alpacaKeyId").query()).isInstanceOf(PasswordField.class);
        assertThat(robot.lookup("#alpacaSecretKey").queryAs(PasswordField.class).getText()).isEqualTo("very-secret");
        setText(robot, robot.lookup("#alpacaBaseUrl").queryAs(TextField.class), "ftp://data.alpaca.markets");
        assertThat(problemLine(robot, SettingsSection.PROVIDER).getText()).startsWith("Base URL: Enter an http(s) URL");

        openTab(robot, "Chart");
        assertThat(tabProblemDot(robot, "tabPROVIDER")).as("the dot stays on the tab when it is left").isNotNull();
        assertThat(tabProblemDot(robot, "tabPROVIDER").getParent()).as("shown in the tab header").isNotNull();
        ComboBox<?> zone = robot.lookup("#timeZone").queryAs(ComboBox.class);
        setText(robot, zone.getEditor(), "Mars/Base");
        assertThat(problemLine(robot, SettingsSection.CHART).getText()).as("a message naming its field says it once")
                .startsWith("Unknown time zone 'Mars/Base': use");
        assertThat(zone.getStyleClass()).contains(FieldProblemsView.FIELD_INVALID);
        robot.interact(() -> zone.getEditor().setText("Asia/Tokyo"));
        robot.interact(() -> robot.lookup("#alpacaBaseUrl").queryAs(TextField.class).setText("http://localhost:8080"));
        assertThat(robot.lookup("#settingsOk").queryAs(Button.class).isDisabled()).isFalse();

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(accepted).singleElement().satisfies(values -> {
            assertThat(values.timeZone()).isEqualTo("Asia/Tokyo");
            assertThat(values.alpacaBaseUrl()).isEqualTo("http://localhost:8080");
        });
    }

    @Test
    void enterOnAProviderChoiceIsOk(FxRobot robot) {
        robot.clickOn("#providerBINANCE");
        assertThat(robot.lookup("#providerBINANCE").queryAs(RadioButton.class).isFocused()).isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.dialog().isShowing()).as("Enter with a provider's choice focused").isFalse();
        assertThat(accepted).singleElement().extracting(SettingsValues::provider).isEqualTo(dev.tradedesk.feed.ProviderKind.BINANCE);
    }

    @Test
    void enterOnAThemeChoiceIsOkToo(FxRobot robot) {
        openTab(robot, "Appearance");
        robot.clickOn("#themeDark");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(accepted).as("Enter with a theme's choice focused").singleElement()
                .extracting(SettingsValues::theme).isEqualTo(Theme.DARK);
    }

    @Test
    void enterOnAChoiceDoesNothingWhileAFieldIsInvalid(FxRobot robot) {
        openTab(robot, "Indicators");
        robot.interact(() -> robot.lookup("#rsiPeriod").queryAs(TextField.class).setText("0"));
        openTab(robot, "Data provider");
        robot.clickOn("#providerCOINBASE");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.dialog().isShowing()).isTrue();
        assertThat(accepted).isEmpty();
    }

    @Test
    void aTimeZoneTypedWrongIsNamedOnTheTabsLineAndRefusedByOkAsAnyFieldsProblem(FxRobot robot) {
        openTab(robot, "Chart");
        ComboBox<?> zone = robot.lookup("#timeZone").queryAs(ComboBox.class);
        Button ok = robot.lookup("#settingsOk").queryAs(Button.class);
        String problem = "Unknown time zone 'Europe/Pariss': use \"system\" or a zone id such as America/New_York";

        typeOver(robot, zone.getEditor(), "Europe/Pariss");
        assertThat(problemLine(robot, SettingsSection.CHART).getText()).isEqualTo(problem);
        assertThat(zone.getTooltip().getText()).isEqualTo(problem);
        assertThat(zone.getStyleClass()).contains(FieldProblemsView.FIELD_INVALID);
        assertThat(tabProblemDot(robot, "tabCHART")).isNotNull();
        assertThat(ok.isDisabled()).isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.dialog().isShowing()).as("Enter does nothing while invalid").isTrue();

        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problemLine(robot, SettingsSection.CHART).getText()).isEmpty();
        assertThat(zone.getStyleClass()).doesNotContain(FieldProblemsView.FIELD_INVALID);
        assertThat(ok.isDisabled()).isFalse();
    }

    @Test
    void choosingBinanceShowsItsWatchlistUnderAHintNamingItAndOkKeepsBoth(FxRobot robot) {
        robot.clickOn("#providerBINANCE");
        openTab(robot, "Watchlist");
        javafx.scene.control.TextArea symbols = robot.lookup("#watchlist").queryAs(javafx.scene.control.TextArea.class);
        assertThat(symbols.getText()).startsWith("BTCUSDT\nETHUSDT");
        assertThat(robot.lookup("#watchlistHint").queryAs(Label.class).getText()).startsWith("The Binance watchlist");
        setText(robot, symbols, "BTCUSDT\nSOLUSDT");

        robot.clickOn("#settingsOk");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(accepted).singleElement().satisfies(values -> {
            assertThat(values.watchlist()).containsExactly(dev.tradedesk.core.Symbol.of("BTCUSDT"), dev.tradedesk.core.Symbol.of("SOLUSDT"));
            assertThat(values.watchlists().stocks()).isEqualTo(SettingsDialogDemo.sample().watchlists().stocks());
        });
    }

    @Test
    void theWatchlistKeepsItsHeightWhenItsMessageAppears(FxRobot robot) {
        openTab(robot, "Watchlist");
        javafx.scene.control.TextArea symbols = robot.lookup("#watchlist").queryAs(javafx.scene.control.TextArea.class);
        double height = WaitForAsyncUtils.waitForAsyncFx(5_000, symbols::getHeight);

        setText(robot, symbols, "AAPL\nBTC$USD");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(problemLine(robot, SettingsSection.WATCHLIST).getText()).startsWith("Symbols: Invalid symbol 'BTC$USD'");
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5_000, symbols::getHeight)).as("the symbols do not move under the cursor")
                .isEqualTo(height);
    }

    @Test
    void theTabsAndTheChosenProviderShowWhenTheyHaveTheKeyboardAndTheirFocusMovesNothing(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Region header = tabHeader(robot, SettingsSection.PROVIDER);
        RadioButton chosen = robot.lookup(".radio-button").queryAllAs(RadioButton.class).stream()
                .filter(choice -> choice.getId().startsWith("provider") && choice.isSelected()).findFirst().orElseThrow();
        Region circle = (Region) chosen.lookup(".radio");
        Background headerIdle = onFx(header::getBackground);
        Background circleIdle = onFx(circle::getBackground);
        List<String> placed = List.of("#providerSIM", "#providerALPACA", "#alpacaKeyId", "#providerBINANCE", "#providerCOINBASE");
        List<Double> tops = sceneTops(robot, placed);
        Bounds circleBounds = onFx(circle::getLayoutBounds);

        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner(robot)).isSameAs(robot.lookup("#settingsTabs").query());
        assertThat(onFx(header::getBackground)).as("the selected tab's header, while the tabs have the keyboard")
                .isNotEqualTo(headerIdle);

        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner(robot)).isSameAs(chosen);
        assertThat(onFx(circle::getBackground)).as("the chosen provider's circle, while it has the keyboard")
                .isNotEqualTo(circleIdle);
        assertThat(onFx(header::getBackground)).as("the header, once the tabs lost it").isEqualTo(headerIdle);
        assertThat(sceneTops(robot, placed)).as("nothing moves").isEqualTo(tops);
        assertThat(onFx(circle::getLayoutBounds)).isEqualTo(circleBounds);

        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(circle::getBackground)).as("the circle, once the keyboard went on").isEqualTo(circleIdle);
    }

    private void openTab(FxRobot robot, String title) {
        TabPane tabs = robot.lookup("#settingsTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getTabs().stream().filter(tab -> tab.getText().equals(title)).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab)));
    }

    /** Types {@code text} over the field's content, as the user would: click, select all, type. */
    private static void typeOver(FxRobot robot, javafx.scene.control.TextInputControl field, String text) {
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Puts {@code text} into the field at once (typing is slow under the robot), then focuses it. */
    private static void setText(FxRobot robot, javafx.scene.control.TextInputControl field, String text) {
        robot.interact(() -> field.setText(text));
        robot.clickOn(field);
    }

    private static Color background(FxRobot robot) {
        DialogPane pane = robot.lookup("#settingsDialog").queryAs(DialogPane.class);
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> (Color) pane.getBackground().getFills().get(0).getFill());
    }

    private static Label problemLine(FxRobot robot, SettingsSection section) {
        return robot.lookup("#problems" + section.name()).queryAs(Label.class);
    }

    /** The room between the bottom of one node and the top of the next below it, in pixels. */
    private static double gapBetween(FxRobot robot, String upper, String lower) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            Node above = robot.lookup(upper).query();
            return robot.lookup(lower).query().localToScene(0, 0).getY() - above.localToScene(0, above.getLayoutBounds().getHeight()).getY();
        });
    }

    private static List<Double> sceneTops(FxRobot robot, List<String> queries) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> queries.stream()
                .map(query -> robot.lookup(query).query().localToScene(0, 0).getY()).toList());
    }

    /** The lines the label's text is drawn in: its text node's height over one line's. */
    private static int lineCount(Label label) {
        javafx.scene.text.Text shown = (javafx.scene.text.Text) label.lookup(".text");
        javafx.scene.text.Text oneLine = new javafx.scene.text.Text("X");
        oneLine.setFont(shown.getFont());
        return (int) Math.round(shown.getLayoutBounds().getHeight() / oneLine.getLayoutBounds().getHeight());
    }

    private static Node tabProblemDot(FxRobot robot, String tabId) {
        TabPane tabs = robot.lookup("#settingsTabs").queryAs(TabPane.class);
        return tabs.getTabs().stream().filter(tab -> tabId.equals(tab.getId())).findFirst().orElseThrow().getGraphic();
    }

    /** The header the tab pane's skin draws for {@code section}'s tab, which takes the tab's id. */
    private static Region tabHeader(FxRobot robot, SettingsSection section) {
        return robot.lookup("#settingsTabs").lookup("#tab" + section.name()).queryAs(Region.class);
    }

    private static Node focusOwner(FxRobot robot) {
        return onFx(() -> robot.lookup("#settingsTabs").query().getScene().getFocusOwner());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, read);
    }
}
