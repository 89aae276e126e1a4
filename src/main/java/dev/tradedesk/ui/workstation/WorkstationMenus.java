package dev.tradedesk.ui.workstation;

import atlantafx.base.theme.Styles;
import dev.tradedesk.core.Failures;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.ui.MainViewModel;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.chart.ChartImageExporter;
import dev.tradedesk.ui.chart.ChartModel;
import dev.tradedesk.ui.chart.ChartView;
import dev.tradedesk.ui.perf.PerformanceSwitch;
import dev.tradedesk.ui.perf.PerformanceView;
import dev.tradedesk.ui.settings.QuietPeriod;
import dev.tradedesk.ui.settings.SettingsDialog;
import dev.tradedesk.ui.settings.SettingsValues;
import dev.tradedesk.ui.settings.SettingsViewModel;
import dev.tradedesk.ui.watchlist.WatchlistView;
import dev.tradedesk.ui.watchlist.WatchlistViewModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's menus and keyboard shortcuts. Every action is in a menu; the shortcuts are the
 * menus' accelerators: Ctrl+F symbol search, 1–5 timeframe, +/- zoom, arrows pan, 0 reset, Ctrl+E
 * export, Ctrl+I import, Ctrl+, settings, F11 full screen. Single-key shortcuts do nothing while the
 * user types in a text field; the arrows pan from any control that has no use for them itself, a
 * button too. The keyboard help (F1) is made from these menus. JavaFX thread only.
 */
final class WorkstationMenus {

    private static final Logger log = LoggerFactory.getLogger(WorkstationMenus.class);
    /** Puts the keyboard in the symbol box, where a symbol is found or added. */
    static final KeyCombination FIND_SYMBOL = KeyCombination.keyCombination("Shortcut+F");
    static final ButtonType REPLACE = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
    private static final KeyCombination PAN_LEFT = new KeyCodeCombination(KeyCode.LEFT);
    private static final KeyCombination PAN_RIGHT = new KeyCodeCombination(KeyCode.RIGHT);
    /**
     * The smallest chart an export draws, in layout pixels, whatever its size on screen: the chart
     * pane can be 400 px wide, where the readout takes four lines over the candles, too cramped
     * for an image read away from the app.
     */
    static final double MIN_EXPORT_WIDTH = 640;
    static final double MIN_EXPORT_HEIGHT = 400;

    private final Workstation parts;
    private final WorkstationWindow window;
    private MenuBar menuBar;
    private PerformanceView performanceView;
    private MainWindowHold hold;
    private Path lastExportFolder;
    private Path lastImportFolder;
    /** The import running, started from the File menu; one at a time. */
    private final ObjectProperty<BarImport> importing = new SimpleObjectProperty<>(this, "importing");

    WorkstationMenus(Workstation parts, WorkstationWindow window) {
        this.parts = parts;
        this.window = window;
    }

    MenuBar createMenuBar() {
        menuBar = new MenuBar(fileMenu(), viewMenu(), watchlistMenu(), helpMenu());
        menuBar.setId("menuBar");
        menuBar.setUseSystemMenuBar(true);
        return menuBar;
    }

    /** The keys that act beside the menus' accelerators, or before them. */
    void installShortcuts(Scene scene) {
        zoomWithPlusAndMinus(scene);
        panWithTheArrows(scene);
    }

    /**
     * The zoom keys, by the character they type: "+" is Shift+= on a US keyboard, its own key on
     * others, and the keypad's + everywhere, and GTK matches none of them to the "+" accelerator.
     * "=" zooms in too, as in most charting apps: on a US keyboard it is the + key without Shift.
     * A filter, so that the menu's accelerator (shown in the menu) cannot zoom a second time.
     */
    private void zoomWithPlusAndMinus(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            boolean in = "+".equals(event.getText()) || "=".equals(event.getText()) || event.getCode() == KeyCode.ADD;
            boolean out = "-".equals(event.getText()) || event.getCode() == KeyCode.SUBTRACT;
            if ((in || out) && !event.isShortcutDown() && !event.isAltDown()
                    && !(scene.getFocusOwner() instanceof TextInputControl)) {
                if (in) {
                    zoomIn();
                } else {
                    zoomOut();
                }
                event.consume();
            }
        });
    }

    /**
     * Left and Right pan the chart wherever the keyboard is but in a control that uses them itself
     * ({@link ArrowKeys}): the menus' accelerators come only after the focused control, and a button
     * took them to move the keyboard on. A filter, so that the accelerator cannot pan a second time;
     * the root's, not the scene's, so that it comes after the scene's filter through which the menu
     * bar, opened with F10, takes Left and Right while the keyboard stays where it was.
     */
    private void panWithTheArrows(Scene scene) {
        scene.getRoot().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            boolean left = PAN_LEFT.match(event);
            if ((left || PAN_RIGHT.match(event)) && !ArrowKeys.usedBy(scene.getFocusOwner())) {
                chart(left ? ChartModel::panLeft : ChartModel::panRight);
                event.consume();
            }
        });
    }

    private Menu fileMenu() {
        MenuItem export = item("menuExport", "Export chart as PNG…", "Shortcut+E", this::exportChart);
        // Greyed while there is no chart (no symbol, or none of its bars yet): Ctrl+E then did
        // nothing, without a word.
        export.disableProperty().bind(parts.chart().viewProperty().isNull());
        MenuItem importBars = item("menuImport", "Import bars from CSV…", "Shortcut+I", this::chooseImport);
        importBars.disableProperty().bind(importing.isNotNull());
        MenuItem stopImport = item("menuStopImport", "Stop import", null, this::stopImport);
        stopImport.disableProperty().bind(importing.isNull());
        MenuItem settings = item("menuSettings", "Settings…", "Shortcut+Comma", this::openSettings);
        MenuItem exportSettings = item("menuExportSettings", "Export settings…", null, this::chooseSettingsExport);
        MenuItem exit = item("menuExit", "Exit", "Shortcut+Q", () -> window.stage().close());
        Menu file = new Menu("_File", null, export, importBars, stopImport, new SeparatorMenuItem(), settings,
                exportSettings, new SeparatorMenuItem(), exit);
        file.setId("menuFile");
        return file;
    }

    private Menu viewMenu() {
        MenuItem find = item("menuFind", "Find or add symbol", FIND_SYMBOL.getName(), this::focusSymbolField);
        Menu timeframe = new Menu("Timeframe");
        ToggleGroup timeframes = new ToggleGroup();
        Timeframe[] all = Timeframe.values();
        for (int i = 0; i < all.length; i++) {
            Timeframe option = all[i];
            RadioMenuItem choice = new RadioMenuItem(option.label());
            choice.setId("menuTimeframe" + option.label());
            choice.setToggleGroup(timeframes);
            choice.setAccelerator(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1))));
            choice.setOnAction(event -> unlessTyping(() -> window.selectTimeframe(option)));
            parts.chart().titleProperty().addListener((property, before, after) ->
                    choice.setSelected(parts.chart().timeframe() == option));
            timeframe.getItems().add(choice);
        }
        MenuItem zoomIn = new MenuItem("Zoom in");
        zoomIn.setId("menuZoomIn");
        // "+" is Shift+= on most layouts: Shift may be down, or the main keyboard's + never zooms.
        zoomIn.setAccelerator(new KeyCharacterCombination("+", KeyCombination.SHIFT_ANY));
        zoomIn.setOnAction(event -> unlessTyping(this::zoomIn));
        MenuItem zoomOut = new MenuItem("Zoom out");
        zoomOut.setId("menuZoomOut");
        zoomOut.setAccelerator(new KeyCharacterCombination("-"));
        zoomOut.setOnAction(event -> unlessTyping(this::zoomOut));
        MenuItem panLeft = item("menuPanLeft", "Pan left", PAN_LEFT.getName(), () -> unlessTyping(() -> chart(ChartModel::panLeft)));
        MenuItem panRight = item("menuPanRight", "Pan right", PAN_RIGHT.getName(), () -> unlessTyping(() -> chart(ChartModel::panRight)));
        MenuItem reset = item("menuResetZoom", "Reset zoom (latest bars)", "0", () -> unlessTyping(() -> chart(ChartModel::resetView)));
        MenuItem showAll = item("menuShowAll", "Show all history", "Shortcut+0", () -> chart(ChartModel::showAll));
        CheckMenuItem levelOfDetail = new CheckMenuItem(PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL.title());
        levelOfDetail.setId("menuLevelOfDetail");
        levelOfDetail.selectedProperty().bindBidirectional(parts.performance().candleLevelOfDetailProperty());
        Menu theme = new Menu("Theme");
        ToggleGroup themes = new ToggleGroup();
        for (Theme option : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(option == Theme.LIGHT ? "Light" : "Dark");
            item.setId("theme" + (option == Theme.LIGHT ? "Light" : "Dark"));
            item.setToggleGroup(themes);
            // Checked by the theme on screen: the settings dialog's preview shows here too, until OK or Cancel.
            item.setSelected(parts.main().shownTheme() == option);
            item.setOnAction(event -> parts.main().switchTheme(option));
            parts.main().shownThemeProperty().addListener((property, previous, current) -> item.setSelected(current == option));
            theme.getItems().add(item);
        }
        MenuItem performance = item("menuPerformance", "Performance…", "Shortcut+P", this::openPerformance);
        MenuItem fullScreen = item("menuFullScreen", "Full screen", "F11",
                () -> window.stage().setFullScreen(!window.stage().isFullScreen()));
        Menu view = new Menu("_View", null, find, timeframe, new SeparatorMenuItem(), zoomIn, zoomOut, panLeft, panRight,
                reset, showAll, levelOfDetail, new SeparatorMenuItem(), theme, performance, fullScreen);
        view.setId("menuView");
        return view;
    }

    /**
     * The row actions of the list's own keys and row menu, on the selected symbol, and undoing
     * removals, each showing its key as the row menu does. The keys are hints ({@link KeyHint}), not
     * accelerators: a scene's accelerator acts wherever the keyboard is unless the focus owner
     * consumes the key first, so Delete on a button or the chart would remove a symbol; Delete,
     * Alt+arrows and Ctrl+Z act in the list only, never while typing elsewhere. The moves are
     * disabled while the list is sorted, saying so, beside the item that clears the sort.
     */
    private Menu watchlistMenu() {
        WatchlistViewModel list = parts.watchlist();
        MenuItem up = item("menuMoveUp", "Move selected up", null, () -> list.moveSelected(-1));
        MenuItem down = item("menuMoveDown", "Move selected down", null, () -> list.moveSelected(1));
        MenuItem remove = item("menuRemove", "Remove selected", null, list::removeSelected);
        remove.disableProperty().bind(list.selectedProperty().isNull());
        WatchlistView.sayWhenSorted(list, up, down);
        for (MenuItem move : List.of(up, down)) {
            move.disableProperty().bind(list.selectedProperty().isNull().or(list.reorderableProperty().not()));
        }
        MenuItem clearSort = WatchlistView.clearSortItem(list);
        clearSort.setId("menuClearSort");
        MenuItem undo = item("menuUndoRemove", "Undo remove", null, list::undoRemove);
        undo.textProperty().bind(list.undoableRemovalProperty().map(symbol -> "Undo remove " + symbol.value())
                .orElse("Undo remove"));
        undo.disableProperty().bind(list.undoableRemovalProperty().isNull());
        up.setAccelerator(new KeyHint(WatchlistView.MOVE_UP_KEY));
        down.setAccelerator(new KeyHint(WatchlistView.MOVE_DOWN_KEY));
        remove.setAccelerator(new KeyHint(WatchlistView.REMOVE_KEY));
        undo.setAccelerator(new KeyHint(WatchlistView.UNDO_REMOVE_KEY));
        Menu watchlist = new Menu("_Watchlist", null, up, down, clearSort, remove, new SeparatorMenuItem(), undo);
        watchlist.setId("menuWatchlist");
        return watchlist;
    }

    /**
     * A key shown beside a menu item where accelerators are, that matches no key event: the menu bar
     * puts it into the scene's accelerators like any other, where it never acts. The key acts
     * elsewhere, in one place only (the watchlist's keys, in the list). macOS's own menu bar shows
     * only real accelerators, so there it shows nothing.
     */
    static final class KeyHint extends KeyCombination {

        private final KeyCombination key;

        KeyHint(KeyCombination key) {
            this.key = key;
        }

        @Override
        public boolean match(KeyEvent event) {
            return false;
        }

        @Override
        public String getDisplayText() {
            return key.getDisplayText();
        }

        @Override
        public String getName() {
            return key.getName();
        }

        // KeyCombination's equality is its modifiers only: without these, the scene's accelerators,
        // a map, would take the Delete hint for a key of no modifiers already there (F11, 0).
        @Override
        public boolean equals(Object other) {
            return other instanceof KeyHint hint && hint.key.equals(key);
        }

        @Override
        public int hashCode() {
            return 31 * key.hashCode() + KeyHint.class.hashCode();
        }
    }

    private Menu helpMenu() {
        MenuItem shortcuts = item("menuShortcuts", "Keyboard shortcuts", "F1", this::showShortcuts);
        MenuItem about = item("menuAbout", "About TradeDesk", null, this::showAbout);
        Menu help = new Menu("_Help", null, shortcuts, about);
        help.setId("menuHelp");
        return help;
    }

    /** Made on first use: the window's stage exists once it is shown. */
    private MainWindowHold hold() {
        if (hold == null) {
            hold = new MainWindowHold(window.stage());
        }
        return hold;
    }

    private static MenuItem item(String id, String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    /** Single-key shortcuts must not fire while the user types a symbol. */
    private void unlessTyping(Runnable action) {
        if (!(window.stage().getScene().getFocusOwner() instanceof TextInputControl)) {
            action.run();
        }
    }

    private void chart(Consumer<ChartModel> action) {
        parts.chart().model().ifPresent(action);
    }

    private void zoomIn() {
        chart(ChartModel::zoomIn);
    }

    private void zoomOut() {
        chart(ChartModel::zoomOut);
    }

    private void focusSymbolField() {
        TextField field = window.watchlistView().symbolField();
        field.requestFocus();
        field.selectAll();
    }

    void openSettings() {
        SettingsValues initial = parts.host().currentSettings();
        // The theme is previewed as the one shown, not saved: the saved theme is the setting, which only OK changes.
        SettingsViewModel model = new SettingsViewModel(initial, this::previewIndicators,
                parts.main()::previewTheme, QuietPeriod.typingPause());
        SettingsDialog dialog = new SettingsDialog(window.stage(), model);
        hold().over(dialog.dialog());
        Optional<SettingsValues> confirmed = dialog.showAndWait();
        confirmed.ifPresent(values -> parts.main().switchTheme(values.theme()));
        parts.main().endThemePreview();
        confirmed.ifPresent(values -> parts.host().settingsChanged(values));
        // A default timeframe just chosen is the one the trader wants to see: the chart takes it now,
        // as at the next start without a remembered one.
        confirmed.filter(values -> values.defaultTimeframe() != initial.defaultTimeframe())
                .ifPresent(values -> window.selectTimeframe(values.defaultTimeframe()));
    }

    /** The chart and the watchlist's figures follow the settings dialog's indicator parameters. */
    private void previewIndicators(IndicatorParameters previewed) {
        parts.chart().setIndicatorParameters(previewed);
        parts.host().indicatorsPreviewed(previewed);
    }

    private void openPerformance() {
        boolean first = performanceView == null;
        if (first) {
            performanceView = new PerformanceView(parts.performance());
        }
        Stage panel = performanceView.window(window.stage());
        panel.show();
        if (first) {
            // Its size again now that it shows (Openbox gave it its minimum, JDK-8316423), over the
            // main window and on its screen; later it opens as the user left it.
            panel.setWidth(PerformanceView.DEFAULT_WIDTH);
            panel.setHeight(PerformanceView.DEFAULT_HEIGHT);
            MainWindowHold.centreOver(panel, window.stage());
        }
        panel.toFront();
    }

    private void exportChart() {
        Optional<ChartModel> model = parts.chart().model();
        if (model.isEmpty()) {
            return;
        }
        File file = showSaveDialog(exportChooser(model.get()));
        if (file == null) {
            return;
        }
        Path chosen = file.toPath();
        Path target = ChartImageExporter.withPngExtension(chosen);
        if (target.equals(chosen)) {
            export(model.get(), target); // the dialog asked before replacing it
            return;
        }
        // The dialog asked about the name as typed, not the one with ".png" added: ask here, after
        // looking for the file off the JavaFX thread.
        CompletableFuture.supplyAsync(() -> Files.exists(target), parts.background()).thenAcceptAsync(exists -> {
            if (!exists || confirmReplace(target)) {
                export(model.get(), target);
            }
        }, Platform::runLater);
    }

    private boolean confirmReplace(Path file) {
        Alert alert = replaceAlert(file);
        alert.initOwner(window.stage());
        hold().over(alert);
        return alert.showAndWait().filter(REPLACE::equals).isPresent();
    }

    /** Asks whether to replace {@code file}; {@link #REPLACE} replaces it. */
    static Alert replaceAlert(Path file) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "It is in " + file.toAbsolutePath().getParent() + ". Replacing it overwrites its contents.",
                REPLACE, ButtonType.CANCEL);
        alert.setTitle("Export chart as PNG");
        alert.setHeaderText(file.getFileName() + " already exists. Replace it?");
        return wholeMessage(alert);
    }

    /**
     * {@code alert} as tall as its whole message. Sized again once it shows (Openbox showed it at its
     * minimum over a maximized main window), an alert got the height of the message's first line,
     * and a folder in it read "It is in ...".
     */
    static Alert wholeMessage(Alert alert) {
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        return alert;
    }

    /**
     * The save dialog for {@code model}'s chart: a file name from its symbol, timeframe and time, in
     * the folder of the last export, or the home folder at first (not the folder the app was
     * started from, which a desktop entry makes a system one).
     */
    FileChooser exportChooser(ChartModel model) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export chart as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(model.key().symbol().value().replace('/', '-') + "-" + model.key().timeframe().label()
                + "-" + LocalDateTime.now(parts.chart().zone()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT))
                + ".png");
        chooser.setInitialDirectory(exportFolder());
        return chooser;
    }

    /** The last export's folder, or the home folder before the first one. */
    private File exportFolder() {
        return lastExportFolder != null ? lastExportFolder.toFile() : new File(System.getProperty("user.home"));
    }

    /** The chosen file, or null if the dialog was cancelled. */
    private File showSaveDialog(FileChooser chooser) {
        return chooser.showSaveDialog(chooserOwner());
    }

    /**
     * The main window, or none over a maximized or full-screen one: a file chooser modal to it
     * takes it out of maximized under Openbox and KDE (JDK-8332222), and it stayed so.
     */
    private Stage chooserOwner() {
        Stage stage = window.stage();
        return stage.isMaximized() || stage.isFullScreen() ? null : stage;
    }

    /**
     * Renders a fresh view of the chart's model off screen and writes it in the background; the
     * status bar says where it went, a dialog why it could not. The image is the chart as the
     * user sees it: its size on screen (at least {@link #MIN_EXPORT_WIDTH} x {@link #MIN_EXPORT_HEIGHT})
     * under a caption, in the screen's pixels (twice as many each way at a HiDPI scale of 2), over
     * the same range, so that bars stand as far apart and the axes read as on screen.
     */
    void export(ChartModel model, Path file) {
        lastExportFolder = file.toAbsolutePath().getParent();
        ChartView copy = new ChartView(model, parts.chart().zone(), Locale.getDefault());
        Optional<Region> shown = Optional.ofNullable(parts.chart().viewProperty().get()).map(ChartView::node);
        double width = Math.max(MIN_EXPORT_WIDTH, shown.map(Region::getWidth).orElse(0.0));
        copy.node().setPrefSize(width, Math.max(MIN_EXPORT_HEIGHT, shown.map(Region::getHeight).orElse(0.0)));
        Region captioned = ChartImageExporter.captioned(copy.node(),
                model.key().symbol().value() + " · " + model.key().timeframe().label());
        Stage stage = window.stage();
        // A chart wider than the widest image drawn whole (a wide HiDPI screen) gets fewer pixels, not a blank part.
        double scale = Math.min(Math.max(stage.getOutputScaleX(), stage.getOutputScaleY()),
                ChartImageExporter.MAX_WIDTH / width);
        ChartImageExporter.renderAtPreferredSize(captioned, scale).thenAcceptAsync(image -> {
            try {
                ChartImageExporter.write(image, file);
                log.info("Exported the chart of {} to {}", model.key(), file);
                Platform.runLater(() -> showExportedNote(parts.status(), file));
            } catch (IOException e) {
                log.warn("Could not write {}: {}", file, e.getMessage()); // the user's choice of folder, told in a dialog
                Platform.runLater(() -> error("Could not export the chart", e.getMessage()));
            }
        }, parts.background());
    }

    /**
     * "AAPL-1Min-20261206-1621.png exported to /home/ann/Pictures": the file's name first and kept
     * whole where the window allows, the part a trader looks for; a narrow window cuts the folder
     * (the tooltip has it all). "Chart exported to /tmp/h..." lost the name to the folder.
     */
    static void showExportedNote(StatusViewModel status, Path file) {
        showExportedNote(status, file, "");
    }

    /** As {@link #showExportedNote(StatusViewModel, Path)}, with {@code after} said after the folder. */
    private static void showExportedNote(StatusViewModel status, Path file, String after) {
        Path whole = file.toAbsolutePath();
        status.showNote(String.valueOf(whole.getFileName()), " exported to " + whole.getParent() + after);
    }

    /**
     * The keyboard help, made from the menus' own accelerators ({@link ShortcutHelp}), in two
     * columns of sections, each its own grid so that a heading in one does not space out the other.
     */
    private void showShortcuts() {
        List<ShortcutHelp.Section> sections = ShortcutHelp.sections(menuBar.getMenus());
        int left = ShortcutHelp.leftColumnSections(sections);
        HBox columns = new HBox(36, shortcutColumn(sections.subList(0, left)),
                shortcutColumn(sections.subList(left, sections.size())));
        showInformation("shortcutsDialog", "Keyboard shortcuts", "Keyboard shortcuts", columns);
    }

    private static GridPane shortcutColumn(List<ShortcutHelp.Section> sections) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(4);
        int row = 0;
        for (ShortcutHelp.Section section : sections) {
            Label title = new Label(section.title());
            title.getStyleClass().add(Styles.TITLE_4);
            GridPane.setMargin(title, new Insets(row > 0 ? 8 : 0, 0, 0, 0));
            grid.add(title, 0, row++, 2, 1);
            for (ShortcutHelp.Line line : section.lines()) {
                Label keys = new Label(line.keys());
                keys.getStyleClass().add("shortcut-key");
                grid.addRow(row++, keys, new Label(line.action()));
            }
        }
        return grid;
    }

    private void showAbout() {
        MainViewModel main = parts.main();
        GridPane rows = new GridPane();
        rows.setHgap(12);
        rows.setVgap(6);
        int row = 0;
        for (MainViewModel.AboutRow line : main.aboutRows(System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", "unknown"))) {
            // Read-only text fields, so a path can be selected and copied.
            TextField value = new TextField(line.value());
            value.setEditable(false);
            value.setPrefColumnCount(Math.max(20, line.value().length()));
            value.getStyleClass().add("about-value");
            rows.addRow(row++, new Label(line.label()), value);
        }
        showInformation("aboutDialog", "About TradeDesk", "TradeDesk " + main.about().version(), rows);
    }

    /**
     * An information dialog over {@code content}, as large as its content: an alert is sized for a
     * short message and cut longer labels to "...".
     */
    private void showInformation(String id, String title, String header, Region content) {
        content.lookupAll(".label").forEach(label -> ((Label) label).setMinWidth(Region.USE_PREF_SIZE));
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.initOwner(window.stage());
        hold().over(alert);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setId(id);
        alert.show();
    }

    /** File → Export settings…: where to, in a save dialog that asks before replacing a file. */
    private void chooseSettingsExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export settings");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("TradeDesk settings", "*.json"));
        chooser.setInitialFileName("tradedesk-settings.json");
        chooser.setInitialDirectory(exportFolder());
        File file = showSaveDialog(chooser);
        if (file != null) {
            exportSettings(file.toPath());
        }
    }

    /**
     * Writes the settings without the API key and secret to {@code file} in the background: the
     * status bar says where they went and that the keys stayed behind, a dialog why they could not
     * be written.
     */
    void exportSettings(Path file) {
        lastExportFolder = file.toAbsolutePath().getParent();
        parts.host().exportSettings(file).whenCompleteAsync((done, failure) -> {
            if (failure == null) {
                showExportedNote(parts.status(), file, ", without the API key and secret");
            } else {
                Throwable cause = Failures.unwrapped(failure);
                log.warn("Could not export the settings to {}: {}", file, cause.getMessage());
                error("Could not export the settings", cause.getMessage());
            }
        }, Platform::runLater);
    }

    private void chooseImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import bars from CSV");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Bar CSV", "*.csv", "*.CSV"),
                new FileChooser.ExtensionFilter("All files", "*"));
        chooser.setInitialDirectory(lastImportFolder != null ? lastImportFolder.toFile() : exportFolder());
        File file = chooser.showOpenDialog(chooserOwner());
        if (file != null) {
            askAndImport(file.toPath());
        }
    }

    /** Asks what the file's bars are ({@link ImportDialog}), then imports them. */
    void askAndImport(Path file) {
        ImportDialog ask = new ImportDialog(file, parts.chart().zone());
        ask.dialog().initOwner(window.stage());
        hold().over(ask.dialog());
        ask.dialog().showAndWait().ifPresent(request -> importBars(file, request.series(), request.localTimes()));
    }

    /**
     * Imports the bars of {@code file} as {@code series}' in the background. The status bar shows
     * its progress, then what was imported; a chart of the symbol reloads with them. Skipped rows
     * are listed in a dialog, and a failure says why in one.
     */
    void importBars(Path file, SeriesKey series, ZoneId localTimes) {
        lastImportFolder = file.toAbsolutePath().getParent();
        BarImport running = parts.host().importBars(file, series, localTimes);
        importing.set(running);
        parts.status().showImport(running);
        running.outcome().whenCompleteAsync((outcome, failure) -> importEnded(running, outcome, failure), Platform::runLater);
    }

    /** Asks the running import to stop; the status bar says it is rolled back until it has been. */
    void stopImport() {
        BarImport running = importing.get();
        if (running != null) {
            running.cancel();
            parts.status().importStopping();
        }
    }

    private void importEnded(BarImport ended, BarImport.Outcome outcome, Throwable failure) {
        importing.set(null);
        parts.status().importEnded();
        String name = String.valueOf(ended.file().getFileName());
        String into = ended.series().symbol() + " " + ended.series().timeframe().label();
        if (failure != null) {
            Throwable cause = Failures.unwrapped(failure);
            if (cause instanceof CancellationException) {
                parts.status().showNote(name, ": import stopped, nothing was imported into " + into);
            } else {
                error("Could not import " + name, cause.getMessage());
            }
            return;
        }
        String skipped = outcome.skipped() == 0 ? ""
                : String.format(Locale.ROOT, ", %,d %s skipped", outcome.skipped(), outcome.skipped() == 1 ? "row" : "rows");
        parts.status().showNote(name, String.format(Locale.ROOT, ": %,d %s imported into %s%s%s", outcome.imported(),
                outcome.imported() == 1 ? "bar" : "bars", into, skipped, outcome.charted() || outcome.imported() == 0 ? ""
                        : "; the simulated exchange charts its own prices: choose a real provider in Settings to see them"));
        if (outcome.charted() && parts.chart().symbol().filter(ended.series().symbol()::equals).isPresent()) {
            parts.chart().reload();
        }
        if (outcome.skipped() > 0) {
            showSkippedRows(name, into, outcome);
        }
    }

    private void showSkippedRows(String name, String into, BarImport.Outcome outcome) {
        StringBuilder rows = new StringBuilder();
        outcome.skippedLines().forEach(line -> rows.append(line).append('\n'));
        long unlisted = outcome.skipped() - outcome.skippedLines().size();
        if (unlisted > 0) {
            rows.append(String.format(Locale.ROOT, "… and %,d more", unlisted));
        }
        TextArea listed = new TextArea(rows.toString().strip());
        listed.setId("importSkippedRows");
        listed.setEditable(false);
        listed.setWrapText(true);
        // A reason takes about two lines at this width.
        listed.setPrefRowCount(Math.min(12, 2 * outcome.skippedLines().size() + 1));
        listed.setMinHeight(Region.USE_PREF_SIZE); // the alert's first size cut it to a line and a half
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        alert.initOwner(window.stage());
        hold().over(alert);
        alert.setTitle("Import bars");
        alert.setHeaderText(String.format(Locale.ROOT, "%,d %s of %s imported into %s; these rows were no valid bars"
                + " and were skipped:", outcome.imported(), outcome.imported() == 1 ? "bar" : "bars", name, into));
        alert.getDialogPane().setContent(listed);
        alert.show();
    }

    /** Shows an error alert over the window; returns the alert, for a caller that may close it. */
    Alert error(String header, String detail) {
        Alert alert = wholeMessage(new Alert(Alert.AlertType.ERROR, detail, ButtonType.OK));
        alert.initOwner(window.stage());
        hold().over(alert);
        alert.setHeaderText(header);
        alert.show();
        return alert;
    }
}
