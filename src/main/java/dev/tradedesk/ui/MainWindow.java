package dev.tradedesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.Symbol;
import java.util.Objects;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * The workstation's main window: menu bar, watchlist, chart area and status bar. A thin view over
 * {@link MainViewModel}; build and use it on the JavaFX thread only.
 */
public final class MainWindow {

    public static final String TITLE = "TradeDesk";
    static final String STYLESHEET = "tradedesk.css";
    static final String STATUS_BAR = "status-bar";
    static final String STATUS_NOTICE = "status-notice";
    static final String CHART_PLACEHOLDER = "chart-placeholder";
    static final String PANE_HEADER = "pane-header";

    private static final double DEFAULT_WIDTH = 1400;
    private static final double DEFAULT_HEIGHT = 900;
    private static final Duration MEMORY_SAMPLE_PERIOD = Duration.seconds(1);

    private final MainViewModel model;
    private Stage stage;

    public MainWindow(MainViewModel model) {
        this.model = Objects.requireNonNull(model);
    }

    /** Builds the scene on {@code stage} and shows it. */
    public void show(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(createView(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(TITLE);
        stage.getIcons().setAll(icons());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        applyTheme(model.theme());
        model.themeProperty().addListener((property, previous, current) -> applyTheme(current));
        startMemorySampling(stage);
        stage.show();
    }

    private Parent createView() {
        BorderPane root = new BorderPane();
        root.setId("mainRoot");
        root.setTop(createMenuBar());
        root.setCenter(createContent());
        root.setBottom(createStatusBar());
        return root;
    }

    private MenuBar createMenuBar() {
        MenuItem exit = new MenuItem("Exit");
        exit.setId("menuExit");
        exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        exit.setOnAction(event -> stage.close());
        Menu file = new Menu("_File", null, exit);
        file.setId("menuFile");

        ToggleGroup themes = new ToggleGroup();
        Menu theme = new Menu("Theme");
        for (Theme option : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(option == Theme.LIGHT ? "Light" : "Dark");
            item.setId("theme" + (option == Theme.LIGHT ? "Light" : "Dark"));
            item.setToggleGroup(themes);
            item.setSelected(model.theme() == option);
            item.setOnAction(event -> model.switchTheme(option));
            model.themeProperty().addListener((property, previous, current) -> item.setSelected(current == option));
            theme.getItems().add(item);
        }
        Menu view = new Menu("_View", null, theme);
        view.setId("menuView");

        MenuItem about = new MenuItem("About TradeDesk");
        about.setId("menuAbout");
        about.setOnAction(event -> showAbout());
        Menu help = new Menu("_Help", null, about);
        help.setId("menuHelp");

        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Node createContent() {
        Label header = new Label("Watchlist");
        header.getStyleClass().add(PANE_HEADER);
        ListView<Symbol> watchlist = new ListView<>(model.watchlist());
        watchlist.setId("watchlist");
        VBox.setVgrow(watchlist, Priority.ALWAYS);
        VBox left = new VBox(header, watchlist);
        left.setMinWidth(180);

        Label title = new Label("No chart yet");
        title.getStyleClass().add("title-3");
        Label hint = new Label("Live candles, volatility bands and StochRSI appear here once a market data provider is connected.");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        VBox message = new VBox(8, title, hint);
        message.setMaxWidth(420);
        message.getStyleClass().add("placeholder-message");
        StackPane chartArea = new StackPane(message);
        chartArea.setId("chartArea");
        chartArea.getStyleClass().add(CHART_PLACEHOLDER);

        SplitPane split = new SplitPane(left, chartArea);
        split.setId("mainSplit");
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.18);
        SplitPane.setResizableWithParent(left, false);
        return split;
    }

    private Node createStatusBar() {
        Label connection = new Label();
        connection.setId("connectionStatus");
        connection.textProperty().bind(model.connectionStatusProperty());

        Label notice = new Label();
        notice.setId("statusNotice");
        notice.getStyleClass().add(STATUS_NOTICE);
        notice.textProperty().bind(model.noticeProperty());
        Tooltip noticeDetail = new Tooltip();
        noticeDetail.textProperty().bind(model.noticeProperty());
        noticeDetail.setWrapText(true);
        noticeDetail.setMaxWidth(600);
        notice.setTooltip(noticeDetail);
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setMinWidth(Region.USE_PREF_SIZE);
        notice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(notice, Priority.ALWAYS);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label memory = new Label();
        memory.setId("memoryStatus");
        memory.textProperty().bind(model.memoryStatusProperty());

        HBox bar = new HBox(16, connection, notice, spacer, memory);
        bar.setId("statusBar");
        bar.getStyleClass().add(STATUS_BAR);
        return bar;
    }

    private void startMemorySampling(Stage owner) {
        Runtime runtime = Runtime.getRuntime();
        Timeline sampler = new Timeline(new KeyFrame(MEMORY_SAMPLE_PERIOD,
                event -> model.sampleMemory(runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory())));
        sampler.setCycleCount(Timeline.INDEFINITE);
        model.sampleMemory(runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory());
        sampler.play();
        owner.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> sampler.stop());
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle("About TradeDesk");
        alert.setHeaderText("TradeDesk " + model.about().version());
        GridPane rows = new GridPane();
        rows.setHgap(12);
        rows.setVgap(6);
        int row = 0;
        for (MainViewModel.AboutRow line : model.aboutRows(System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", "unknown"))) {
            // Read-only text fields, so a path can be selected and copied.
            TextField value = new TextField(line.value());
            value.setEditable(false);
            value.setPrefColumnCount(Math.max(20, line.value().length()));
            value.getStyleClass().add("about-value");
            rows.addRow(row++, new Label(line.label()), value);
        }
        alert.getDialogPane().setContent(rows);
        alert.getDialogPane().setId("aboutDialog");
        alert.show();
    }

    /** The application icon in the sizes window managers pick from. */
    static java.util.List<javafx.scene.image.Image> icons() {
        return java.util.stream.IntStream.of(16, 32, 48, 64, 128, 256)
                .mapToObj(size -> MainWindow.class.getResource("icon/tradedesk-" + size + ".png"))
                .filter(Objects::nonNull)
                .map(url -> new javafx.scene.image.Image(url.toExternalForm()))
                .toList();
    }

    /** AtlantaFX themes are user-agent stylesheets: one switch restyles every window. */
    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
