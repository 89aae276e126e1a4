package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.AboutInfo;
import dev.tradedesk.ui.MainViewModel;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.Workspace;
import dev.tradedesk.ui.live.MarketHandOff;
import dev.tradedesk.ui.perf.PerformanceViewModel;
import dev.tradedesk.ui.settings.SettingsValues;
import dev.tradedesk.ui.watchlist.WatchlistViewModel;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workstation's windows under {@link OpenboxStandIn}, which does to them what Openbox did on
 * Linux and Monocle does not: the work-arounds in {@link WorkstationWindow} must give the main
 * window its own size and place back.
 */
@ExtendWith(ApplicationExtension.class)
class WindowsUnderOpenboxTest {

    private static final double DEFAULT_WIDTH = 1400;
    private static final double DEFAULT_HEIGHT = 900;

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private OpenboxStandIn openbox;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // Each test shows a Stage of its own: the primary one comes with the last test class's state.
    }

    @BeforeEach
    void installOpenbox() throws Exception {
        openbox = onFx(OpenboxStandIn::install);
    }

    @AfterEach
    void closeWindows() throws Exception {
        // A window left showing keeps rendering for the rest of the test JVM.
        onFx(() -> {
            openbox.close();
            List<Stage> shown = openbox.shownStages();
            for (int i = shown.size() - 1; i >= 0; i--) {
                shown.get(i).hide();
            }
            return null;
        });
        background.shutdownNow();
    }

    @Test
    void theMainWindowOpensAtTheDefaultSizeThoughItCameUpAtItsMinimum() throws Exception {
        open(Workspace.EMPTY);

        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        assertThat(bounds(stage)).isEqualTo(new Rectangle2D(screen.getMinX() + (screen.getWidth() - DEFAULT_WIDTH) / 2,
                screen.getMinY() + (screen.getHeight() - DEFAULT_HEIGHT) / 2, DEFAULT_WIDTH, DEFAULT_HEIGHT));
    }

    @Test
    void theMainWindowOpensAtItsSavedSizeThoughItCameUpAtItsMinimum() throws Exception {
        open(normal(40, 30, 1602, 1025));

        assertThat(bounds(stage)).isEqualTo(new Rectangle2D(40, 30, 1602, 1025));
    }

    @Test
    void aMainWindowSavedMaximizedComesBackMaximizedAndReturnsToItsSavedBoundsWhenUnmaximized() throws Exception {
        // Larger than the minimum size the window comes up at, un-maximized, before it is maximized.
        open(new Workspace(40.0, 30.0, 960.0, 640.0, true, null, null, null, null, null, null, null, null));
        assertThat(onFx(stage::isMaximized)).isTrue();

        onFx(() -> {
            stage.setMaximized(false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bounds(stage)).isEqualTo(new Rectangle2D(40, 30, 960, 640));
    }

    private void open(Workspace workspace) throws Exception {
        onFx(() -> {
            MainViewModel main = new MainViewModel(new AboutInfo("1.0", dir, dir.resolve("settings.json"), dir.resolve("log")),
                    Theme.LIGHT, "", true, theme -> { });
            WatchlistViewModel watchlist = new WatchlistViewModel(List.of(Symbol.of("AAPL"), Symbol.of("MSFT")), symbols -> { });
            WorkstationHost host = new NothingStoredHost();
            ChartController chart = new ChartController(host, background, IndicatorParameters.DEFAULTS, ZoneId.of("UTC"), range -> { });
            Workstation parts = new Workstation(main, watchlist, new StatusViewModel("Simulated exchange", ZoneId.of("UTC")), chart,
                    new PerformanceViewModel(true, on -> { }, true, chart::setLevelOfDetail), new MarketHandOff(), new UiMetrics(),
                    host, workspace, background);
            stage = new Stage();
            new WorkstationWindow(parts).show(stage);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Workspace normal(double x, double y, double width, double height) {
        return new Workspace(x, y, width, height, false, null, null, null, null, null, null, null, null);
    }

    private static Rectangle2D bounds(Window window) throws Exception {
        return onFx(() -> new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight()));
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    /** A host with nothing stored: the window's size and place do not depend on the chart. */
    private final class NothingStoredHost implements WorkstationHost {

        @Override
        public StoredMinutes minuteHistory(Symbol symbol, int minutes) {
            return new StoredMinutes(new BarColumns(0), false);
        }

        @Override
        public void chartShowing(Symbol symbol) {
        }

        @Override
        public void watchlistChanged(List<Symbol> symbols) {
        }

        @Override
        public void themeChanged(Theme theme) {
        }

        @Override
        public SettingsValues currentSettings() {
            return new SettingsValues(ProviderKind.SIM, null, null, SettingsValues.DEFAULT_ALPACA_BASE_URL, "iex",
                    Watchlists.DEFAULTS, Timeframe.ONE_MINUTE, IndicatorParameters.DEFAULTS, Theme.LIGHT,
                    SettingsValues.SYSTEM_ZONE, 1);
        }

        @Override
        public void settingsChanged(SettingsValues values) {
        }

        @Override
        public void setReadCache(boolean enabled) {
        }

        @Override
        public boolean readCacheEnabled() {
            return true;
        }

        @Override
        public void workspaceChanged(Workspace workspace) {
        }
    }
}
