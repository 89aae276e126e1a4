package dev.tradedesk.ui.workstation;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.ui.PopupStyle;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.ThemeStylesheets;
import dev.tradedesk.ui.Workspace;
import dev.tradedesk.ui.chart.ChartRange;
import dev.tradedesk.ui.watchlist.WatchlistColumn;
import dev.tradedesk.ui.watchlist.WatchlistSort;
import dev.tradedesk.ui.watchlist.WatchlistView;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's main window: menu bar, the simulated-data banner, the watchlist on the left,
 * the chart with its timeframe selector in the middle, the status bar at the bottom. Restores the
 * workspace (window, splitter, symbol, timeframe, zoom, the watchlist's sort) and remembers it on
 * close. A thin view over the view models in {@link Workstation}; menus and shortcuts are in
 * {@link WorkstationMenus}.
 *
 * <p>Build and use on the JavaFX thread only.
 */
public final class WorkstationWindow {

    private static final Logger log = LoggerFactory.getLogger(WorkstationWindow.class);

    public static final String TITLE = "TradeDesk";
    private static final String STYLESHEET = "/dev/tradedesk/ui/tradedesk.css";
    private static final double DEFAULT_WIDTH = 1400;
    private static final double DEFAULT_HEIGHT = 900;
    private static final double DEFAULT_DIVIDER = 0.34;
    private static final Duration WORKSPACE_SAMPLE_PERIOD = Duration.seconds(2);
    /** Longest the watchlist's rows wait for the chart's first frame after the window shows. */
    static final Duration ROWS_AT_THE_LATEST = Duration.seconds(2);
    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 600;
    private static final double MIN_WATCHLIST_WIDTH = 120;
    /**
     * Room for the chart's header, its title beside the timeframe buttons, in the smallest window
     * beside the narrowest watchlist (about 490 px): a wider watchlist gives way as the window
     * shrinks, instead of leaving the chart 320 px and the title (what the chart shows) none.
     */
    private static final double MIN_CHART_WIDTH = 400;
    private static final double MAX_WATCHLIST_WIDTH = 4000;

    private final Workstation parts;
    private final FrameLoop frameLoop;
    private final WatchlistView watchlistView;
    private final WorkstationMenus menus;
    private final ToggleGroup timeframes = new ToggleGroup();
    /** Hands the host the layout every few seconds ({@link WorkstationHost#workspaceNow}). */
    private final Timeline workspaceSampling = new Timeline();
    private SplitPane split;
    private Stage stage;
    private Rectangle2D normalBounds;
    private boolean bannerDismissed;
    /**
     * Reads the bounds even when it does not keep them: an invalidation listener hears of a bound's
     * change only once the bound has been read since the last, and a resize after leaving maximized
     * went unheard, so the window came back at its size from before maximizing.
     */
    private final InvalidationListener boundsChanged = observable -> {
        Rectangle2D bounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        if (!stage.isFullScreen() && !stage.isMaximized()) {
            normalBounds = bounds;
        }
    };
    /**
     * A window opened maximized has no size of its own for the window manager to return to: it
     * came back as large as the screen, and that was saved. So leaving maximized goes back to the
     * bounds from before, explicitly.
     */
    private final ChangeListener<Boolean> maximizedChanged = (property, was, maximized) -> {
        Rectangle2D before = normalBounds;
        if (!maximized && before != null) {
            Platform.runLater(() -> {
                if (!stage.isMaximized() && !stage.isFullScreen()) {
                    place(before);
                }
            });
        }
    };

    public WorkstationWindow(Workstation parts) {
        this.parts = Objects.requireNonNull(parts);
        this.frameLoop = new FrameLoop(parts.market(), parts.watchlist(), parts.status(), parts.chart(), parts.uiMetrics());
        // A symbol found rather than added is one to look at: its chart takes the keyboard, so that
        // the next digit switches its timeframe instead of typing in the box.
        this.watchlistView = new WatchlistView(parts.watchlist(), this::leaveSymbolBoxForChart);
        this.menus = new WorkstationMenus(parts, this);
    }

    /** Builds the scene on {@code stage}, restores the workspace, and shows it. */
    public void show(Stage newStage) {
        this.stage = newStage;
        Scene scene = new Scene(createView(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(WorkstationWindow.class.getResource(STYLESHEET)).toExternalForm());
        PopupStyle.fitToDisplay(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(parts.chart().titleProperty().map(WorkstationWindow::windowTitle));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        applyTheme(parts.main().shownTheme());
        parts.main().shownThemeProperty().addListener((property, previous, current) -> applyTheme(current));
        restoreWindow(parts.workspace());
        trackNormalBounds(true);
        if (Boolean.TRUE.equals(parts.workspace().bannerDismissed())) {
            bannerDismissed = true; // dismissed once is enough: a later switch of provider shows it again
            parts.main().simulatedBannerProperty().set(false);
        }
        // Removes itself: a stage shown again with another window (the tests reuse one stage)
        // would otherwise keep every earlier window, and all its charts, reachable through it.
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, new EventHandler<WindowEvent>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_HIDING, this);
                stage.titleProperty().unbind();
                workspaceSampling.stop();
                parts.host().workspaceChanged(captureWorkspace());
                trackNormalBounds(false);
                frameLoop.stop();
            }
        });
        workspaceSampling.getKeyFrames().setAll(new KeyFrame(WORKSPACE_SAMPLE_PERIOD,
                event -> parts.host().workspaceNow(captureWorkspace())));
        workspaceSampling.setCycleCount(Animation.INDEFINITE);
        workspaceSampling.play();
        menus.installShortcuts(scene);
        leaveFullScreenOnEscape(scene);
        scene.addPostLayoutPulseListener(frameLoop::afterLayout);
        frameLoop.start();
        // Before show, which takes a second or more for the first CSS, layout and rendering of the
        // scene: the chart's history read then runs on the loader meanwhile, not after it.
        restoreSelection(parts.workspace());
        restoreWatchlistSort(parts.workspace());
        // Decoded in the background, after the chart's history read: the window manager takes the
        // icons whenever they come, and the JavaFX thread has the first frame to make meanwhile.
        CompletableFuture.supplyAsync(WorkstationWindow::icons, parts.background())
                .thenAcceptAsync(stage.getIcons()::setAll, Platform::runLater)
                .exceptionally(failure -> {
                    log.warn("The window's icons could not be set; the window manager shows its own", failure);
                    return null;
                });
        watchlistView.showRowsWhen(rowsDue(scene));
        Rectangle2D placed = normalBounds;
        stage.show();
        // JavaFX 21 under some window managers (Openbox; JDK-8316423, fixed in JavaFX 22) shows a
        // window at its minimum size whatever size was set before: set it again now that it shows.
        // A maximized window keeps the placed bounds to return to, not the size it was first given.
        if (stage.isMaximized() || stage.isFullScreen()) {
            normalBounds = placed;
        } else {
            place(placed);
        }
        // The scene would give the keyboard to its first control, the banner's button or the
        // symbol box, where digits type and arrows move focus: the chart's keys are what a trader
        // reaches for first.
        parts.chart().node().requestFocus();
    }

    /**
     * When the watchlist's rows go on screen: once the chart has drawn its data (on a start, its
     * first live frame), which their first styling would otherwise delay by 0.6–0.9 s, or
     * {@link #ROWS_AT_THE_LATEST} after the show if the chart has nothing to draw.
     */
    private CompletionStage<Void> rowsDue(Scene scene) {
        CompletableFuture<Void> due = new CompletableFuture<>();
        Runnable chartDrawn = new Runnable() {
            @Override
            public void run() {
                if (parts.chart().drawnUpToDate() || due.isDone()) {
                    scene.removePostLayoutPulseListener(this);
                    due.complete(null);
                }
            }
        };
        scene.addPostLayoutPulseListener(chartDrawn);
        PauseTransition latest = new PauseTransition(ROWS_AT_THE_LATEST);
        latest.setOnFinished(event -> due.complete(null));
        latest.play();
        return due;
    }

    /**
     * "AAPL · 1Min — TradeDesk": what the window shows first, so that a taskbar button or a title
     * bar cut short still tells the windows apart; the app's name alone while no chart is shown.
     */
    static String windowTitle(String chartTitle) {
        return chartTitle.isEmpty() ? TITLE : chartTitle + " — " + TITLE;
    }

    Stage stage() {
        return stage;
    }

    WatchlistView watchlistView() {
        return watchlistView;
    }

    FrameLoop frameLoop() {
        return frameLoop;
    }

    /** Selects {@code timeframe} in the selector, which switches the chart. */
    void selectTimeframe(Timeframe timeframe) {
        timeframes.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == timeframe)
                .findFirst()
                .ifPresent(toggle -> toggle.setSelected(true));
    }

    private Parent createView() {
        BorderPane root = new BorderPane();
        root.setId("mainRoot");
        root.setTop(new VBox(menus.createMenuBar(), createSettingsBanner(), createBanner()));
        split = new SplitPane(watchlistView.createView(), createChartPane());
        // Escape leaves the symbol box for the chart, whose keys (digits, arrows, +/-) work again.
        watchlistView.symbolField().addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                key.consume();
                leaveSymbolBoxForChart();
            }
        });
        split.setId("mainSplit");
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(DEFAULT_DIVIDER);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        root.setBottom(new StatusBarView(parts.status()).createView(parts.main().notice()));
        parts.watchlist().selectedProperty().addListener((property, before, symbol) -> {
            if (!Objects.equals(parts.chart().symbol().orElse(null), symbol)) {
                parts.chart().show(symbol, parts.chart().timeframe(), null);
            }
        });
        parts.chart().setWatchlistEmpty(parts.watchlist().rows().isEmpty());
        parts.watchlist().rows().addListener((InvalidationListener) rows ->
                parts.chart().setWatchlistEmpty(parts.watchlist().rows().isEmpty()));
        return root;
    }

    private void leaveSymbolBoxForChart() {
        watchlistView.symbolField().clear();
        parts.chart().node().requestFocus();
    }

    /**
     * A broken settings file, said whole where it cannot be missed: the status bar has room for its
     * start only, and the user must know that changes made now are not saved.
     */
    private Node createSettingsBanner() {
        String notice = parts.main().notice();
        Label text = new Label(notice + " Changes made in this session are not saved.");
        text.setId("settingsBannerText");
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissSettingsBanner");
        HBox banner = banner("settingsBanner", "settings-banner", text, dismiss);
        banner.setVisible(!notice.isEmpty());
        dismiss.setOnAction(event -> banner.setVisible(false)); // the status bar still says it
        return banner;
    }

    private Node createBanner() {
        Label text = new Label("Simulated market data: prices come from TradeDesk's built-in exchange on this computer. "
                + "To see real prices, choose Alpaca, Binance or Coinbase in File → Settings.");
        Button settings = new Button("Open Settings");
        settings.setOnAction(event -> menus.openSettings());
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissSimulatedBanner");
        dismiss.setOnAction(event -> {
            bannerDismissed = true;
            parts.main().simulatedBannerProperty().set(false);
        });
        HBox banner = banner("simulatedBanner", "simulated-banner", text, settings, dismiss);
        banner.visibleProperty().bind(parts.main().simulatedBannerProperty());
        return banner;
    }

    /**
     * A notice across the window's top: its text wraps and takes the room, its buttons keep theirs,
     * and while hidden it takes no room at all.
     */
    private static HBox banner(String id, String styleClass, Label text, Button... buttons) {
        text.setWrapText(true);
        text.setMinWidth(200);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(12, text);
        for (Button button : buttons) {
            button.setMinWidth(Region.USE_PREF_SIZE);
            banner.getChildren().add(button);
        }
        banner.setId(id);
        banner.getStyleClass().addAll("banner", styleClass);
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node createChartPane() {
        ChartHeader header = new ChartHeader(parts.chart(), timeframes);
        timeframes.selectedToggleProperty().addListener((property, before, after) -> {
            if (after == null) {
                before.setSelected(true); // one timeframe is always selected
            } else {
                parts.chart().setTimeframe((Timeframe) after.getUserData());
            }
        });
        VBox.setVgrow(parts.chart().node(), Priority.ALWAYS);
        VBox pane = new VBox(header, parts.chart().node());
        pane.setId("chartPane");
        pane.setMinWidth(MIN_CHART_WIDTH);
        return pane;
    }

    private void restoreWindow(Workspace workspace) {
        Rectangle2D saved = workspace.windowWidth() != null && workspace.windowHeight() != null && workspace.windowX() != null
                && workspace.windowY() != null
                ? new Rectangle2D(workspace.windowX(), workspace.windowY(),
                        Math.max(MIN_WIDTH, workspace.windowWidth()), Math.max(MIN_HEIGHT, workspace.windowHeight()))
                : null;
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowPlacement.Placement placement = WindowPlacement.place(saved, screens, Screen.getPrimary().getVisualBounds(),
                DEFAULT_WIDTH, DEFAULT_HEIGHT);
        Rectangle2D bounds = placement.bounds();
        place(bounds);
        normalBounds = bounds;
        stage.setMaximized(placement.maximized() || Boolean.TRUE.equals(workspace.maximized()));
        Double width = workspace.watchlistWidth();
        if (width == null && workspace.dividerPosition() != null && workspace.windowWidth() != null
                && workspace.dividerPosition() > 0.05 && workspace.dividerPosition() < 0.8) {
            width = workspace.dividerPosition() * workspace.windowWidth(); // saved by an older version
        }
        if (width != null && width >= MIN_WATCHLIST_WIDTH && width <= MAX_WATCHLIST_WIDTH) {
            restoreWatchlistWidth(width);
        }
    }

    /**
     * Places the splitter {@code width} pixels from the left, the watchlist's side, once the split
     * pane is first laid out. The watchlist keeps that width as the window is resized or maximized
     * afterwards (it does not resize with its parent); a share of the width applied before the
     * window had its final size narrowed the watchlist at every start.
     */
    private void restoreWatchlistWidth(double width) {
        ChangeListener<Number> firstLayout = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> property, Number before, Number after) {
                if (after.doubleValue() > 0) {
                    split.widthProperty().removeListener(this);
                    split.setDividerPositions(Math.min(0.8, width / after.doubleValue()));
                }
            }
        };
        split.widthProperty().addListener(firstLayout);
    }

    private void restoreSelection(Workspace workspace) {
        Timeframe timeframe = parse(workspace.timeframe());
        ChartRange range = workspace.chartFrom() != null && workspace.chartTo() != null
                && workspace.chartFrom() < workspace.chartTo()
                ? new ChartRange(workspace.chartFrom(), workspace.chartTo(), Boolean.TRUE.equals(workspace.followsLiveEdge()))
                : null;
        Symbol symbol = symbolIn(workspace.symbol());
        // The chart first, at its timeframe and range: selecting the row first would have it read
        // the symbol's history at the default timeframe too, for nothing, at every start.
        parts.chart().show(symbol != null ? symbol : parts.watchlist().selectedProperty().get(), timeframe, range);
        if (symbol != null) {
            parts.watchlist().selectedProperty().set(symbol);
        }
        selectTimeframe(timeframe);
    }

    /** The watchlist sorted as it was; an unknown column (a file edited by hand, a newer version's) leaves it unsorted. */
    private void restoreWatchlistSort(Workspace workspace) {
        parts.watchlist().sortProperty().set(WatchlistColumn.byId(workspace.watchlistSortColumn())
                .map(column -> new WatchlistSort(column, Boolean.TRUE.equals(workspace.watchlistSortDescending())))
                .orElse(null));
    }

    private Timeframe parse(String label) {
        try {
            return label == null ? parts.chart().timeframe() : Timeframe.parse(label);
        } catch (IllegalArgumentException unknown) {
            return parts.chart().timeframe();
        }
    }

    private Symbol symbolIn(String text) {
        try {
            Symbol symbol = text == null ? null : Symbol.of(text);
            return symbol != null && parts.watchlist().symbols().contains(symbol) ? symbol : null;
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }

    private void place(Rectangle2D bounds) {
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }

    /**
     * Escape leaves full screen, but not the Escape that closes an open menu. JavaFX's own exit
     * key acts on that one too, as the window gets it before the menu, so it gives way to a
     * handler of the scene's, which sees only an Escape that nothing else has used.
     */
    private void leaveFullScreenOnEscape(Scene scene) {
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("Press Esc or F11 to leave full screen");
        scene.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && stage.isFullScreen()) {
                stage.setFullScreen(false);
                event.consume();
            }
        });
    }

    /**
     * Follows the window's bounds while it is neither maximized nor full screen, so that what is
     * saved is the window the user sized: quitting in full screen saved the screen as the window.
     */
    private void trackNormalBounds(boolean track) {
        for (var bound : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())) {
            if (track) {
                bound.addListener(boundsChanged);
            } else {
                bound.removeListener(boundsChanged);
            }
        }
        if (track) {
            stage.maximizedProperty().addListener(maximizedChanged);
            boundsChanged.invalidated(null);
        } else {
            stage.maximizedProperty().removeListener(maximizedChanged);
        }
    }

    private Workspace captureWorkspace() {
        ChartRange range = parts.chart().model().map(model -> model.range()).orElse(null);
        Symbol symbol = parts.watchlist().selectedProperty().get();
        WatchlistSort sort = parts.watchlist().sortProperty().get();
        Rectangle2D bounds = normalBounds != null ? normalBounds
                : new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        return new Workspace(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight(), stage.isMaximized(),
                split.getDividerPositions().length > 0 ? split.getDividerPositions()[0] : null,
                split.getDividerPositions().length > 0 && split.getWidth() > 0
                        ? split.getDividerPositions()[0] * split.getWidth() : null,
                symbol == null ? null : symbol.value(), parts.chart().timeframe().label(),
                range == null ? null : range.fromMillis(), range == null ? null : range.toMillis(),
                range == null ? null : range.followsLiveEdge(), bannerDismissed,
                sort == null ? null : sort.column().id(), sort == null ? null : sort.descending());
    }

    /** The application icon in the sizes window managers pick from. */
    static List<Image> icons() {
        return IntStream.of(16, 32, 48, 64, 128, 256)
                .mapToObj(size -> WorkstationWindow.class.getResource("/dev/tradedesk/ui/icon/tradedesk-" + size + ".png"))
                .filter(Objects::nonNull)
                .map(url -> new Image(url.toExternalForm()))
                .toList();
    }

    /**
     * Tells the user of a failure outside the window's own actions (the history database could not
     * be opened), in an alert over the window as its own errors are. JavaFX thread.
     *
     * @return closes the alert, if it still shows, once what it told is over (JavaFX thread)
     */
    public Runnable showError(String header, String detail) {
        return menus.error(header, detail)::close;
    }

    /**
     * The alert saying why no workstation opens (another window has its settings), of a window of
     * its own, not yet shown. JavaFX thread.
     */
    public static Alert whyNotOpened(Theme theme, String header, String detail) {
        applyTheme(theme);
        Alert alert = WorkstationMenus.wholeMessage(new Alert(Alert.AlertType.ERROR, detail, ButtonType.OK));
        alert.setTitle(TITLE);
        alert.setHeaderText(header);
        ((Stage) alert.getDialogPane().getScene().getWindow()).getIcons().setAll(icons());
        return alert;
    }

    /** AtlantaFX themes are user-agent stylesheets: one switch restyles every window. */
    public static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(ThemeStylesheets.userAgentStylesheet(theme));
    }
}
