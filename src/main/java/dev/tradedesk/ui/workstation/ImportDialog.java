package dev.tradedesk.ui.workstation;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Asks what the bars of a CSV file are, before File → Import bars reads it: the symbol (guessed from
 * the file's name), the timeframe, and the zone of timestamps written without an offset, as
 * {@code tradedesk import}'s {@code --symbol}, {@code --timeframe} and {@code --zone} do. Import
 * stays greyed while the symbol is not one, and the reason shows under it. JavaFX thread only.
 */
final class ImportDialog {

    /**
     * A run of symbol characters at the start of a file name ("aapl_1min.csv" is AAPL's), and a
     * quote currency after a dash ("btc-usd_1d.csv" is Coinbase's BTC-USD); any other word after a
     * dash is not the symbol's ("BRK.B-daily.csv", "spy-2024.csv").
     */
    private static final Pattern LEADING_SYMBOL =
            Pattern.compile("^[A-Za-z0-9.]+(?:-(?:usd|usdt|usdc|eur|gbp|jpy|btc|eth|dai)(?![A-Za-z0-9.]))?",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern TIMEFRAME_IN_NAME = Pattern.compile("(?i)(?:^|[^a-z0-9])(1min|1m|5min|5m|15min|15m"
            + "|1hour|1h|60min|1day|1d|daily|day)(?:[^a-z0-9]|$)");
    static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    /** What the user confirmed: the series the bars go to, and whose times unmarked timestamps are. */
    record Request(SeriesKey series, ZoneId localTimes) {
    }

    private final Dialog<Request> dialog = new Dialog<>();
    private final TextField symbol = new TextField();
    private final ChoiceBox<Timeframe> timeframe = new ChoiceBox<>();
    private final ChoiceBox<ZoneId> localTimes = new ChoiceBox<>();
    private final Label problem = new Label();

    ImportDialog(Path file, ZoneId displayZone) {
        dialog.setTitle("Import bars");
        dialog.setHeaderText("Import the bars of " + file.getFileName() + " into the history");
        symbol.setId("importSymbol");
        symbol.setPromptText("AAPL");
        symbol.setText(symbolIn(file));
        timeframe.setId("importTimeframe");
        timeframe.getItems().setAll(Timeframe.values());
        timeframe.setValue(timeframeIn(file));
        timeframe.setConverter(converter(Timeframe::label));
        localTimes.setId("importZone");
        Set<ZoneId> zones = new LinkedHashSet<>();
        zones.add(ZoneOffset.UTC);
        zones.add(ZoneId.of("America/New_York"));
        zones.add(displayZone.normalized());
        zones.add(ZoneId.systemDefault().normalized());
        localTimes.getItems().setAll(zones);
        localTimes.setValue(ZoneOffset.UTC);
        localTimes.setConverter(converter(zone -> zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()));
        problem.setId("importProblem");
        problem.setStyle("-fx-text-fill: -color-danger-fg;"); // AtlantaFX's, in either theme
        problem.setWrapText(true);
        problem.setMaxWidth(360);
        problem.setMinHeight(Region.USE_PREF_SIZE);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, fieldName("Symbol"), symbol);
        form.add(problem, 1, 1);
        form.addRow(2, fieldName("Timeframe"), timeframe);
        form.addRow(3, fieldName("Times without an offset are"), localTimes);
        Label note = new Label("One transaction: a file that cannot be read imports nothing. Rows that are no valid"
                + " bar are skipped and listed; bars already stored at the same times are replaced. Imported bars go"
                + " to the real providers' history, which the simulated exchange does not chart.");
        note.setWrapText(true);
        note.setMaxWidth(440);
        note.setMinHeight(Region.USE_PREF_SIZE); // else the dialog's first size cuts it to one line
        form.add(note, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);

        problem.textProperty().bind(Bindings.createStringBinding(() -> symbolProblem(symbol.getText()),
                symbol.textProperty()));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        // The dialog's window keeps its first size: grown to show the reason whole, shrunk after it.
        problem.textProperty().addListener((text, before, now) -> {
            Window window = dialog.getDialogPane().getScene().getWindow();
            if (window != null && window.isShowing()) {
                Platform.runLater(window::sizeToScene);
            }
        });
        Node importButton = dialog.getDialogPane().lookupButton(IMPORT);
        importButton.disableProperty().bind(problem.textProperty().isNotEmpty());
        // The keyboard starts in the symbol, its guess selected: else Import had it, and a space typed
        // into the symbol pressed it. Later: the dialog gives its default button the keyboard once shown.
        dialog.addEventHandler(DialogEvent.DIALOG_SHOWN, shown -> Platform.runLater(() -> {
            symbol.requestFocus();
            symbol.selectAll();
        }));
        dialog.setResultConverter(button -> button == IMPORT
                ? new Request(new SeriesKey(Symbol.of(symbol.getText()), timeframe.getValue()), localTimes.getValue())
                : null);
    }

    Dialog<Request> dialog() {
        return dialog;
    }

    /** A field's name, never cut short: the fields beside it take what room is left. */
    private static Label fieldName(String text) {
        Label name = new Label(text);
        name.setMinWidth(Region.USE_PREF_SIZE);
        return name;
    }

    /** The symbol a file's name starts with, upper case ("aapl_1min.csv": AAPL); empty if none. */
    static String symbolIn(Path file) {
        Matcher leading = LEADING_SYMBOL.matcher(stem(file));
        String found = leading.find() ? leading.group().toUpperCase(Locale.ROOT) : "";
        return symbolProblem(found).isEmpty() ? found : "";
    }

    /** The timeframe a file's name names ("spy-daily.csv": 1Day), else 1Min. */
    static Timeframe timeframeIn(Path file) {
        Matcher named = TIMEFRAME_IN_NAME.matcher(stem(file));
        if (!named.find()) {
            return Timeframe.ONE_MINUTE;
        }
        return switch (named.group(1).toLowerCase(Locale.ROOT)) {
            case "5min", "5m" -> Timeframe.FIVE_MINUTES;
            case "15min", "15m" -> Timeframe.FIFTEEN_MINUTES;
            case "1hour", "1h", "60min" -> Timeframe.ONE_HOUR;
            case "1day", "1d", "daily", "day" -> Timeframe.ONE_DAY;
            default -> Timeframe.ONE_MINUTE;
        };
    }

    /** Why {@code text} is no symbol, or empty if it is one. */
    static String symbolProblem(String text) {
        try {
            Symbol.of(text);
            return "";
        } catch (IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
    }

    private static String stem(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices only");
            }
        };
    }
}
