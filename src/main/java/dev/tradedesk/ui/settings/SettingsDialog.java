package dev.tradedesk.ui.settings;

import dev.tradedesk.ui.PopupStyle;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The settings dialog: tabs for the data provider, watchlist, chart, indicators, appearance and
 * simulator over a {@link SettingsViewModel}. OK is disabled while anything is invalid; each
 * offending field carries {@link FieldProblemsView#FIELD_INVALID} and its message in its tooltip,
 * the line at the foot of its tab names it with its message, and the tab shows a dot. Enter is OK (when enabled), Esc is Cancel; in the watchlist's text
 * area Enter starts a new line. Cancelling, by button, Esc or closing the window, calls
 * {@link SettingsViewModel#cancel()} so a live indicator or theme preview is undone. An indicator
 * value typed is previewed once typing pauses, or at once on Enter or when the field loses focus.
 *
 * <p>Usage: {@code new SettingsDialog(owner, model).showAndWait().ifPresent(apply)}, or
 * {@link #show(Consumer)} without a nested event loop. Build and use on the JavaFX thread.
 */
public final class SettingsDialog {

    public static final String TITLE = "Settings";
    static final String STYLESHEET = "settings.css";
    static final String STYLE_CLASS = "settings-dialog";
    static final String TAB_PROBLEM = "tab-problem";

    private final SettingsViewModel model;
    private final Dialog<SettingsValues> dialog = new Dialog<>();

    /** @param owner the window the dialog belongs to and centres on; may be null */
    public SettingsDialog(Window owner, SettingsViewModel model) {
        this.model = Objects.requireNonNull(model);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(TITLE);
        dialog.setResizable(true);
        dialog.setDialogPane(createPane());
        PopupStyle.fitToDisplay(dialog.getDialogPane().getScene());
        // The window's event, not the dialog's: showAndWait sends DIALOG_SHOWN before the window has a size.
        dialog.getDialogPane().getScene().getWindow().addEventHandler(WindowEvent.WINDOW_SHOWN, event -> keepRoomForContent());
        dialog.setResultConverter(button -> button == ButtonType.OK ? model.result().orElse(null) : null);
        dialog.addEventHandler(DialogEvent.DIALOG_HIDDEN, event -> {
            if (dialog.getResult() == null) {
                model.cancel();
            } else {
                model.confirm();
            }
        });
    }

    /** Shows the dialog and waits (in a nested event loop) until it closes: the values on OK, else empty. */
    public Optional<SettingsValues> showAndWait() {
        return dialog.showAndWait();
    }

    /**
     * Shows the dialog and returns at once; {@code onOk} gets the values if the user presses OK.
     * Show a dialog once: make a new one (and model) for the next time.
     */
    public void show(Consumer<SettingsValues> onOk) {
        Objects.requireNonNull(onOk);
        dialog.addEventHandler(DialogEvent.DIALOG_HIDDEN, event -> {
            if (dialog.getResult() != null) {
                onOk.accept(dialog.getResult());
            }
        });
        dialog.show();
    }

    /** The underlying JavaFX dialog, e.g. to close it, look nodes up in tests, or set its modality before it shows. */
    public Dialog<SettingsValues> dialog() {
        return dialog;
    }

    /**
     * Makes the size the window opens at, its pane's preferred size (six tabs across, every form
     * whole), its minimum: a dialog's window takes no minimum from its pane, and dragged small it
     * cut off tabs and OK and Cancel (the pane's own minimum width, 230 px, fits two tabs).
     */
    private void keepRoomForContent() {
        if (dialog.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            stage.setMinWidth(stage.getWidth());
            stage.setMinHeight(stage.getHeight());
        }
    }

    private DialogPane createPane() {
        DialogPane pane = new DialogPane();
        pane.setId("settingsDialog");
        pane.getStyleClass().add(STYLE_CLASS);
        pane.getStylesheets().add(
                Objects.requireNonNull(SettingsDialog.class.getResource(STYLESHEET)).toExternalForm());
        pane.getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        ok.setId("settingsOk");
        ok.setDefaultButton(true);
        ok.disableProperty().bind(model.validProperty().not());
        enterOnAChoiceIsOk(pane, ok);
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        cancel.setId("settingsCancel");
        cancel.setCancelButton(true);

        SettingsForm form = new SettingsForm(model);
        TabPane tabs = new TabPane();
        tabs.setId("settingsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (SettingsSection section : SettingsSection.values()) {
            tabs.getTabs().add(tab(section, form.content(section)));
        }
        pane.setContent(tabs);
        pane.setMinHeight(Region.USE_PREF_SIZE);
        return pane;
    }

    /**
     * Enter on a focused provider or theme choice is OK, as on a field. JavaFX fires a focused
     * radio button on Enter (off macOS) and consumes the key, so OK, the default button, never saw
     * it: choosing a provider with the arrow keys and pressing Enter did nothing.
     */
    private static void enterOnAChoiceIsOk(DialogPane pane, Button ok) {
        pane.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.getTarget() instanceof RadioButton && !event.isShortcutDown()
                    && !event.isAltDown() && !event.isShiftDown()) {
                event.consume();
                ok.fire(); // does nothing while OK is disabled, as Enter elsewhere
            }
        });
    }

    private Tab tab(SettingsSection section, Node content) {
        Tab tab = new Tab(section.title(), content);
        tab.setId("tab" + section.name());
        Region problem = new Region();
        problem.getStyleClass().add(TAB_PROBLEM);
        // Set and cleared rather than hidden: a tab header ignores a graphic that was unmanaged when it was built.
        tab.graphicProperty().bind(Bindings.when(model.sectionHasProblemsProperty(section))
                .then((Node) problem).otherwise((Node) null));
        return tab;
    }
}
