package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.ui.chart.ChartRange;
import dev.tradedesk.ui.chart.ChartView;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.testing.MutableClock;
import dev.tradedesk.ui.AboutInfo;
import dev.tradedesk.ui.MainViewModel;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.Workspace;
import dev.tradedesk.ui.chart.ChartModel;
import dev.tradedesk.ui.live.MarketHandOff;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import dev.tradedesk.ui.perf.PerformanceViewModel;
import dev.tradedesk.ui.watchlist.WatchlistColumn;
import dev.tradedesk.ui.watchlist.WatchlistSort;
import dev.tradedesk.ui.watchlist.WatchlistViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workstation window, headless on Monocle, over a fake host that serves the deterministic
 * simulated market as stored history; live updates go through the real hand-off and frame loop.
 */
@ExtendWith(ApplicationExtension.class)
class WorkstationWindowTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");

    @TempDir
    Path dir;

    private final SimulatedMarket market = SimulatedMarket.withHistory(3, new SimClock(new MutableClock(NOW), NOW, 1),
            Duration.ofDays(8), Set.of(Symbol.of("BTC-USD")), true); // longer than a chart's first read
    private final FakeHost host = new FakeHost();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Workstation parts;
    private WorkstationWindow window;
    private Stage stage;

    @Start
    void start(Stage newStage) {
        stage = newStage;
        open(Workspace.EMPTY);
    }

    private void open(Workspace workspace) {
        open(workspace, "");
    }

    private void open(Workspace workspace, String settingsNotice) {
        open(workspace, settingsNotice, Timeframe.ONE_MINUTE);
    }

    private void open(Workspace workspace, String settingsNotice, Timeframe defaultTimeframe) {
        MainViewModel main = new MainViewModel(new AboutInfo("1.0", dir, dir.resolve("settings.json"), dir.resolve("log")),
                Theme.LIGHT, settingsNotice, true, theme -> { });
        WatchlistViewModel watchlist = new WatchlistViewModel(List.of(AAPL, MSFT, Symbol.of("SPY")), host::watchlistChanged);
        ChartController chart = new ChartController(host, background, IndicatorParameters.DEFAULTS, ZoneId.of("UTC"),
                defaultTimeframe, range -> { });
        parts = new Workstation(main, watchlist, new StatusViewModel("Simulated exchange", ZoneId.of("UTC")), chart,
                new PerformanceViewModel(true, on -> { }, true, chart::setLevelOfDetail), new MarketHandOff(), new UiMetrics(),
                host, workspace, background);
        window = new WorkstationWindow(parts);
        window.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        // A window left showing keeps rendering for the rest of the test JVM, and its software
        // rendering can hold off the explicit collections that later tests (SoakRecorderTest) measure.
        robotInteract(() -> stage.close());
        background.shutdownNow();
    }

    private BarColumns history(Symbol symbol) {
        BarColumns bars = new BarColumns(0);
        market.closedMinuteBars(symbol, Long.MIN_VALUE, NOW.toEpochMilli() - 1, bars);
        return bars;
    }

    private void awaitChart(String title) throws Exception {
        awaitOnFx(45, () -> parts.chart().titleProperty().get().equals(title)
                && parts.chart().model().flatMap(ChartModel::series).isPresent() && !parts.chart().loadingHistory()
                && window.watchlistView().table().getItems() == parts.watchlist().shownRows());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until no history is loading and the chart on screen has drawn all of it: a loaded
     * history is attached with a new model, which takes its bars at the chart's next pulse, so
     * until then the model has no series.
     */
    private void awaitHistoryDrawn() throws Exception {
        awaitOnFx(45, () -> !parts.chart().loadingHistory() && parts.chart().drawnUpToDate());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until {@code condition} holds, checking it on the JavaFX thread: the chart, its model,
     * the watchlist and the stage belong to that thread, and read from the test's thread they may
     * show a half-made change or none at all. The check that passes also makes what the JavaFX
     * thread did before it visible to the test's thread, so the assertions after the wait see at
     * least the state it found.
     */
    private static void awaitOnFx(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    /** {@code read}'s answer on the JavaFX thread; a JavaFX thread busy for 10 s fails the test rather than hang it. */
    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** The bars of the chart shown, 0 without one. JavaFX thread. */
    private long shownBars() {
        return parts.chart().model().flatMap(ChartModel::series).map(IndicatorSeriesView::size).orElse(0L);
    }

    private IndicatorSeriesView series() {
        return parts.chart().model().flatMap(ChartModel::series).orElseThrow();
    }

    @Test
    void showsStoredCandlesAndTheStochRsiBandThenStreamsTheFormingBar(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        BarColumns stored = history(AAPL);
        assertThat(series().size()).isEqualTo(stored.size());
        long last = series().size() - 1;
        assertThat(series().value(Indicator.BAND_LOWER, last)).isBetween(0.0, 100.0);
        assertThat(series().value(Indicator.STOCH_K, last)).isNotNaN();

        Bar previous = stored.bar(stored.size() - 1);
        Bar forming = new Bar(NOW.toEpochMilli(), previous.close(), previous.close() + 2, previous.close() - 1,
                previous.close() + 1.5, 900);
        parts.market().publish(new MarketUpdate(Map.of(AAPL, new Quote(AAPL, forming.time(), forming.close(), 1.2, 55, 12, 30, 95, 1.4)),
                Map.of(), Map.of(AAPL, forming), Map.of(Symbol.of("SPY"), "No data from the provider: unknown symbol?"),
                ConnectionState.live(ProviderKind.SIM), null, System.nanoTime()));
        awaitOnFx(5, () -> shownBars() == stored.size() + 1);
        assertThat(series().close(series().size() - 1)).isEqualTo(forming.close());
        assertThat(parts.watchlist().row(AAPL).orElseThrow().lastProperty().get()).isEqualTo(forming.close());
        assertThat(parts.watchlist().row(Symbol.of("SPY")).orElseThrow().problemProperty().get()).contains("unknown symbol");
        assertThat(robot.lookup("#connectionStatus").queryAs(Label.class).getText()).isEqualTo("Simulated exchange: live");
        assertThat(robot.lookup("#simulatedBanner").tryQuery()).isPresent();
    }

    @Test
    void aLongHistoryShowsItsLatestBarsFirstThenAllOfThemBehindTheLiveChart(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        BarColumns stored = history(AAPL);
        long windowStart = stored.time(stored.size() - 1) - (ChartController.FIRST_READ_BARS - 1L) * Timeframe.ONE_MINUTE.millis();
        assertThat(stored.time(0)).as("the test history is longer than the first read").isLessThan(windowStart);
        host.heldFromMinutes = ChartController.MAX_HISTORY_BARS;
        robot.interact(() -> parts.chart().show(MSFT, Timeframe.ONE_MINUTE, null));
        BarColumns msft = history(MSFT);

        awaitOnFx(45, () -> parts.chart().model().flatMap(ChartModel::series)
                .filter(series -> series.key().symbol().equals(MSFT)).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        IndicatorSeriesView recent = series();
        assertThat(parts.chart().loadingHistory()).isTrue();
        assertThat(robot.lookup("#olderBarsLoading").queryAs(Label.class).isVisible()).as("the user is told").isTrue();
        assertThat(recent.time(recent.firstIndex())).isGreaterThanOrEqualTo(windowStart);
        assertThat(recent.size()).isLessThan(msft.size());
        long lastRecent = recent.size() - 1;
        Map<Indicator, Double> recentValues = lastValues(recent, lastRecent);

        Bar previous = msft.bar(msft.size() - 1);
        Bar forming = new Bar(NOW.toEpochMilli(), previous.close(), previous.close() + 1, previous.close() - 1,
                previous.close() - 0.5, 400);
        parts.market().publish(new MarketUpdate(Map.of(), Map.of(), Map.of(MSFT, forming), Map.of(),
                ConnectionState.live(ProviderKind.SIM), null, System.nanoTime()));
        awaitOnFx(5, () -> shownBars() == lastRecent + 2);
        // The pulse that grew the series moves the live range along after it: read it once done.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(series()).as("the recent chart stays live while the rest loads").isSameAs(recent);
        ChartRange recentRange = parts.chart().model().orElseThrow().range();

        host.release.countDown();
        awaitHistoryDrawn();
        IndicatorSeriesView whole = series();
        assertThat(robot.lookup("#olderBarsLoading").queryAs(Label.class).isVisible()).isFalse();
        assertThat(whole.size()).isEqualTo(msft.size() + 1);
        assertThat(whole.time(0)).isEqualTo(msft.time(0));
        assertThat(whole.close(whole.size() - 1)).as("the live bar carried over").isEqualTo(forming.close());
        assertThat(parts.chart().model().orElseThrow().range()).isEqualTo(recentRange);
        long sameBar = whole.size() - 2;
        assertThat(whole.time(sameBar)).isEqualTo(recent.time(lastRecent));
        lastValues(whole, sameBar).forEach((indicator, value) ->
                assertThat(value).as(indicator.name()).isCloseTo(recentValues.get(indicator), org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void aChartAttachedWithLiveBarsFromItsLoadIsTheFirstLiveFrameAndKeepsThemWhenTheRestLoads(FxRobot robot)
            throws Exception {
        awaitChart("AAPL · 1Min");
        host.heldFromMinutes = 0;
        robotInteract(() -> {
            stage.close();
            stage = new Stage();
            open(Workspace.EMPTY); // a new window with its own metrics; its chart's first read waits
        });
        BarColumns stored = history(AAPL);
        Bar previous = stored.bar(stored.size() - 1);
        // Live minutes the store does not hold yet (the fake host's store never will).
        Bar closed = new Bar(NOW.toEpochMilli(), previous.close(), previous.close() + 1, previous.close() - 1,
                previous.close() + 0.25, 300);
        Bar forming = new Bar(NOW.toEpochMilli() + 60_000, closed.close(), closed.close() + 0.5, closed.close() - 0.5,
                closed.close() - 0.125, 40);
        parts.market().publish(new MarketUpdate(Map.of(AAPL, new Quote(AAPL, forming.time(), forming.close(), 0.1, 50, 40, 30, 95, 1.1)),
                Map.of(AAPL, List.of(closed)), Map.of(AAPL, forming), Map.of(), ConnectionState.live(ProviderKind.SIM), null,
                System.nanoTime()));
        awaitOnFx(5, () -> parts.watchlist().row(AAPL).map(row -> row.lastProperty().get() == forming.close()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(parts.uiMetrics().firstLiveFrameNanos()).as("a live price, but no chart yet").isZero();

        host.release.countDown(); // no update follows: the held-back bars are what make the frame live
        WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> parts.uiMetrics().firstLiveFrameNanos() != 0);
        assertThat(lastBars(2)).as("drawn in the first live frame").containsExactly(closed, forming);

        awaitHistoryDrawn();
        assertThat(series().size()).isEqualTo(stored.size() + 2);
        assertThat(lastBars(2)).as("the whole history's chart took them over").containsExactly(closed, forming);
    }

    /** The chart's last {@code count} bars, read on the JavaFX thread. */
    private List<Bar> lastBars(int count) throws Exception {
        return onFx(() -> {
            IndicatorSeriesView shown = series();
            return java.util.stream.LongStream.range(shown.size() - count, shown.size())
                    .mapToObj(i -> new Bar(shown.time(i), shown.open(i), shown.high(i), shown.low(i), shown.close(i), shown.volume(i)))
                    .toList();
        });
    }

    private static Map<Indicator, Double> lastValues(IndicatorSeriesView series, long index) {
        Map<Indicator, Double> values = new java.util.EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            double value = series.value(indicator, index);
            if (!Double.isNaN(value)) {
                values.put(indicator, value);
            }
        }
        assertThat(values).containsKeys(Indicator.RSI, Indicator.STOCH_K, Indicator.BAND_LOWER);
        return values;
    }

    @Test
    void aRepairedGapReloadsTheChartBehindTheShownOneInTheSameRange(FxRobot robot) throws Exception {
        BarColumns stored = showAaplWithGap(robot, 50);
        ChartRange zoomed = new ChartRange(stored.time(stored.size() - 400), stored.time(stored.size() - 200), false);
        robot.interact(() -> parts.chart().model().orElseThrow().setRange(zoomed));
        ChartView before = parts.chart().viewProperty().get();
        List<ChartView> shown = chartsShownFromNow(robot);

        host.missing = 0; // the feed repaired the gap in the store, then says so
        parts.market().publish(MarketUpdate.ofRepairedHistory(Set.of(AAPL)));

        awaitChartBars(stored.size());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).as("the old chart stayed until the reloaded one replaced it").hasSize(1).doesNotContainNull();
        assertThat(shown.get(0)).isNotSameAs(before);
        assertThat(parts.chart().model().orElseThrow().range()).isEqualTo(zoomed);
        int repaired = stored.size() - 150;
        assertThat(series().time(repaired)).isEqualTo(stored.time(repaired));
        assertThat(series().value(Indicator.STOCH_K, series().size() - 1)).isNotNaN();

        parts.market().publish(MarketUpdate.ofRepairedHistory(Set.of(MSFT)));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        assertThat(shown).as("another symbol's repair reloads nothing").hasSize(1);
    }

    @Test
    void repairsInQuickSuccessionReloadTheChartOnceTheyPause(FxRobot robot) throws Exception {
        BarColumns stored = showAaplWithGap(robot, 50);
        List<ChartView> shown = chartsShownFromNow(robot);

        host.missing = 0;
        for (int window = 0; window < 4; window++) { // a backfill storing the gap window by window
            parts.market().publish(MarketUpdate.ofRepairedHistory(Set.of(AAPL)));
            Thread.sleep(50); // each taken by a pulse of its own
        }

        awaitChartBars(stored.size());
        Thread.sleep((long) (ChartController.REPAIR_SETTLE.toMillis() * 1.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).as("one reload for the four repairs").hasSize(1);
    }

    @Test
    void repairsThatGoOnStillReloadTheChartAfterTheLongestDeferral(FxRobot robot) throws Exception {
        BarColumns stored = showAaplWithGap(robot, 50);
        List<ChartView> shown = chartsShownFromNow(robot);

        host.missing = 0;
        long started = System.nanoTime();
        long deadline = started + ChartController.REPAIR_MAX_DEFER_NANOS + TimeUnit.SECONDS.toNanos(5);
        while (shown.isEmpty() && System.nanoTime() < deadline) { // a long backfill: a repair every 200 ms
            parts.market().publish(MarketUpdate.ofRepairedHistory(Set.of(AAPL)));
            Thread.sleep(200);
        }
        long waited = System.nanoTime() - started;

        assertThat(shown).as("reloaded while the repairs went on").isNotEmpty();
        assertThat(waited).as("not before the longest deferral").isGreaterThanOrEqualTo(ChartController.REPAIR_MAX_DEFER_NANOS);
        Thread.sleep((long) (ChartController.REPAIR_SETTLE.toMillis() * 1.5)); // the last repair's own reload
        awaitChartBars(stored.size());
    }

    /** Shows AAPL's chart read while the store lacks {@code missing} of its bars; returns all of them. */
    private BarColumns showAaplWithGap(FxRobot robot, int missing) throws Exception {
        awaitChart("AAPL · 1Min");
        BarColumns stored = history(AAPL);
        host.missing = missing;
        robot.interact(() -> parts.chart().show(AAPL, Timeframe.ONE_MINUTE, null));
        awaitChartBars(stored.size() - missing);
        return stored;
    }

    private void awaitChartBars(long bars) throws Exception {
        awaitOnFx(45, () -> shownBars() == bars);
    }

    /** Every chart view shown from now on, in order. */
    private List<ChartView> chartsShownFromNow(FxRobot robot) {
        List<ChartView> shown = new CopyOnWriteArrayList<>();
        robot.interact(() -> parts.chart().viewProperty().addListener((property, old, now) -> shown.add(now)));
        return shown;
    }

    @Test
    void theWatchlistHeadersShowTheirWholeTitlesInTheDefaultWindow(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.interact(() -> {
            List<Label> headers = robot.lookup("#watchlist .column-header .label").queryAllAs(Label.class).stream().toList();
            assertThat(headers).extracting(Label::getText)
                    .containsExactly("Symbol", "Last", "Chg %", "RSI", "%K", "RelVol", "Hist %");
            for (Label header : headers) {
                // The text node holds what is drawn: the title, or the title cut short with an ellipsis.
                Text drawn = (Text) header.lookup(".text");
                assertThat(drawn.getText()).as("drawn title of " + header.getText()).isEqualTo(header.getText());
            }
        });
    }

    @Test
    void theTimeframeButtonsShowTheirWholeLabelsInTheSmallestWindow(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.interact(() -> {
            Stage stage = (Stage) robot.lookup("#chartTitle").query().getScene().getWindow();
            stage.setWidth(900);
            stage.setHeight(600);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (Timeframe timeframe : Timeframe.values()) {
                ToggleButton button = robot.lookup("#timeframe" + timeframe.label()).queryAs(ToggleButton.class);
                Text drawn = (Text) button.lookup(".text");
                assertThat(drawn.getText()).as("drawn label of " + timeframe).isEqualTo(timeframe.label());
            }
        });
    }

    @Test
    void theChartsTitleShowsItsWholeSymbolInTheSmallestWindowAndItsTimeframeInAWideOne(FxRobot robot) throws Exception {
        // At 900 px the chart pane got 400 px, the timeframe buttons 279 of them, and the title
        // "ETH/USDT · 1Min" the 77 px left: it read "ETH/U...".
        awaitChart("AAPL · 1Min");
        robotInteract(() -> parts.chart().show(Symbol.of("ETH/USDT"), Timeframe.ONE_MINUTE, null));
        awaitOnFx(10, () -> parts.chart().titleProperty().get().equals("ETH/USDT · 1Min"));
        robotInteract(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertThat(drawnChartTitle(robot)).as("the chart's title in the smallest window").contains("ETH/USDT");
        });
        robotInteract(() -> stage.setWidth(1400));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertThat(drawnChartTitle(robot)).as("the chart's title in a wide window").isEqualTo("ETH/USDT · 1Min");
        });
    }

    @Test
    void shrinkingTheWindowNarrowsAWideWatchlistBeforeTheChartLosesItsTitle(FxRobot robot) throws Exception {
        // A watchlist widened to 600 px kept its width as the window shrank to its smallest, and the
        // chart pane was left 320 px: the timeframe buttons took its header and the title, which
        // says what the chart shows, was gone.
        awaitChart("AAPL · 1Min");
        SplitPane split = robot.lookup("#mainSplit").queryAs(SplitPane.class);
        robotInteract(() -> split.setDividerPositions(600 / split.getWidth()));
        WaitForAsyncUtils.waitForFxEvents();
        robotInteract(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertThat(drawnChartTitle(robot)).as("the chart's title, cut short at most").startsWith("AAPL");
            javafx.scene.control.TableView<?> table = robot.lookup("#watchlist").queryAs(javafx.scene.control.TableView.class);
            double columns = table.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getMinWidth).sum();
            assertThat(table.getWidth()).as("the watchlist still shows every column").isGreaterThanOrEqualTo(columns);
        });
    }

    @Test
    void theWindowCarriesTheApplicationIconInEverySizeItShips() throws Exception {
        // The tests share one stage: without what earlier windows left on it, this window's own icons.
        robotInteract(() -> {
            stage.close();
            stage.getIcons().clear();
            open(Workspace.EMPTY);
        });
        awaitOnFx(10, () -> stage.getIcons().size() == 6);
        assertThat(onFx(() -> stage.getIcons().stream().map(icon -> (int) icon.getWidth()).toList()))
                .containsExactly(16, 32, 48, 64, 128, 256);
        assertThat(onFx(() -> stage.getIcons().stream().noneMatch(javafx.scene.image.Image::isError))).isTrue();
    }

    @Test
    void theWindowsTitleStartsWithTheChartsSymbolAndTimeframe(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        assertThat(onFx(stage::getTitle)).isEqualTo("AAPL · 1Min — TradeDesk");
        robot.clickOn("#timeframe5Min");
        awaitOnFx(10, () -> stage.getTitle().equals("AAPL · 5Min — TradeDesk"));

        robotInteract(() -> parts.watchlist().replaceAll(List.of()));
        assertThat(onFx(stage::getTitle)).as("no chart").isEqualTo("TradeDesk");
    }

    @Test
    void addingAndRemovingSymbolsUpdatesTheWatchlistAndTheHost(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#symbolField").write("btc-usd").type(KeyCode.ENTER);
        TableView<?> table = robot.lookup("#watchlist").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4);
        assertThat(host.watchlists.get(host.watchlists.size() - 1)).contains(Symbol.of("BTC-USD"));
        awaitChart("BTC-USD · 1Min");

        robot.clickOn("#symbolField").write("DROP TABLE").type(KeyCode.ENTER);
        assertThat(robot.lookup("#symbolError").queryAs(Label.class).getText()).startsWith("Invalid symbol 'DROP TABLE'");
        assertThat(table.getItems()).hasSize(4);

        robot.clickOn("BTC-USD").type(KeyCode.DELETE);
        assertThat(table.getItems()).hasSize(3);
        assertThat(host.watchlists.get(host.watchlists.size() - 1)).doesNotContain(Symbol.of("BTC-USD"));
    }

    @Test
    void switchingTimeframeReaggregatesTheStoredMinutesExactly(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#timeframe15Min");
        awaitChart("AAPL · 15Min");
        BarColumns expected = BarAggregator.aggregate(history(AAPL), Timeframe.FIFTEEN_MINUTES, ZoneId.of("America/New_York"));
        // The last bucket is still in progress: it shows as the forming bar.
        assertThat(series().size()).isEqualTo(expected.size());
        for (long i = series().firstIndex(); i < series().size(); i += 17) {
            Bar bar = expected.bar((int) i);
            assertThat(series().time(i)).isEqualTo(bar.time());
            assertThat(series().high(i)).isEqualTo(bar.high());
            assertThat(series().low(i)).isEqualTo(bar.low());
            assertThat(series().volume(i)).isEqualTo(bar.volume());
        }
    }

    @Test
    void digitKeysSwitchTimeframeButNotWhileTypingASymbolAndEscapeLeavesTheSymbolBox(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#watchlist").type(KeyCode.DIGIT2);
        awaitChart("AAPL · 5Min");
        robot.clickOn("#symbolField").type(KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(parts.chart().timeframe()).isEqualTo(Timeframe.FIVE_MINUTES);
        assertThat(window.watchlistView().symbolField().getText()).isEqualTo("4");

        robot.type(KeyCode.ESCAPE).type(KeyCode.DIGIT3);
        awaitChart("AAPL · 15Min");
        assertThat(window.watchlistView().symbolField().getText()).as("Escape leaves the box empty for the chart").isEmpty();
    }

    @Test
    void ctrlFOnAListedSymbolHandsTheKeyboardToItsChartWhileAnAddOrAMistakeKeepsItInTheBox(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL).write("msft").type(KeyCode.ENTER);
        awaitChart("MSFT · 1Min");
        assertThat(focusOwner()).as("a find: the chart's keys act at once").isEqualTo("chartArea");
        robot.type(KeyCode.DIGIT2);
        awaitChart("MSFT · 5Min");
        assertThat(window.watchlistView().symbolField().getText()).isEmpty();

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL).write("btc-usd").type(KeyCode.ENTER);
        awaitChart("BTC-USD · 5Min");
        assertThat(focusOwner()).as("an add: the box keeps the keyboard for the next symbol").isEqualTo("symbolField");

        robot.write("DROP TABLE").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner()).as("a mistake stays in the box to be corrected").isEqualTo("symbolField");
        assertThat(window.watchlistView().symbolField().getText()).isEqualTo("DROP TABLE");
        assertThat(robot.lookup("#symbolError").queryAs(Label.class).getText()).startsWith("Invalid symbol 'DROP TABLE'");
    }

    @Test
    void theRowsComeOnceTheChartHasDrawnOrAtTheLatestTwoSecondsAfterTheShow(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min"); // the first window's rows came with its chart
        host.heldFromMinutes = 0; // the next window's chart has nothing to draw until released
        robotInteract(() -> stage.close());
        long shown = System.nanoTime();
        robotInteract(() -> open(Workspace.EMPTY));
        TableView<?> table = window.watchlistView().table();
        assertThat(table.getItems()).as("not before the chart").isEmpty();

        awaitOnFx(10, () -> table.getItems() == parts.watchlist().shownRows());
        assertThat(System.nanoTime() - shown).isGreaterThanOrEqualTo(
                (long) (WorkstationWindow.ROWS_AT_THE_LATEST.toMillis() * 1_000_000) - 50_000_000L);
        assertThat(parts.chart().drawnUpToDate()).isFalse();
        host.release.countDown();
        awaitChart("AAPL · 1Min");
    }

    @Test
    void anEmptyChartSaysWhenItWaitsInVain(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        Symbol nothingStored = Symbol.of("ZZNONE"); // the simulated market behind the fake host does not list it
        robotInteract(() -> parts.chart().show(nothingStored, Timeframe.ONE_MINUTE, null));
        Label placeholder = robot.lookup("#chartPlaceholder").queryAs(Label.class);
        awaitOnFx(10, () -> placeholder.getText().startsWith("Waiting for the first bars"));

        parts.market().publish(MarketUpdate.ofConnection(ConnectionState.stopped(ProviderKind.ALPACA,
                "Alpaca needs an API key: enter it in Settings")));
        awaitOnFx(5, () -> placeholder.getText()
                .equals("No bars of ZZNONE: market data stopped — Alpaca needs an API key: enter it in Settings"));
        parts.market().publish(MarketUpdate.ofConnection(ConnectionState.connecting(ProviderKind.SIM)));
        awaitOnFx(5, () -> placeholder.getText()
                .equals("Waiting for the first bars of ZZNONE from the provider …"));

        parts.market().publish(new MarketUpdate(Map.of(), Map.of(), Map.of(),
                Map.of(nothingStored, "No data from the provider: unknown symbol?"), null, null, Long.MAX_VALUE));
        awaitOnFx(5, () -> placeholder.getText()
                .equals("No bars of ZZNONE yet — No data from the provider: unknown symbol?"));
        assertThat(placeholder.isWrapText()).as("a long reason wraps").isTrue();

        parts.market().publish(new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE,
                Map.of(), Long.MAX_VALUE, Set.of(), Set.of(nothingStored)));
        awaitOnFx(5, () -> placeholder.getText()
                .equals("Waiting for the first bars of ZZNONE from the provider …"));
    }

    @Test
    void withTheWatchlistEmptiedTheChartSaysHowToAddASymbolAndWithNoneSelectedToSelectOne(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        // One by one: the last removal empties the list before it clears the selection.
        robotInteract(() -> parts.watchlist().symbols().forEach(parts.watchlist()::remove));
        awaitOnFx(10, () -> parts.chart().model().isEmpty());
        Label placeholder = robot.lookup("#chartPlaceholder").queryAs(Label.class);
        assertThat(onFx(placeholder::getText))
                .isEqualTo("Add a symbol: type it in the box above the watchlist (Ctrl+F) and press Enter");

        robotInteract(() -> parts.watchlist().undoRemove());
        awaitChart("SPY · 1Min");
        robotInteract(() -> parts.watchlist().selectedProperty().set(null));
        assertThat(onFx(placeholder::getText)).isEqualTo("Select a symbol in the watchlist");

        // Emptied (by the settings) while none is selected: the text follows the list.
        robotInteract(() -> parts.watchlist().replaceAll(List.of()));
        assertThat(onFx(placeholder::getText)).startsWith("Add a symbol");
    }

    @Test
    void aRangePannedIntoThePastStaysInViewAtAnotherTimeframe(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robotInteract(() -> parts.chart().model().orElseThrow().pan(-5 * parts.chart().model().orElseThrow().range().spanMillis()));
        ChartRange past = parts.chart().model().orElseThrow().range();
        assertThat(past.followsLiveEdge()).isFalse();

        robot.clickOn("#timeframe5Min");
        awaitChart("AAPL · 5Min");

        ChartRange shown = parts.chart().model().orElseThrow().range();
        assertThat(shown.followsLiveEdge()).isFalse();
        assertThat(shown.contains(past.fromMillis() + past.spanMillis() / 2)).as("the same moment in view").isTrue();

        robot.clickOn("#timeframe15Min");
        awaitChart("AAPL · 15Min");
        robotInteract(() -> parts.chart().model().orElseThrow().resetView());
        robot.clickOn("#timeframe1Min");
        awaitChart("AAPL · 1Min");
        assertThat(parts.chart().model().orElseThrow().range().followsLiveEdge()).as("a live range stays live").isTrue();
    }

    @Test
    void indicatorParametersChangedInQuickSuccessionKeepTheZoomedRange() throws Exception {
        awaitChart("AAPL · 1Min");
        robotInteract(() -> parts.chart().model().orElseThrow().zoomOut());
        robotInteract(() -> parts.chart().model().orElseThrow().zoomOut());
        ChartRange zoomed = parts.chart().model().orElseThrow().range();

        // As the settings dialog's live preview sends them: RSI 14 -> 1 -> 13 while typing, then
        // back to 14 on Cancel, each before the chart of the one before has loaded.
        IndicatorParameters defaults = IndicatorParameters.DEFAULTS;
        robotInteract(() -> {
            parts.chart().setIndicatorParameters(withRsiPeriod(defaults, 1));
            parts.chart().setIndicatorParameters(withRsiPeriod(defaults, 13));
            parts.chart().setIndicatorParameters(defaults);
        });
        awaitChart("AAPL · 1Min");

        assertThat(parts.chart().model().orElseThrow().range()).isEqualTo(zoomed);
    }

    private static IndicatorParameters withRsiPeriod(IndicatorParameters p, int rsiPeriod) {
        return new IndicatorParameters(rsiPeriod, p.stochPeriod(), p.kSmoothing(), p.dSmoothing(), p.atrPeriod(),
                p.atrMaPeriod(), p.baseLower(), p.baseUpper(), p.sensitivity(), p.volumePeriod());
    }

    @Test
    void aStoredHistoryThatEndedInAnEarlierBucketEndsWithAClosedBar(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robotInteract(() -> window.selectTimeframe(Timeframe.ONE_DAY));
        awaitChart("AAPL · 1Day");

        assertThat(series().hasFormingBar()).as("2 March 2026 is over by this computer's clock").isFalse();
        assertThat(series().time(series().size() - 1)).isEqualTo(Instant.parse("2026-03-02T05:00:00Z").toEpochMilli());
    }

    @Test
    void theChartHasTheKeyboardFromTheStart(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        assertThat(robot.lookup("#chartArea").query().isFocused()).isTrue();

        ChartRange before = parts.chart().model().orElseThrow().range();
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(parts.chart().model().orElseThrow().range().toMillis()).as("the arrow pans the chart")
                .isLessThan(before.toMillis());
        robot.type(KeyCode.DIGIT2);
        awaitChart("AAPL · 5Min");
        assertThat(window.watchlistView().symbolField().getText()).isEmpty();
    }

    @Test
    void aClickOnTheChartTakesTheKeyboardFromTheSymbolBox(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#symbolField");
        robot.clickOn("#chartArea").type(KeyCode.DIGIT2);
        awaitChart("AAPL · 5Min");
        assertThat(window.watchlistView().symbolField().getText()).isEmpty();

        ChartRange before = parts.chart().model().orElseThrow().range();
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        ChartRange panned = parts.chart().model().orElseThrow().range();
        assertThat(panned.toMillis()).as("the arrow pans the chart").isLessThan(before.toMillis());
        assertThat(parts.watchlist().selectedProperty().get()).as("and moves no row").isEqualTo(Symbol.of("AAPL"));
    }

    @Test
    void theArrowsPanTheChartAfterAClickOnARow(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#watchlist");
        WaitForAsyncUtils.waitForFxEvents();
        ChartRange before = parts.chart().model().orElseThrow().range();
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        ChartRange panned = parts.chart().model().orElseThrow().range();
        assertThat(panned.toMillis()).as("Left pans the chart back").isLessThan(before.toMillis());
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(parts.chart().model().orElseThrow().range().toMillis()).as("Right pans it forward")
                .isGreaterThan(panned.toMillis());
        assertThat(parts.watchlist().selectedProperty().get()).isEqualTo(Symbol.of("AAPL"));
    }

    @Test
    void theArrowsPanTheChartWhileAButtonHasTheKeyboardAndTabStillGoesOn(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner()).isEqualTo("Open Settings");

        ChartRange before = onFx(() -> parts.chart().model().orElseThrow().range());
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        ChartRange panned = onFx(() -> parts.chart().model().orElseThrow().range());
        assertThat(panned.toMillis()).as("Left pans the chart back").isLessThan(before.toMillis());
        assertThat(focusOwner()).as("and leaves the keyboard with the button").isEqualTo("Open Settings");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> parts.chart().model().orElseThrow().range().toMillis())).as("Right pans it forward")
                .isGreaterThan(panned.toMillis());
        assertThat(focusOwner()).isEqualTo("Open Settings");

        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner()).as("Tab goes on to the next control").isEqualTo("dismissSimulatedBanner");
    }

    @Test
    void afterF10TheArrowsGoThroughTheMenusAndPanNothing(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        ChartRange before = onFx(() -> parts.chart().model().orElseThrow().range());
        robot.type(KeyCode.F10).type(KeyCode.RIGHT).type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.MenuBar menus = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(onFx(() -> menus.getMenus().stream().filter(javafx.scene.control.Menu::isShowing)
                .map(javafx.scene.control.Menu::getId).toList())).as("Right went on from File to View").containsExactly("menuView");
        assertThat(onFx(() -> parts.chart().model().orElseThrow().range())).as("the chart stays").isEqualTo(before);
        robot.type(KeyCode.ESCAPE).type(KeyCode.ESCAPE);
    }

    @Test
    void inTheSymbolBoxTheArrowsMoveTheCaretAndPanNothing(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        TextField symbolBox = window.watchlistView().symbolField();
        robot.clickOn("#symbolField").write("MSFT");
        WaitForAsyncUtils.waitForFxEvents();
        ChartRange before = onFx(() -> parts.chart().model().orElseThrow().range());

        robot.type(KeyCode.LEFT).type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(symbolBox::getCaretPosition)).as("Left moves the caret").isEqualTo(2);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(symbolBox::getCaretPosition)).as("Right moves it back").isEqualTo(3);
        assertThat(onFx(() -> parts.chart().model().orElseThrow().range())).as("the chart stays").isEqualTo(before);
        assertThat(focusOwner()).isEqualTo("symbolField");
    }

    @Test
    void tabGoesOnceRoundTheWindowsControlsThroughTheChartAndShiftTabBack(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        List<String> forward = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            forward.add(focusOwner());
        }
        assertThat(forward).as("each stop a control the user sees, the chart once")
                .containsExactly("Open Settings", "dismissSimulatedBanner", "symbolField", "addSymbol", "watchlist", "chartArea");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner()).isEqualTo("watchlist");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner()).isEqualTo("chartArea");

        robot.type(KeyCode.UP).type(KeyCode.DOWN).type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner()).as("Up and Down leave the keyboard with the chart").isEqualTo("chartArea");
        robot.type(KeyCode.DIGIT2);
        awaitChart("AAPL · 5Min");
    }

    @Test
    void theChartAndTheWatchlistShowWhenTheyHaveTheKeyboard(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        javafx.scene.layout.Region chartArea = robot.lookup("#chartArea").query();
        TableView<?> watchlist = robot.lookup("#watchlist").queryAs(TableView.class);
        javafx.scene.paint.Paint chartFocused = onFx(() -> borderColour(chartArea));
        javafx.geometry.Insets chartInsets = onFx(chartArea::getInsets);
        javafx.scene.paint.Paint listUnfocused = onFx(() -> borderColour(watchlist));

        robot.clickOn("#watchlist");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> borderColour(watchlist))).as("the list's border when it has the keyboard")
                .isEqualTo(chartFocused).isNotEqualTo(listUnfocused);
        assertThat(onFx(() -> borderColour(chartArea))).as("the chart's, once it has lost it").isNotEqualTo(chartFocused);
        assertThat(onFx(chartArea::getInsets)).as("the chart keeps its place").isEqualTo(chartInsets);
    }

    /** The id of the control with the keyboard, or a button's text. */
    private String focusOwner() throws Exception {
        return onFx(() -> {
            javafx.scene.Node owner = stage.getScene().getFocusOwner();
            return owner.getId() == null && owner instanceof javafx.scene.control.Button button ? button.getText() : owner.getId();
        });
    }

    private static javafx.scene.paint.Paint borderColour(javafx.scene.layout.Region region) {
        return region.getBorder() == null || region.getBorder().getStrokes().isEmpty() ? null
                : region.getBorder().getStrokes().get(0).getTopStroke();
    }

    @Test
    void theMainKeyboardsPlusZoomsInLikeTheKeypadsPlus(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#chartArea");
        long span = parts.chart().model().orElseThrow().range().spanMillis();
        robot.press(KeyCode.SHIFT).type(KeyCode.EQUALS).release(KeyCode.SHIFT); // "+" on a US keyboard
        WaitForAsyncUtils.waitForFxEvents();
        long zoomed = parts.chart().model().orElseThrow().range().spanMillis();
        assertThat((double) zoomed).as("Shift+= zooms in one step").isCloseTo(span / ChartModel.ZOOM_STEP,
                org.assertj.core.data.Offset.offset(span * 0.01));
        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();
        long again = parts.chart().model().orElseThrow().range().spanMillis();
        assertThat((double) again).as("keypad +, one step").isCloseTo(zoomed / ChartModel.ZOOM_STEP,
                org.assertj.core.data.Offset.offset(span * 0.01));
        robot.type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat((double) parts.chart().model().orElseThrow().range().spanMillis()).as("-, one step out")
                .isCloseTo(zoomed, org.assertj.core.data.Offset.offset(span * 0.01));
        // "=" by the character it types: Shift+0 on a German keyboard. (Monocle's robot would match
        // an unshifted = key to the "+" accelerator, which GTK does not, so that key shows nothing here.)
        javafx.scene.Node chartArea = robot.lookup("#chartArea").query();
        robotInteract(() -> javafx.event.Event.fireEvent(chartArea,
                new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "=", "=", KeyCode.DIGIT0, true,
                        false, false, false)));
        assertThat((double) parts.chart().model().orElseThrow().range().spanMillis()).as("=, one step in")
                .isCloseTo(again, org.assertj.core.data.Offset.offset(span * 0.01));
    }

    @Test
    void theShortcutsAndAboutDialogsShowEveryLineWhole(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#watchlist").type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertLabelsWhole(robot, "#shortcutsDialog", 20);
        robot.type(KeyCode.ESCAPE);
        robotInteract(() -> new WorkstationMenus(parts, window).createMenuBar().getMenus().stream()
                .flatMap(menu -> menu.getItems().stream()).filter(item -> "menuAbout".equals(item.getId()))
                .findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertLabelsWhole(robot, "#aboutDialog", 4);
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theKeyboardHelpNamesEveryAcceleratorOfTheWindowAndTheKeysThatActInOnePlace(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#watchlist").type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node content = robot.lookup("#shortcutsDialog").queryAs(javafx.scene.control.DialogPane.class).getContent();
        Map<String, String> help = onFx(() -> helpLines(content));
        List<String> installed = onFx(() -> stage.getScene().getAccelerators().keySet().stream()
                .filter(key -> key instanceof javafx.scene.input.KeyCodeCombination
                        || key instanceof javafx.scene.input.KeyCharacterCombination) // not the keys only shown
                .map(javafx.scene.input.KeyCombination::getDisplayText).toList());
        assertThat(installed).as("the window's accelerators").contains("Ctrl+E", "1", "5", "+", "-", "←", "F11", "F1");

        assertThat(help.keySet()).as("every accelerator the window has").containsAll(installed);
        assertThat(help).containsEntry("Ctrl+E", "Export chart as PNG").containsEntry("3", "Timeframe 15Min")
                .containsEntry("Esc", "Leave full screen")
                .containsEntry("↑ / ↓ in the list", "Select the symbol above / below, and chart it")
                .containsEntry("Alt+↑ / Alt+↓ in the list", "Move the selected symbol up / down")
                .containsEntry("Delete in the list", "Remove the selected symbol")
                .containsEntry("Ctrl+Z in the list", "Undo removals, the last first")
                .containsEntry("Click on a header", "Sort by its column; again: the other way; again: your own order");
        assertThat(onFx(() -> content.getScene().getWindow().getHeight())).as("within a 768 px laptop screen and its panel")
                .isLessThan(700);
        robot.type(KeyCode.ESCAPE);
    }

    /**
     * The keys and actions of the keyboard help's grids: a key in a grid's first column, and its
     * action in the second of the same row (headings span both). JavaFX thread.
     */
    private static Map<String, String> helpLines(javafx.scene.Node content) {
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        for (javafx.scene.Node node : content.lookupAll(".label")) {
            Integer column = javafx.scene.layout.GridPane.getColumnIndex(node);
            if (node.getParent() instanceof javafx.scene.layout.GridPane grid && (column == null || column == 0)) {
                grid.getChildren().stream().filter(other -> Integer.valueOf(1).equals(javafx.scene.layout.GridPane.getColumnIndex(other))
                                && java.util.Objects.equals(javafx.scene.layout.GridPane.getRowIndex(other),
                                        javafx.scene.layout.GridPane.getRowIndex(node)))
                        .findFirst().ifPresent(action -> lines.put(((Label) node).getText(), ((Label) action).getText()));
            }
        }
        return lines;
    }

    @Test
    void aDialogHoldsTheMainWindowWithoutTheToolkitsModality(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        java.util.concurrent.atomic.AtomicInteger keysReachingTheChart = new java.util.concurrent.atomic.AtomicInteger();
        parts.chart().node().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> keysReachingTheChart.incrementAndGet());
        Runnable pressTwoOnTheChart = () -> javafx.event.Event.fireEvent(parts.chart().node(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "2", "2", KeyCode.DIGIT2, false, false, false, false));

        robot.clickOn("#watchlist").type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Stage dialog = (javafx.stage.Stage) robot.lookup("#shortcutsDialog").query().getScene().getWindow();
        // A modal window makes GTK freeze its owner's size, and Openbox and KDE then un-maximize it.
        assertThat(dialog.getModality()).isEqualTo(javafx.stage.Modality.NONE);
        robotInteract(pressTwoOnTheChart);
        assertThat(keysReachingTheChart).as("the main window ignores keys while the dialog shows").hasValue(0);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        robotInteract(pressTwoOnTheChart);
        assertThat(keysReachingTheChart).as("and takes them again once it is closed").hasValue(1);
    }

    @Test
    void aClickOnTheHeldMainWindowBringsBackAMinimizedDialog(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#watchlist").type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Stage dialog = (javafx.stage.Stage) robot.lookup("#shortcutsDialog").query().getScene().getWindow();
        robotInteract(() -> dialog.setIconified(true)); // its title bar's minimize button
        assertThat(dialog.isIconified()).isTrue();

        robotInteract(() -> javafx.event.Event.fireEvent(parts.chart().node(), new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_PRESSED, 10, 10, 10, 10, javafx.scene.input.MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, false, false, false, null)));

        assertThat(dialog.isIconified()).as("the main window ignores the click, so the dialog it waits for comes back")
                .isFalse();
        robotInteract(dialog::close);
    }

    private static void assertLabelsWhole(FxRobot robot, String dialog, int atLeast) {
        javafx.scene.Node pane = robot.lookup(dialog).query();
        List<javafx.scene.control.Label> labels = robot.from(pane).lookup(".label").queryAllAs(javafx.scene.control.Label.class)
                .stream().filter(label -> label.getParent() instanceof javafx.scene.layout.GridPane).toList();
        assertThat(labels).hasSizeGreaterThan(atLeast);
        robot.interact(() -> {
            for (javafx.scene.control.Label label : labels) {
                javafx.scene.text.Text shown = (javafx.scene.text.Text) label.lookup(".text");
                assertThat(shown.getText()).as("shown whole").isEqualTo(label.getText());
            }
        });
    }

    @Test
    void theExportedPngIsTheChartAtItsSizeOnScreenNotBlankAndTheStatusBarSaysWhereItWent(FxRobot robot) throws Exception {
        // Every export was 1400 x 900, whatever the window: a chart 900 px wide on screen came out
        // half as wide again, its candles further apart and its axes labelled otherwise.
        awaitChart("AAPL · 1Min");
        WorkstationMenus menus = new WorkstationMenus(parts, window);
        ChartModel model = parts.chart().model().orElseThrow();
        assertThat(menus.exportChooser(model).getInitialDirectory()).as("at first the home folder, not the working one")
                .isEqualTo(new java.io.File(System.getProperty("user.home")));
        int captionHeight = -1;
        for (double[] windowSize : new double[][] {{1500, 950}, {1150, 720}}) {
            robotInteract(() -> {
                stage.setWidth(windowSize[0]);
                stage.setHeight(windowSize[1]);
            });
            javafx.scene.layout.Region chart = parts.chart().viewProperty().get().node();
            double[] onScreen = new double[2];
            robotInteract(() -> {
                onScreen[0] = chart.getWidth();
                onScreen[1] = chart.getHeight();
            });
            assertThat(onScreen[0]).as("the chart's width on screen").isGreaterThan(WorkstationMenus.MIN_EXPORT_WIDTH);
            Path file = dir.resolve("aapl-" + (int) windowSize[0] + ".png");
            BufferedImage image = exported(menus, model, file);
            assertThat(image.getWidth()).as("the chart's width on screen").isEqualTo((int) Math.ceil(onScreen[0]));
            if (captionHeight < 0) {
                captionHeight = image.getHeight() - (int) Math.ceil(onScreen[1]);
                assertThat(captionHeight).as("the caption above the chart").isBetween(15, 45);
            }
            assertThat(image.getHeight()).as("the chart's height on screen under the caption")
                    .isEqualTo((int) Math.ceil(onScreen[1]) + captionHeight);
            assertThat(distinctColours(image)).as("a chart, not a blank image").isGreaterThan(20);
            javafx.scene.control.Label note = robot.lookup("#statusNote").queryAs(javafx.scene.control.Label.class);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> note.getText().equals(file.getFileName() + " exported to " + dir.toAbsolutePath()));
        }
        assertThat(menus.exportChooser(model).getInitialDirectory()).as("then the last export's").isEqualTo(dir.toFile());

        robotInteract(() -> {
            stage.setWidth(900); // the smallest window: the chart pane about 400 px wide
            stage.setHeight(600);
        });
        double[] smallOnScreen = new double[2];
        robotInteract(() -> {
            smallOnScreen[0] = parts.chart().viewProperty().get().node().getWidth();
            smallOnScreen[1] = parts.chart().viewProperty().get().node().getHeight();
        });
        assertThat(smallOnScreen[0]).isLessThan(WorkstationMenus.MIN_EXPORT_WIDTH);
        BufferedImage small = exported(menus, model, dir.resolve("aapl-small.png"));
        assertThat(small.getWidth()).as("no narrower than the smallest export").isEqualTo((int) WorkstationMenus.MIN_EXPORT_WIDTH);
        assertThat(small.getHeight()).isEqualTo((int) Math.ceil(Math.max(WorkstationMenus.MIN_EXPORT_HEIGHT, smallOnScreen[1]))
                + captionHeight);
    }

    @Test
    void exportingTheSettingsSaysWhereTheyWentWithoutTheKeysOrWhyNot(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        WorkstationMenus menus = new WorkstationMenus(parts, window);
        Path file = dir.resolve("tradedesk-settings.json");

        robotInteract(() -> menus.exportSettings(file));
        Label note = robot.lookup("#statusNote").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> note.getText()
                .equals("tradedesk-settings.json exported to " + dir.toAbsolutePath() + ", without the API key and secret"));
        assertThat(host.settingsExports).containsExactly(file);

        host.settingsExportFailure = "cannot write /proc/settings.json: its folder takes no new files";
        robotInteract(() -> menus.exportSettings(Path.of("/proc/settings.json")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane error = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(error.getHeaderText()).isEqualTo("Could not export the settings");
        assertThat(error.getContentText()).isEqualTo(host.settingsExportFailure);
        robotInteract(() -> ((Stage) error.getScene().getWindow()).close());
    }

    @Test
    void aFailureFromOutsideTheWindowIsToldInAnAlertThatHoldsTheWindow(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        String reason = "the history database " + dir.resolve("data/simulated/history.mv.db")
                + " is in use by another process (is TradeDesk already running?)";

        AtomicReference<Runnable> close = new AtomicReference<>();
        robotInteract(() -> close.set(window.showError("The history database could not be opened", reason)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane error = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(error.getHeaderText()).isEqualTo("The history database could not be opened");
        assertThat(error.getContentText()).isEqualTo(reason);
        assertThat(error.getMinHeight()).as("as tall as its whole message").isEqualTo(Region.USE_PREF_SIZE);
        assertThat(((Stage) error.getScene().getWindow()).getModality()).as("not modal (JDK-8332222): held")
                .isEqualTo(javafx.stage.Modality.NONE);

        robotInteract(close.get());
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("closed once what it told is over").isEmpty();
        robotInteract(close.get()); // closed already: nothing happens
    }

    @Test
    void anImportShowsItsProgressThenWhatItImportedListsItsSkippedRowsAndReloadsTheChartOfItsSymbol(FxRobot robot)
            throws Exception {
        awaitChart("AAPL · 1Min");
        WorkstationMenus menus = new WorkstationMenus(parts, window);
        Path file = dir.resolve("aapl.csv");
        SeriesKey aapl = new SeriesKey(Symbol.of("AAPL"), Timeframe.ONE_MINUTE);
        ScriptedBarImport running = new ScriptedBarImport(file, aapl);
        host.nextImport = running;

        robotInteract(() -> menus.importBars(file, aapl, ZoneOffset.UTC));
        ProgressBar progress = robot.lookup("#backfillProgress").queryAs(ProgressBar.class);
        Label progressText = robot.lookup("#backfillText").queryAs(Label.class);
        awaitOnFx(5, () -> progress.isVisible() && progressText.getText().equals("Importing aapl.csv into AAPL 1Min…"));
        running.fraction = 0.5;
        awaitOnFx(5, () -> progress.getProgress() == 0.5);

        int readsBefore = host.reads.size();
        running.outcome.complete(new BarImport.Outcome(1_234, 21, List.of("line 3: close is NaN", "line 9: high below low"),
                true));
        Label note = robot.lookup("#statusNote").queryAs(Label.class);
        awaitOnFx(5, () -> note.getText().equals("aapl.csv: 1,234 bars imported into AAPL 1Min, 21 rows skipped"));
        awaitOnFx(5, () -> robot.lookup("#importSkippedRows").tryQuery().isPresent());
        TextArea skipped = robot.lookup("#importSkippedRows").queryAs(TextArea.class);
        assertThat(skipped.getText()).isEqualTo("line 3: close is NaN\nline 9: high below low\n… and 19 more");
        assertThat(progress.isVisible()).isFalse();
        awaitOnFx(10, () -> host.reads.size() > readsBefore); // the chart of AAPL reads its history again
        robotInteract(() -> ((Stage) skipped.getScene().getWindow()).close());
    }

    @Test
    void anImportThatFailedOrWasStoppedSaysSoAndOneOnTheSimulatorSaysWhereItsBarsAre(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        WorkstationMenus menus = new WorkstationMenus(parts, window);
        SeriesKey ibm = new SeriesKey(Symbol.of("IBM"), Timeframe.ONE_DAY);
        Path file = dir.resolve("ibm-daily.csv");
        Label note = robot.lookup("#statusNote").queryAs(Label.class);

        ScriptedBarImport stopped = new ScriptedBarImport(file, ibm);
        host.nextImport = stopped;
        robotInteract(() -> menus.importBars(file, ibm, ZoneOffset.UTC));
        robotInteract(menus::stopImport);
        assertThat(stopped.cancelled).isTrue();
        assertThat(robot.lookup("#backfillText").queryAs(Label.class).getText())
                .isEqualTo("Stopping the import of ibm-daily.csv: rolling it back…");
        stopped.outcome.completeExceptionally(new java.util.concurrent.CancellationException("stopped"));
        awaitOnFx(5, () -> note.getText().equals("ibm-daily.csv: import stopped, nothing was imported into IBM 1Day"));

        ScriptedBarImport simulated = new ScriptedBarImport(file, ibm);
        host.nextImport = simulated;
        robotInteract(() -> menus.importBars(file, ibm, ZoneOffset.UTC));
        simulated.outcome.complete(new BarImport.Outcome(1, 0, List.of(), false));
        awaitOnFx(5, () -> note.getText().equals("ibm-daily.csv: 1 bar imported into IBM 1Day; the simulated exchange"
                + " charts its own prices: choose a real provider in Settings to see them"));

        ScriptedBarImport headerOnly = new ScriptedBarImport(file, ibm);
        host.nextImport = headerOnly;
        robotInteract(() -> menus.importBars(file, ibm, ZoneOffset.UTC));
        headerOnly.outcome.complete(new BarImport.Outcome(0, 0, List.of(), false));
        awaitOnFx(5, () -> note.getText().equals("ibm-daily.csv: 0 bars imported into IBM 1Day")); // nothing to see elsewhere

        ScriptedBarImport failed = new ScriptedBarImport(file, ibm);
        host.nextImport = failed;
        robotInteract(() -> menus.importBars(file, ibm, ZoneOffset.UTC));
        failed.outcome.completeExceptionally(new java.util.concurrent.CompletionException("no such file: " + file, null));
        awaitOnFx(5, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane error = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(error.getHeaderText()).isEqualTo("Could not import ibm-daily.csv");
        assertThat(error.getContentText()).isEqualTo("no such file: " + file);
        robotInteract(() -> ((Stage) error.getScene().getWindow()).close());
    }

    @Test
    void theImportDialogGuessesFromTheFileNameRefusesANonSymbolAndStartsTheImportAsked(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        WorkstationMenus menus = new WorkstationMenus(parts, window);
        Path file = dir.resolve("spy_daily.csv");

        javafx.application.Platform.runLater(() -> menus.askAndImport(file));
        awaitOnFx(5, () -> robot.lookup("#importSymbol").tryQuery().isPresent());
        TextField symbol = robot.lookup("#importSymbol").queryAs(TextField.class);
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        javafx.scene.Node importButton = pane.lookupButton(ImportDialog.IMPORT);
        assertThat(symbol.getText()).isEqualTo("SPY");
        assertThat(onFx(() -> robot.lookup("#importTimeframe").queryAs(javafx.scene.control.ChoiceBox.class).getValue()))
                .isEqualTo(Timeframe.ONE_DAY);
        assertThat(importButton.isDisabled()).isFalse();
        // The keyboard in the symbol, its guess selected, so that typing replaces it: a space typed
        // while Import had the keyboard pressed it.
        awaitOnFx(5, () -> pane.getScene().getFocusOwner() == symbol && symbol.getSelectedText().equals("SPY"));
        robotInteract(() -> symbol.setText("SPY 500"));
        assertThat(importButton.isDisabled()).isTrue();
        assertThat(robot.lookup("#importProblem").queryAs(Label.class).getText()).startsWith("invalid symbol 'SPY 500'");

        robotInteract(() -> symbol.setText("spy"));
        robot.clickOn(importButton);
        awaitOnFx(5, () -> !host.imports.isEmpty());
        assertThat(host.imports).containsExactly(file + " SPY/1Day Z");
    }

    private static BufferedImage exported(WorkstationMenus menus, ChartModel model, Path file) throws Exception {
        robotInteract(() -> menus.export(model, file));
        WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> file.toFile().exists());
        return ImageIO.read(file.toFile());
    }

    @Test
    void theWorkspaceIsRememberedAndRestored(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("MSFT");
        robot.clickOn("#timeframe1Hour");
        awaitChart("MSFT · 1Hour");
        robotInteract(() -> stage.close());
        Workspace saved = host.workspace.get();
        assertThat(saved.symbol()).isEqualTo("MSFT");
        assertThat(saved.timeframe()).isEqualTo("1Hour");
        assertThat(saved.windowWidth()).isPositive();

        host.reads.clear();
        robotInteract(() -> {
            stage = new Stage();
            open(saved);
        });
        awaitChart("MSFT · 1Hour");
        assertThat(parts.watchlist().selectedProperty().get()).isEqualTo(MSFT);
        assertThat(host.reads).as("one history read at the start, not one more at the default timeframe")
                .containsExactly(MSFT);
    }

    @Test
    void theWatchlistsSortIsRememberedAndRestoredWhileItsOwnOrderIsTheOneSaved(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        javafx.scene.Node rsi = robot.lookup("#watchlist .column-header")
                .queryAllAs(javafx.scene.control.skin.TableColumnHeader.class).stream().filter(header -> header.getTableColumn() != null && "RSI".equals(header.getTableColumn().getText()))
                .findFirst().orElseThrow();
        robot.clickOn(rsi).clickOn(rsi);
        WaitForAsyncUtils.waitForFxEvents();
        robotInteract(() -> stage.close());
        Workspace saved = host.workspace.get();
        assertThat(saved.watchlistSortColumn()).isEqualTo("rsi");
        assertThat(saved.watchlistSortDescending()).isTrue();
        assertThat(host.watchlists).as("a sort is no change to the list saved in the settings").isEmpty();

        robotInteract(() -> {
            stage = new Stage();
            open(saved);
        });
        awaitChart("AAPL · 1Min");
        assertThat(parts.watchlist().sortProperty().get()).isEqualTo(WatchlistSort.descending(WatchlistColumn.RSI));
        TableView<?> table = window.watchlistView().table();
        assertThat(onFx(() -> table.getSortOrder().stream().map(column -> column.getText() + " " + column.getSortType()).toList()))
                .containsExactly("RSI DESCENDING");
        assertThat(parts.watchlist().symbols()).containsExactly(AAPL, MSFT, Symbol.of("SPY"));

        Workspace unknown = new Workspace(null, null, null, null, null, null, null, null, null, null, null, null, null,
                "vwap", true);
        robotInteract(() -> {
            stage.close();
            stage = new Stage();
            open(unknown);
        });
        awaitChart("AAPL · 1Min");
        assertThat(parts.watchlist().sortProperty().get()).as("a column this version does not have").isNull();
    }

    @Test
    void whileTheWatchlistIsSortedItsMenuSaysWhyItCannotMoveAndClearsTheSort(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        assertThat(menuItem(robot, "menuClearSort").isDisable()).as("nothing to clear").isTrue();

        robotInteract(() -> parts.watchlist().sortProperty().set(WatchlistSort.ascending(WatchlistColumn.CHANGE_PERCENT)));
        assertThat(menuItem(robot, "menuMoveUp").isDisable()).isTrue();
        assertThat(menuItem(robot, "menuMoveDown").getText()).isEqualTo("Move selected down (list sorted by Chg %)");
        robotInteract(() -> menuItem(robot, "menuClearSort").fire());

        assertThat(parts.watchlist().sortProperty().get()).isNull();
        assertThat(menuItem(robot, "menuMoveUp").isDisable()).isFalse();
        assertThat(menuItem(robot, "menuMoveDown").getText()).isEqualTo("Move selected down");
    }

    /** The settings' default timeframe: where a start with no remembered timeframe opens the chart (it opened at 1Min). */
    @Test
    void aStartWithNoRememberedTimeframeOpensTheChartAtTheDefaultOneAndARememberedOneWins(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robotInteract(() -> {
            stage.close();
            stage = new Stage();
            open(Workspace.EMPTY, "", Timeframe.FIFTEEN_MINUTES);
        });
        awaitChart("AAPL · 15Min");
        assertThat(robot.lookup("#timeframe15Min").queryAs(ToggleButton.class).isSelected()).isTrue();

        Workspace remembered = new Workspace(null, null, null, null, null, null, null, "MSFT", "1Hour", null, null, null,
                null, null, null);
        robotInteract(() -> {
            stage.close();
            stage = new Stage();
            open(remembered, "", Timeframe.FIFTEEN_MINUTES);
        });
        awaitChart("MSFT · 1Hour");
        assertThat(robot.lookup("#timeframe1Hour").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    /** OK in Settings with another default timeframe shows the chart at it; an OK that keeps it leaves the chart's own. */
    @Test
    void okWithAnotherDefaultTimeframeSwitchesTheChartToIt(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#timeframe5Min");
        awaitChart("AAPL · 5Min");

        okInSettings(robot, () -> { });
        assertThat(parts.chart().timeframe()).as("the default kept: the chart's own timeframe stays").isEqualTo(Timeframe.FIVE_MINUTES);

        okInSettings(robot, () -> robot.lookup("#defaultTimeframe").queryAs(javafx.scene.control.ComboBox.class)
                .setValue(Timeframe.ONE_HOUR));
        awaitChart("AAPL · 1Hour");
        assertThat(robot.lookup("#timeframe1Hour").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    /** Opens File → Settings (its own nested event loop), makes {@code edit} on the JavaFX thread, and presses OK. */
    private void okInSettings(FxRobot robot, Runnable edit) throws Exception {
        javafx.scene.control.MenuItem settings = menuItem(robot, "menuSettings");
        javafx.application.Platform.runLater(settings::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settingsOk").tryQuery()
                .filter(ok -> ok.getScene().getWindow().isShowing()).isPresent());
        robotInteract(edit);
        robotInteract(() -> robot.lookup("#settingsOk").queryButton().fire());
    }

    @Test
    void theWatchlistKeepsItsWidthOverRestarts(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        Workspace workspace = new Workspace(40.0, 30.0, 1602.0, 1025.0, false, 0.3456, null, "AAPL", "1Min", null, null,
                null, null, null, null);
        double[] widths = new double[4];
        for (int start = 0; start < widths.length; start++) {
            Workspace restored = workspace;
            robotInteract(() -> {
                stage.close();
                stage = new Stage();
                open(restored);
            });
            awaitChart("AAPL · 1Min");
            widths[start] = robot.lookup("#watchlistPane").queryAs(javafx.scene.layout.Region.class).getWidth();
            robotInteract(() -> stage.close());
            workspace = host.workspace.get();
        }
        assertThat(widths[0]).as("as saved").isCloseTo(0.3456 * 1602, org.assertj.core.data.Offset.offset(12.0));
        for (double width : widths) {
            assertThat(width).as("the watchlist's width at each start").isCloseTo(widths[0], org.assertj.core.data.Offset.offset(2.0));
        }
    }

    @Test
    void aDismissedSimulatedDataBannerStaysDismissedAtTheNextStart(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        javafx.scene.Node banner = robot.lookup("#simulatedBanner").query();
        assertThat(banner.isVisible()).isTrue();
        robot.clickOn("#dismissSimulatedBanner");
        assertThat(banner.isVisible()).isFalse();
        robotInteract(() -> stage.close());
        Workspace saved = host.workspace.get();
        assertThat(saved.bannerDismissed()).isTrue();

        robotInteract(() -> {
            stage = new Stage();
            open(saved);
        });
        awaitChart("AAPL · 1Min");
        assertThat(robot.lookup("#simulatedBanner").query().isVisible()).isFalse();
    }

    @Test
    void aBrokenSettingsFileIsSaidWholeInABannerThatSaysChangesAreNotSaved(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        assertThat(robot.lookup("#settingsBanner").query().isVisible()).as("no problem, no banner").isFalse();
        String notice = "Settings file /home/trader/.config/tradedesk/settings.json has a problem at line 3, column 17:"
                + " rsiPeriod must be between 2 and 10000, was 0. Using the default settings; the file is left unchanged"
                + " until you fix it.";
        robotInteract(() -> {
            stage.close();
            stage = new Stage();
            open(Workspace.EMPTY, notice);
            stage.setWidth(900); // the smallest window: the status bar shows the notice's start only
        });
        awaitChart("AAPL · 1Min");

        Label text = robot.lookup("#settingsBannerText").queryAs(Label.class);
        assertThat(text.isVisible()).isTrue();
        assertThat(text.getText()).startsWith(notice).endsWith("Changes made in this session are not saved.");
        assertThat(drawnText(text)).isEqualTo(text.getText());
        robot.clickOn("#dismissSettingsBanner");
        assertThat(robot.lookup("#settingsBanner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#statusNotice").queryAs(Label.class).getText()).as("the status bar still says it").isEqualTo(notice);
    }

    /** The text a wrapping label draws over all its lines, ellipses included. */
    private static String drawnText(Label label) {
        return label.lookupAll(".text").stream().filter(javafx.scene.text.Text.class::isInstance)
                .map(node -> ((javafx.scene.text.Text) node).getText()).findFirst().orElse("");
    }

    @Test
    void quittingInFullScreenSavesTheWindowAsItWasBefore(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        AtomicReference<Rectangle2D> before = new AtomicReference<>();
        robotInteract(() -> {
            before.set(new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
            stage.setFullScreen(true);
        });
        awaitOnFx(5, () -> stage.getWidth() != before.get().getWidth());
        robotInteract(() -> stage.close());
        Workspace saved = host.workspace.get();
        assertThat(saved.windowWidth()).isEqualTo(before.get().getWidth());
        assertThat(saved.windowHeight()).isEqualTo(before.get().getHeight());
        assertThat(saved.windowX()).isEqualTo(before.get().getMinX());
    }

    @Test
    void aResizeAfterMaximizingAndRestoringIsSaved() throws Exception {
        awaitChart("AAPL · 1Min");
        robotInteract(() -> stage.setMaximized(true));
        robotInteract(() -> stage.setMaximized(false));
        robotInteract(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
        });
        robotInteract(() -> stage.close());
        Workspace saved = host.workspace.get();
        assertThat(saved.maximized()).isFalse();
        assertThat(saved.windowWidth()).isEqualTo(1000.0);
        assertThat(saved.windowHeight()).isEqualTo(700.0);
    }

    @Test
    void theViewMenusThemeShowsTheSettingsPreviewThenTheSavedThemeAfterCancelOrOk(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        List<javafx.scene.control.MenuItem> items = ((javafx.scene.control.MenuBar) robot.lookup(".menu-bar").query())
                .getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .flatMap(item -> item instanceof javafx.scene.control.Menu submenu ? submenu.getItems().stream() : java.util.stream.Stream.of(item))
                .toList();
        java.util.function.Function<String, javafx.scene.control.MenuItem> item = id -> items.stream()
                .filter(candidate -> id.equals(candidate.getId())).findFirst().orElseThrow();
        java.util.function.Supplier<List<String>> checked = () -> items.stream()
                .filter(candidate -> candidate instanceof javafx.scene.control.RadioMenuItem radio && radio.isSelected()
                        && radio.getId() != null && radio.getId().startsWith("theme"))
                .map(javafx.scene.control.MenuItem::getId).toList();
        assertThat(checked.get()).containsExactly("themeLight");
        try {
            previewDarkInSettings(robot, item.apply("menuSettings"));
            assertThat(checked.get()).as("the theme on screen, while the dialog previews it").containsExactly("themeDark");
            assertThat(parts.main().theme()).as("not saved before OK").isEqualTo(Theme.LIGHT);
            assertThat(javafx.application.Application.getUserAgentStylesheet())
                    .isEqualTo(dev.tradedesk.ui.ThemeStylesheets.userAgentStylesheet(Theme.DARK));

            robot.clickOn("#settingsCancel");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(checked.get()).as("the saved theme again after Cancel").containsExactly("themeLight");
            assertThat(javafx.application.Application.getUserAgentStylesheet())
                    .isEqualTo(dev.tradedesk.ui.ThemeStylesheets.userAgentStylesheet(Theme.LIGHT));

            previewDarkInSettings(robot, item.apply("menuSettings"));
            robot.clickOn("#settingsOk");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(parts.main().theme()).isEqualTo(Theme.DARK);
            assertThat(checked.get()).as("the saved theme after OK").containsExactly("themeDark");
        } finally {
            robotInteract(() -> parts.main().switchTheme(Theme.LIGHT)); // the theme is the whole test JVM's
        }
        assertThat(checked.get()).containsExactly("themeLight");
    }

    @Test
    void theViewMenusCandleSwitchHasThePerformancePanelsName(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        javafx.scene.control.MenuItem levelOfDetail = menuItem(robot, "menuLevelOfDetail");
        assertThat(levelOfDetail.getText())
                .isEqualTo(dev.tradedesk.ui.perf.PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL.title())
                .isEqualTo("Merge candles when zoomed out");
    }

    /** Opens File → Settings (its own nested event loop, so not on the test's call) and chooses Dark. */
    /** The item of the menu bar's menus with {@code id}. */
    private static javafx.scene.control.MenuItem menuItem(FxRobot robot, String id) {
        return ((javafx.scene.control.MenuBar) robot.lookup(".menu-bar").query()).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream()).filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    private static void previewDarkInSettings(FxRobot robot, javafx.scene.control.MenuItem settings) throws Exception {
        javafx.application.Platform.runLater(settings::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settingsDialog").tryQuery().isPresent());
        robotInteract(() -> robot.lookup("#themeDark").queryAs(javafx.scene.control.RadioButton.class).fire());
    }

    @Test
    void theWatchlistMenuMovesAndRemovesTheSelectedSymbolAndUndoesTheRemoval(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        List<Symbol> before = parts.watchlist().symbols();
        assertThat(parts.watchlist().selectedProperty().get()).isEqualTo(before.get(0));

        robotInteract(() -> menuItem(robot, "menuMoveDown").fire());
        assertThat(parts.watchlist().symbols().get(1)).isEqualTo(before.get(0));
        robotInteract(() -> menuItem(robot, "menuMoveUp").fire());
        assertThat(parts.watchlist().symbols()).isEqualTo(before);
        assertThat(menuItem(robot, "menuUndoRemove").isDisable()).as("nothing removed yet").isTrue();
        robotInteract(() -> menuItem(robot, "menuRemove").fire());
        assertThat(parts.watchlist().symbols()).doesNotContain(before.get(0)).hasSize(before.size() - 1);

        assertThat(menuItem(robot, "menuUndoRemove").getText()).isEqualTo("Undo remove " + before.get(0).value());
        robotInteract(() -> menuItem(robot, "menuUndoRemove").fire());
        assertThat(parts.watchlist().symbols()).isEqualTo(before);
        assertThat(menuItem(robot, "menuUndoRemove").isDisable()).isTrue();
    }

    @Test
    void theWatchlistMenuShowsTheListsKeysWhichStillActInTheListOnly(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#menuWatchlist");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = onFx(() -> robot.lookup(".context-menu .accelerator-text").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        robot.type(KeyCode.ESCAPE);
        assertThat(shown).as("beside Move up, Move down, Remove, Undo remove, as in a row's menu")
                .containsExactly("Alt+↑", "Alt+↓", "Delete", "Ctrl+Z");

        List<Symbol> before = parts.watchlist().symbols();
        robot.clickOn("#symbolField").type(KeyCode.DELETE);
        robot.clickOn("#addSymbol").type(KeyCode.DELETE);
        assertThat(parts.watchlist().symbols()).as("Delete in the symbol box and on the Add button").isEqualTo(before);
        robot.clickOn("#symbolField").press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        assertThat(parts.watchlist().symbols()).as("Alt+Down in the symbol box").isEqualTo(before);
        robot.clickOn(before.get(0).value()).type(KeyCode.DELETE);
        assertThat(parts.watchlist().symbols()).as("Delete in the list removes once").isEqualTo(before.subList(1, before.size()));
        robot.clickOn("#symbolField").press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(parts.watchlist().symbols()).as("Ctrl+Z in the symbol box").isEqualTo(before.subList(1, before.size()));
    }

    @Test
    void theSplitterStopsWhereEveryWatchlistColumnStillShows(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        SplitPane split = robot.lookup("#mainSplit").queryAs(SplitPane.class);
        robotInteract(() -> {
            split.setDividerPositions(0.02);
            split.getScene().getRoot().applyCss();
            split.getScene().getRoot().layout();
        });
        javafx.scene.control.TableView<?> table = robot.lookup("#watchlist").queryAs(javafx.scene.control.TableView.class);
        double columns = table.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getMinWidth).sum();
        assertThat(table.getWidth()).as("the table keeps room for its columns").isGreaterThanOrEqualTo(columns);
    }

    @Test
    void exportIsGreyedWhileThereIsNoChartToExport(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        javafx.scene.control.MenuItem export = menuItem(robot, "menuExport");
        assertThat(export.isDisable()).isFalse();

        robotInteract(() -> parts.watchlist().replaceAll(List.of()));
        awaitOnFx(10, () -> parts.chart().model().isEmpty());
        assertThat(export.isDisable()).as("no chart, nothing to export").isTrue();

        robotInteract(() -> parts.watchlist().replaceAll(List.of(Symbol.of("AAPL"))));
        awaitChart("AAPL · 1Min");
        assertThat(export.isDisable()).isFalse();
    }

    @Test
    void escapeClosesAnOpenMenuWithoutLeavingFullScreenAndLeavesItOtherwise(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robotInteract(() -> stage.setFullScreen(true));
        awaitOnFx(5, () -> stage.isFullScreen());
        robot.clickOn("View");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Menu view = ((javafx.scene.control.MenuBar) robot.lookup(".menu-bar").query()).getMenus().stream()
                .filter(menu -> menu.getText().equals("_View")).findFirst().orElseThrow();
        assertThat(view.isShowing()).isTrue();

        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.isShowing()).as("the menu closed").isFalse();
        assertThat(stage.isFullScreen()).as("only the menu").isTrue();

        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        awaitOnFx(5, () -> !stage.isFullScreen());
    }

    @Test
    void escapeLeavesFullScreenThoughATooltipShows(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robotInteract(() -> stage.setFullScreen(true));
        awaitOnFx(5, () -> stage.isFullScreen());
        javafx.scene.control.Tooltip connection = showTooltipOf(robot.lookup("#connectionStatus").queryAs(Label.class));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(stage::isFullScreen)).as("Esc leaves full screen, not only the tooltip").isFalse();
        assertThat(onFx(connection::isShowing)).isFalse();
    }

    @Test
    void escapeLeavesTheSymbolBoxThoughARowsTooltipShows(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robot.clickOn("#symbolField").write("MS");
        javafx.scene.control.TableCell<?, ?> symbolCell = robot.from(window.watchlistView().table()).lookup(".table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(cell -> cell.getTooltip() != null && "MSFT".equals(cell.getText())).findFirst().orElseThrow();
        javafx.scene.control.Tooltip symbolWhole = showTooltipOf(symbolCell);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.watchlistView().symbolField().getText()).as("Esc empties the box, not only hides the tooltip")
                .isEmpty();
        assertThat(robot.lookup("#chartArea").query().isFocused()).isTrue();
        assertThat(onFx(symbolWhole::isShowing)).isFalse();
    }

    /** Shows {@code control}'s tooltip under it, as the mouse resting on it does. */
    private static javafx.scene.control.Tooltip showTooltipOf(javafx.scene.control.Control control) throws Exception {
        javafx.scene.control.Tooltip tooltip = control.getTooltip();
        robotInteract(() -> {
            javafx.geometry.Bounds shown = control.localToScreen(control.getLayoutBounds());
            tooltip.show(control, shown.getMinX(), shown.getMaxY() + 4);
        });
        assertThat(onFx(tooltip::isShowing)).isTrue();
        return tooltip;
    }

    @Test
    void aWindowRestoredMaximizedReturnsToItsSavedSizeWhenUnmaximized(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        robotInteract(() -> stage.close());
        Workspace maximized = new Workspace(40.0, 30.0, 960.0, 640.0, true, null, null, "MSFT", "1Min", null, null,
                null, null, null, null);
        robotInteract(() -> {
            stage = new Stage();
            open(maximized);
        });
        awaitChart("MSFT · 1Min");
        robotInteract(() -> assertThat(stage.isMaximized()).isTrue());

        robotInteract(() -> stage.setMaximized(false));
        awaitOnFx(5, () -> stage.getWidth() == 960.0 && stage.getHeight() == 640.0);
        robotInteract(() -> stage.close());
        assertThat(host.workspace.get().windowWidth()).isEqualTo(960.0);
        assertThat(host.workspace.get().maximized()).isFalse();
    }

    @Test
    void aSavedWindowLargerThanTheScreenOpensMaximized(FxRobot robot) throws Exception {
        awaitChart("AAPL · 1Min");
        AtomicReference<Rectangle2D> visual = new AtomicReference<>();
        robotInteract(() -> {
            visual.set(Screen.getPrimary().getVisualBounds());
            stage.close();
        });
        Workspace larger = new Workspace(-50.0, 20.0, visual.get().getWidth() + 600, visual.get().getHeight() + 300, false,
                null, null, "MSFT", "1Min", null, null, null, null, null, null);

        robotInteract(() -> {
            stage = new Stage();
            open(larger);
        });
        awaitChart("MSFT · 1Min");
        robotInteract(() -> assertThat(stage.isMaximized()).as("maximized, for the window manager to fit").isTrue());
    }

    @Test
    void closingTheWindowTakesItsHandlerOffTheStage() throws Exception {
        awaitChart("AAPL · 1Min");
        robotInteract(() -> stage.close());
        assertThat(host.workspace.getAndSet(null)).as("saved on closing").isNotNull();

        // The stage hidden again, as when the tests show it with the next window: the closed
        // window's handler, had it stayed, would save its workspace again, and keep the window
        // and its charts reachable through the stage (16 chart controllers, 925 MB live by the end of this class).
        robotInteract(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_HIDING)));
        assertThat(host.workspace.get()).as("nothing saved by a closed window").isNull();
    }

    private static void robotInteract(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** The chart's title as drawn, cut short with "..." where its label has no room; JavaFX thread. */
    private static String drawnChartTitle(FxRobot robot) {
        return ((Text) robot.lookup("#chartTitle").queryAs(Label.class).lookup(".text")).getText();
    }

    /** The application around the window, as the composition root would answer. */
    private final class FakeHost extends StubWorkstationHost {
        final List<List<Symbol>> watchlists = new CopyOnWriteArrayList<>();
        final List<Path> settingsExports = new CopyOnWriteArrayList<>();
        /** Why the next settings exports fail, or null. */
        volatile String settingsExportFailure;
        final AtomicReference<Workspace> workspace = new AtomicReference<>();
        /** The symbol of every history read, in order. */
        final List<Symbol> reads = new CopyOnWriteArrayList<>();
        /** Each import asked for: file, series and the zone of unmarked times. */
        final List<String> imports = new CopyOnWriteArrayList<>();
        /** What the next import returns, or null for one that imports nothing at once. */
        volatile ScriptedBarImport nextImport;

        @Override
        public BarImport importBars(Path file, SeriesKey series, ZoneId localTimes) {
            imports.add(file + " " + series + " " + localTimes);
            ScriptedBarImport next = nextImport;
            return next != null ? next : super.importBars(file, series, localTimes);
        }

        /** Bars left out of the stored history, 100 back from the newest (a gap the feed will repair). */
        volatile int missing;

        /** Reads of at least this many minutes wait for {@link #release} (0: every read). */
        volatile int heldFromMinutes = Integer.MAX_VALUE;
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public StoredMinutes minuteHistory(Symbol symbol, int minutes) {
            reads.add(symbol);
            if (minutes >= heldFromMinutes) {
                awaitUninterruptibly(release);
            }
            BarColumns all = history(symbol);
            if (all.isEmpty()) {
                return new StoredMinutes(all, false);
            }
            long from = all.time(all.size() - 1) - (minutes - 1L) * Timeframe.ONE_MINUTE.millis();
            int gapEnd = all.size() - 100;
            BarColumns stored = new BarColumns(all.size());
            for (int i = 0; i < all.size(); i++) {
                if ((i < gapEnd - missing || i >= gapEnd) && all.time(i) >= from) {
                    stored.add(all.bar(i));
                }
            }
            return new StoredMinutes(stored, all.time(0) < from);
        }

        private static void awaitUninterruptibly(CountDownLatch gate) {
            try {
                gate.await(30, TimeUnit.SECONDS); // a bound, so that a failing test cannot hang the loader
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void watchlistChanged(List<Symbol> symbols) {
            watchlists.add(symbols);
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> exportSettings(Path file) {
            settingsExports.add(file);
            String failure = settingsExportFailure;
            return failure == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(new java.io.UncheckedIOException(failure, new java.io.IOException(failure)));
        }

        @Override
        public void workspaceChanged(Workspace newWorkspace) {
            workspace.set(newWorkspace);
        }
    }
}
