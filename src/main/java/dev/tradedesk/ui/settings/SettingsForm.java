package dev.tradedesk.ui.settings;

import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.alpaca.AlpacaFeeds;
import dev.tradedesk.ui.Theme;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The settings dialog's tab contents, each field bound to {@link SettingsViewModel}: the control
 * edits the field's text, and {@link FieldProblemsView} shows its message (the field's red border
 * and tooltip, the line at the foot of its tab). JavaFX thread only.
 */
final class SettingsForm {

    static final String HINT = "settings-hint";
    static final String SECTION = "settings-section";
    static final String FORM = "settings-form";
    static final String GROUP_TITLE = "settings-group-title";

    /** Offered in the time zone box; any zone id can be typed. */
    static final List<String> COMMON_ZONES = List.of(SettingsValues.SYSTEM_ZONE, "UTC", "America/New_York",
            "America/Chicago", "America/Los_Angeles", "America/Toronto", "Europe/London", "Europe/Berlin",
            "Europe/Zurich", "Asia/Tokyo", "Asia/Hong_Kong", "Asia/Singapore", "Australia/Sydney");

    private final SettingsViewModel model;
    private final FieldProblemsView problems;

    SettingsForm(SettingsViewModel model) {
        this.model = model;
        this.problems = new FieldProblemsView(model);
    }

    /** The tab's form, with its problem line at the foot of the tab. */
    Node content(SettingsSection section) {
        VBox form = switch (section) {
            case PROVIDER -> provider();
            case WATCHLIST -> watchlist();
            case CHART -> chart();
            case INDICATORS -> indicators();
            case APPEARANCE -> appearance();
            case SIMULATOR -> simulator();
        };
        form.getStyleClass().add(FORM);
        VBox.setVgrow(form, Priority.ALWAYS);
        VBox content = new VBox(form, problems.line(section));
        content.getStyleClass().add(SECTION);
        content.setId("section" + section.name());
        return content;
    }

    /** The one-line hint shown under each provider's choice. */
    static String providerHint(ProviderKind provider) {
        return switch (provider) {
            case SIM -> "Prices simulated on this computer: no account, no network. Any stock symbol: AAPL, BRK.B.";
            case ALPACA -> "US stocks and ETFs: AAPL, BRK.B. Key fields left empty are read from "
                    + "APCA_API_KEY_ID and APCA_API_SECRET_KEY.";
            case BINANCE -> "Crypto spot, public data, no key needed. Symbols without a separator: BTCUSDT, ETHUSDT.";
            case COINBASE -> "Crypto, public data, no key needed. Symbols with a dash: BTC-USD, ETH-USD.";
        };
    }

    private VBox provider() {
        ToggleGroup group = new ToggleGroup();
        VBox content = new VBox();
        for (ProviderKind kind : ProviderKind.values()) {
            RadioButton choice = new RadioButton(kind.displayName());
            choice.setId("provider" + kind.name());
            choice.setUserData(kind);
            choice.setToggleGroup(group);
            VBox block = new VBox(choice, hint(providerHint(kind)));
            block.getStyleClass().add("provider-choice");
            if (kind == ProviderKind.ALPACA) {
                block.getChildren().add(alpacaFields());
            }
            content.getChildren().add(block);
        }
        bindToggles(group, model.providerProperty());
        return content;
    }

    /** Key id and secret side by side, then base URL and feed: four fields in two rows. */
    private GridPane alpacaFields() {
        GridPane grid = grid();
        grid.getStyleClass().add("alpaca-fields");
        PasswordField keyId = new PasswordField();
        keyId.setPrefColumnCount(18);
        PasswordField secret = new PasswordField();
        secret.setPrefColumnCount(18);
        TextField baseUrl = new TextField();
        baseUrl.setPrefColumnCount(18);
        ComboBox<String> feed = new ComboBox<>(FXCollections.observableArrayList(AlpacaFeeds.NAMES));
        feed.valueProperty().bindBidirectional(model.textProperty(SettingsField.ALPACA_FEED));
        bindText(keyId, SettingsField.ALPACA_KEY_ID);
        bindText(secret, SettingsField.ALPACA_SECRET_KEY);
        bindText(baseUrl, SettingsField.ALPACA_BASE_URL);
        addField(grid, 0, 0, SettingsField.ALPACA_KEY_ID, keyId, null);
        addField(grid, 2, 0, SettingsField.ALPACA_SECRET_KEY, secret, null);
        addField(grid, 0, 1, SettingsField.ALPACA_BASE_URL, baseUrl, null);
        addField(grid, 2, 1, SettingsField.ALPACA_FEED, feed, "iex: free, sip: paid plan");
        return grid;
    }

    private VBox watchlist() {
        TextArea symbols = new TextArea();
        symbols.setId(SettingsField.WATCHLIST.id());
        symbols.setPrefRowCount(12);
        symbols.setPrefColumnCount(24);
        symbols.textProperty().bindBidirectional(model.textProperty(SettingsField.WATCHLIST));
        problems.show(SettingsField.WATCHLIST, symbols, null);
        VBox.setVgrow(symbols, Priority.ALWAYS);
        Label which = hint("");
        which.setId("watchlistHint");
        which.textProperty().bind(model.providerProperty().map(SettingsForm::watchlistHint));
        return new VBox(which, symbols);
    }

    /** Which list the field edits: each kind of provider keeps its own. */
    static String watchlistHint(ProviderKind provider) {
        String list = switch (provider) {
            case SIM, ALPACA -> "The stocks watchlist, shared by the simulated exchange and Alpaca: symbols such as AAPL, BRK.B.";
            case BINANCE -> "The Binance watchlist: pairs without a separator, such as BTCUSDT.";
            case COINBASE -> "The Coinbase watchlist: products with a dash, such as BTC-USD.";
        };
        return list + " Each kind of provider keeps its own list. One symbol per line, or separated by commas.";
    }

    private VBox chart() {
        GridPane grid = grid();
        ComboBox<Timeframe> timeframe = new ComboBox<>(FXCollections.observableArrayList(Timeframe.values()));
        timeframe.setId("defaultTimeframe");
        timeframe.valueProperty().bindBidirectional(model.defaultTimeframeProperty());
        grid.addRow(0, label("Default timeframe"), timeframe);

        ComboBox<String> zone = new ComboBox<>(FXCollections.observableArrayList(COMMON_ZONES));
        zone.setEditable(true);
        zone.setPrefWidth(240);
        zone.setValue(model.textProperty(SettingsField.TIME_ZONE).get());
        zone.getEditor().textProperty().bindBidirectional(model.textProperty(SettingsField.TIME_ZONE));
        addRow(grid, 1, SettingsField.TIME_ZONE, zone, null);
        return new VBox(grid, hint("The chart opens at the default timeframe when it remembers none, and switches to"
                + " a new one on OK."), hint("Chart times are shown in this zone. \"system\" follows this computer (now "
                + ZoneId.systemDefault().getId() + "); any zone id can be typed, such as America/New_York. Daily bars"
                + " span the market's own days whatever the zone: New York's for US stocks, UTC's for crypto."));
    }

    private VBox indicators() {
        GridPane stoch = indicatorGroup(List.of(SettingsField.RSI_PERIOD, SettingsField.STOCH_PERIOD,
                SettingsField.K_SMOOTHING, SettingsField.D_SMOOTHING, SettingsField.VOLUME_PERIOD));
        GridPane bands = indicatorGroup(List.of(SettingsField.ATR_PERIOD, SettingsField.ATR_MA_PERIOD,
                SettingsField.BASE_LOWER, SettingsField.BASE_UPPER, SettingsField.SENSITIVITY));
        HBox groups = new HBox(new VBox(groupTitle("StochRSI and volume"), stoch),
                new VBox(groupTitle("Dynamic bands"), bands));
        groups.getStyleClass().add("indicator-groups");
        Button reset = new Button("Reset to defaults");
        reset.setId("resetIndicators");
        reset.setOnAction(event -> model.resetIndicatorsToDefaults());
        Label warmUp = hint("");
        warmUp.setId("indicatorWarmUpNote");
        warmUp.textProperty().bind(model.warmUpNoteProperty());
        warmUp.managedProperty().bind(warmUp.visibleProperty());
        warmUp.visibleProperty().bind(warmUp.textProperty().isNotEmpty());
        return new VBox(hint("The chart follows these values as you type, once you pause; Cancel puts them back."), groups,
                warmUp, reset);
    }

    private GridPane indicatorGroup(List<SettingsField> fields) {
        GridPane grid = grid();
        int row = 0;
        for (SettingsField field : fields) {
            TextField text = new TextField();
            text.setPrefColumnCount(6);
            text.setMinWidth(Region.USE_PREF_SIZE);
            text.setPromptText(SettingsViewModel.indicatorDefault(field));
            previewAtOnceOnEnterOrLeaving(text);
            row = textRow(grid, row, field, text, "default " + SettingsViewModel.indicatorDefault(field));
        }
        return grid;
    }

    /**
     * Enter and focus leaving the field end the typing: its value is previewed without waiting for the
     * pause. A handler, not {@code setOnAction}: a text field with an onAction keeps Enter from the
     * dialog's OK button.
     */
    private void previewAtOnceOnEnterOrLeaving(TextField text) {
        text.addEventHandler(ActionEvent.ACTION, event -> model.previewNow());
        text.focusedProperty().addListener((property, was, focused) -> {
            if (!focused) {
                model.previewNow();
            }
        });
    }

    private VBox appearance() {
        ToggleGroup group = new ToggleGroup();
        HBox choices = new HBox();
        choices.getStyleClass().add("theme-choices");
        for (Theme theme : Theme.values()) {
            RadioButton choice = new RadioButton(theme == Theme.LIGHT ? "Light" : "Dark");
            choice.setId("theme" + choice.getText());
            choice.setUserData(theme);
            choice.setToggleGroup(group);
            choices.getChildren().add(choice);
        }
        bindToggles(group, model.themeProperty());
        return new VBox(label("Theme"), choices, hint("The windows take the theme as you choose it; Cancel puts it back."));
    }

    private VBox simulator() {
        GridPane grid = grid();
        TextField speed = new TextField();
        speed.setPrefColumnCount(8);
        textRow(grid, 0, SettingsField.SIMULATOR_SPEED, speed, "× real time");
        return new VBox(hint("Simulated minutes per real minute: 1 is real time, 60 turns a simulated hour into a "
                + "real minute; at most " + SettingsValues.MAX_SIMULATOR_SPEED_TEXT + "."), grid);
    }

    /** A text field row: label, control (bound to the field's text), unit or default. */
    private int textRow(GridPane grid, int row, SettingsField field, TextInputControl control, String note) {
        bindText(control, field);
        return addRow(grid, row, field, control, note);
    }

    private void bindText(TextInputControl control, SettingsField field) {
        control.textProperty().bindBidirectional(model.textProperty(field));
    }

    private int addRow(GridPane grid, int row, SettingsField field, Control control, String note) {
        addField(grid, 0, row, field, control, note);
        return row + 1;
    }

    /** The field's label at {@code column}, its control (with {@code note} after it, if any) in the next column. */
    private void addField(GridPane grid, int column, int row, SettingsField field, Control control, String note) {
        Label label = label(field.label());
        label.setLabelFor(control);
        control.setId(field.id());
        Node cell = control;
        if (note != null) {
            Label noteLabel = new Label(note);
            noteLabel.getStyleClass().add(HINT);
            noteLabel.setMinWidth(Region.USE_PREF_SIZE);
            HBox withNote = new HBox(control, noteLabel);
            withNote.getStyleClass().add("field-with-note");
            cell = withNote;
        }
        grid.add(label, column, row);
        grid.add(cell, column + 1, row);
        problems.show(field, control, fieldHelp(field));
    }

    private static <T> void bindToggles(ToggleGroup group, ObjectProperty<T> property) {
        selectMatching(group, property.get());
        group.selectedToggleProperty().addListener((observable, before, selected) -> {
            if (selected != null) {
                @SuppressWarnings("unchecked")
                T value = (T) selected.getUserData();
                property.set(value);
            }
        });
        property.addListener((observable, before, value) -> selectMatching(group, value));
    }

    private static void selectMatching(ToggleGroup group, Object value) {
        for (Toggle toggle : group.getToggles()) {
            if (toggle.getUserData().equals(value)) {
                group.selectToggle(toggle);
            }
        }
    }

    /** What the field's tooltip says besides its message; null for a field with nothing more to say. */
    private static String fieldHelp(SettingsField field) {
        return switch (field) {
            case ALPACA_FEED -> "iex: free plan, IEX exchange only. sip: all US exchanges, paid plan.";
            case RSI_PERIOD -> "Wilder RSI look-back, in bars";
            case STOCH_PERIOD -> "Window of the StochRSI min/max over RSI values, in bars";
            case K_SMOOTHING -> "Moving average length of %K over the raw StochRSI";
            case D_SMOOTHING -> "Moving average length of %D over %K";
            case ATR_PERIOD -> "Wilder ATR period, in bars";
            case ATR_MA_PERIOD -> "Moving average length over ATR for the volatility ratio";
            case BASE_LOWER -> "Lower band at normal volatility, on the 0..100 StochRSI scale";
            case BASE_UPPER -> "Upper band at normal volatility, on the 0..100 StochRSI scale";
            case SENSITIVITY -> "Volatility ratio threshold, above 0 and at most 1";
            case VOLUME_PERIOD -> "Moving average length of volume for relative volume";
            default -> null;
        };
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        return grid;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label groupTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add(GROUP_TITLE);
        return title;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add(HINT);
        hint.setWrapText(true);
        // Wraps to the width it is given instead of demanding a line's width, and takes the height it needs.
        hint.setPrefWidth(0);
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        return hint;
    }
}
