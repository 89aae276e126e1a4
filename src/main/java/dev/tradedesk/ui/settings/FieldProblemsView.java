package dev.tradedesk.ui.settings;

import atlantafx.base.theme.Styles;
import dev.tradedesk.ui.EscapePassingTooltip;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * How the settings form shows its fields' messages without moving a field: an invalid field
 * carries {@link #FIELD_INVALID} (and AtlantaFX's {@code :danger} state, which draws the red border)
 * and its message in its tooltip, and the {@linkplain ProblemLine problem line} at the foot of its
 * tab names it with its message. The line keeps two lines' room while there is nothing to say, so
 * the fields stand as close as in a form without messages and none moves when one appears; a
 * message kept under every field spread a form out over twice its height.
 *
 * <p>Show each of a tab's fields ({@link #show}) before making its {@link #line}. JavaFX thread only.
 */
final class FieldProblemsView {

    static final String FIELD_INVALID = "field-invalid";
    static final String PROBLEM_LINE = "problem-line";

    private final SettingsViewModel model;
    /** Each tab's fields in the order they are shown, the order its line says them in. */
    private final Map<SettingsSection, List<SettingsField>> shownFields = new EnumMap<>(SettingsSection.class);
    /** Each tab's field that last had the keyboard, whose problem its line says first. */
    private final Map<SettingsSection, ObjectProperty<SettingsField>> lastFocused = new EnumMap<>(SettingsSection.class);

    FieldProblemsView(SettingsViewModel model) {
        this.model = model;
        for (SettingsSection section : SettingsSection.values()) {
            shownFields.put(section, new ArrayList<>());
            lastFocused.put(section, new SimpleObjectProperty<>());
        }
    }

    /**
     * Makes {@code control} show {@code field}'s problems: the red border, the message in its tooltip
     * above {@code help} (the tooltip while the field is fine; may be null), and the field on its
     * tab's line, said first once the control has had the keyboard.
     */
    void show(SettingsField field, Control control, String help) {
        SettingsSection section = field.section();
        shownFields.get(section).add(field);
        control.focusedProperty().addListener((property, was, focused) -> {
            if (focused) {
                lastFocused.get(section).set(field);
            }
        });
        ReadOnlyStringProperty message = model.messageProperty(field);
        markInvalid(control, !message.get().isEmpty());
        message.addListener((property, before, after) -> markInvalid(control, !after.isEmpty()));
        Tooltip tooltip = new EscapePassingTooltip();
        tooltip.textProperty().bind(message.map(said -> said.isEmpty() ? help : help == null ? said : said + "\n" + help));
        if (help == null) {
            control.tooltipProperty().bind(Bindings.when(message.isEmpty()).then((Tooltip) null).otherwise(tooltip));
        } else {
            control.setTooltip(tooltip);
        }
    }

    /**
     * The line at the foot of {@code section}'s tab: its fields' problems, named, wrapped to two
     * lines (too long for them, it ends in "…", and its tooltip says each problem on a line).
     */
    Label line(SettingsSection section) {
        List<SettingsField> fields = List.copyOf(shownFields.get(section));
        ObjectProperty<SettingsField> focused = lastFocused.get(section);
        List<Observable> dependencies = new ArrayList<>();
        fields.forEach(field -> dependencies.add(model.messageProperty(field)));
        dependencies.add(focused);
        ObservableValue<List<String>> problems = Bindings.createObjectBinding(() -> ProblemLine.problems(fields,
                field -> model.messageProperty(field).get(), focused.get()), dependencies.toArray(Observable[]::new));
        Label line = new Label();
        line.setId("problems" + section.name());
        line.getStyleClass().add(PROBLEM_LINE);
        line.setWrapText(true);
        // Wraps within the tab's width instead of widening the dialog to one line's width.
        line.setPrefWidth(0);
        line.setMaxWidth(Double.MAX_VALUE);
        line.textProperty().bind(problems.map(said -> String.join(ProblemLine.SEPARATOR, said)));
        Tooltip whole = new EscapePassingTooltip();
        whole.textProperty().bind(problems.map(said -> String.join("\n", said)));
        line.tooltipProperty().bind(Bindings.when(line.textProperty().isEmpty()).then((Tooltip) null).otherwise(whole));
        return line;
    }

    private static void markInvalid(Control control, boolean invalid) {
        control.getStyleClass().remove(FIELD_INVALID);
        if (invalid) {
            control.getStyleClass().add(FIELD_INVALID);
        }
        control.pseudoClassStateChanged(Styles.STATE_DANGER, invalid);
    }
}
