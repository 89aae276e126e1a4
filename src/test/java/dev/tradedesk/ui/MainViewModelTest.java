package dev.tradedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view model works without a scene or a running toolkit. */
class MainViewModelTest {

    private final List<Theme> savedThemes = new ArrayList<>();
    private final AboutInfo about = new AboutInfo("1.2.3", Path.of("/data/td"), Path.of("/cfg/td/settings.json"),
            Path.of("/data/td/logs/tradedesk.log"));

    private MainViewModel model(String notice) {
        return new MainViewModel(about, List.of(Symbol.of("AAPL"), Symbol.of("MSFT")), Theme.LIGHT, notice, savedThemes::add);
    }

    @Test
    void switchingThemeReportsEachRealChangeOnce() {
        MainViewModel model = model("");
        model.switchTheme(Theme.DARK);
        model.switchTheme(Theme.DARK);
        model.switchTheme(Theme.LIGHT);
        assertThat(savedThemes).containsExactly(Theme.DARK, Theme.LIGHT);
        assertThat(model.theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void memoryReadoutIsInMegabytes() {
        MainViewModel model = model("");
        model.sampleMemory(150L * 1024 * 1024 + 5, 2048L * 1024 * 1024);
        assertThat(model.memoryStatusProperty().get()).isEqualTo("Heap 150 / 2048 MB");
    }

    @Test
    void aboutNamesVersionEveryUserFileAndTheRuntime() {
        assertThat(model("").aboutRows("17.0.15", "21.0.11")).containsExactly(
                new MainViewModel.AboutRow("Version", "1.2.3"),
                new MainViewModel.AboutRow("Data directory", Path.of("/data/td").toString()),
                new MainViewModel.AboutRow("Settings file", Path.of("/cfg/td/settings.json").toString()),
                new MainViewModel.AboutRow("Log file", Path.of("/data/td/logs/tradedesk.log").toString()),
                new MainViewModel.AboutRow("Runtime", "Java 17.0.15, JavaFX 21.0.11"));
    }

    @Test
    void startsDisconnectedWithTheWatchlistAndTheNotice() {
        MainViewModel model = model("Settings file broken at line 3");
        assertThat(model.connectionStatusProperty().get()).isEqualTo(MainViewModel.NOT_CONNECTED);
        assertThat(model.watchlist()).containsExactly(Symbol.of("AAPL"), Symbol.of("MSFT"));
        assertThat(model.noticeProperty().get()).isEqualTo("Settings file broken at line 3");
    }
}
