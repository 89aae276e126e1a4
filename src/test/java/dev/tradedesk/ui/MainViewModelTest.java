package dev.tradedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view model works without a scene or a running toolkit. */
class MainViewModelTest {

    private final List<Theme> savedThemes = new ArrayList<>();
    private final AboutInfo about = new AboutInfo("1.2.3", Path.of("/data/td"), Path.of("/cfg/td/settings.json"),
            Path.of("/data/td/logs/tradedesk.log"));

    private MainViewModel model(String notice, boolean simulated) {
        return new MainViewModel(about, Theme.LIGHT, notice, simulated, savedThemes::add);
    }

    @Test
    void switchingThemeReportsEachRealChangeOnce() {
        MainViewModel model = model("", true);
        model.switchTheme(Theme.DARK);
        model.switchTheme(Theme.DARK);
        model.switchTheme(Theme.LIGHT);
        assertThat(savedThemes).containsExactly(Theme.DARK, Theme.LIGHT);
        assertThat(model.theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aPreviewedThemeIsShownUnsavedAndTheSavedOneShowsAgainWhenThePreviewEnds() {
        MainViewModel model = model("", true);
        model.previewTheme(Theme.DARK);
        assertThat(model.shownTheme()).isEqualTo(Theme.DARK);
        assertThat(model.theme()).isEqualTo(Theme.LIGHT);
        assertThat(savedThemes).isEmpty();
        model.endThemePreview();
        assertThat(model.shownTheme()).as("cancelled").isEqualTo(Theme.LIGHT);

        model.previewTheme(Theme.DARK);
        model.switchTheme(Theme.DARK);
        model.endThemePreview();
        assertThat(model.shownTheme()).as("confirmed").isEqualTo(Theme.DARK);
        assertThat(savedThemes).containsExactly(Theme.DARK);

        model.switchTheme(Theme.LIGHT);
        assertThat(model.shownTheme()).as("switched from the View menu").isEqualTo(Theme.LIGHT);
    }

    @Test
    void aboutNamesVersionEveryUserFileAndTheRuntime() {
        assertThat(model("", true).aboutRows("17.0.15", "21.0.11")).containsExactly(
                new MainViewModel.AboutRow("Version", "1.2.3"),
                new MainViewModel.AboutRow("Data directory", Path.of("/data/td").toString()),
                new MainViewModel.AboutRow("Settings file", Path.of("/cfg/td/settings.json").toString()),
                new MainViewModel.AboutRow("Log file", Path.of("/data/td/logs/tradedesk.log").toString()),
                new MainViewModel.AboutRow("Runtime", "Java 17.0.15, JavaFX 21.0.11"));
    }

    @Test
    void theSimulatedBannerShowsOnlyForTheSimulatedExchange() {
        assertThat(model("", true).simulatedBannerProperty().get()).isTrue();
        assertThat(model("", false).simulatedBannerProperty().get()).isFalse();
        assertThat(model("Settings file broken at line 3", false).notice()).isEqualTo("Settings file broken at line 3");
    }
}
