package dev.tradedesk.ui.workstation;

import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.ui.EscapePassingTooltip;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The status bar: a thin view over {@link StatusViewModel} (and the settings notice), a note on
 * what was just done beside the connection. JavaFX thread only.
 */
public final class StatusBarView {

    static final String CONNECTION_PREFIX = "connection-";
    /** Where the connection's state ends and its reason begins. */
    static final String REASON_SEPARATOR = " — ";
    static final double TOOLTIP_MAX_WIDTH = 520;
    /** The update age's look while the prices shown are old though the feed is live. */
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final StatusViewModel model;

    public StatusBarView(StatusViewModel model) {
        this.model = model;
    }

    /** @param notice a problem the user should see (a broken settings file), or empty */
    public Node createView(String notice) {
        Label connection = label("connectionStatus", model.connectionProperty());
        // A long reason ("retrying at … — connection failed …") is cut short, with all of it in the
        // tooltip; the state and time at its start, and the figures on the right, stay readable.
        // Measured, not a fixed width: 260 px cut "retrying at 07:16:25 AEDT" after the hour.
        connection.minWidthProperty().bind(Bindings.createDoubleBinding(() -> stateWidth(connection),
                connection.textProperty(), connection.fontProperty(), connection.paddingProperty(),
                connection.ellipsisStringProperty()));
        Tooltip connectionDetail = wrapping(new EscapePassingTooltip());
        connectionDetail.textProperty().bind(model.connectionProperty());
        connection.setTooltip(connectionDetail);
        model.connectionStatusProperty().addListener((property, before, after) -> styleConnection(connection, after));
        styleConnection(connection, model.connectionStatusProperty().get());

        Label note = label("statusNote", model.noteProperty());
        note.visibleProperty().bind(model.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Tooltip noteWhole = wrapping(new EscapePassingTooltip());
        noteWhole.textProperty().bind(model.noteProperty());
        note.setTooltip(noteWhole); // a long path is cut short in a narrow window

        Label noticeLabel = new Label(notice);
        noticeLabel.setId("statusNotice");
        noticeLabel.getStyleClass().add("status-notice");
        noticeLabel.setVisible(!notice.isEmpty());
        noticeLabel.setManaged(!notice.isEmpty());
        noticeLabel.setTooltip(wrapping(new EscapePassingTooltip(notice)));

        ProgressBar progress = new ProgressBar();
        progress.setId("backfillProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.progressProperty().greaterThanOrEqualTo(0));
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(140);
        Label progressText = label("backfillText", model.progressTextProperty());
        progressText.visibleProperty().bind(progress.visibleProperty());
        progressText.managedProperty().bind(progress.visibleProperty());
        progressText.setMaxWidth(360);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        List<Label> figures = List.of(label("updateAge", model.updateAgeProperty()),
                label("frameRate", model.frameRateProperty()), label("tickToScreen", model.latencyProperty()),
                label("memoryStatus", model.memoryProperty()));
        figures.forEach(figure -> figure.setMinWidth(Region.USE_PREF_SIZE));
        Label updateAge = figures.get(0);
        Tooltip overdue = wrapping(new EscapePassingTooltip("No new price for a while though the feed is live: the"
                + " provider is slow to answer, or its market is closed. The prices shown are as old as this says."));
        model.updateOverdueProperty().addListener((property, before, late) -> {
            updateAge.pseudoClassStateChanged(OVERDUE, late);
            updateAge.setTooltip(late ? overdue : null);
        });
        HBox bar = new Row(connection, note, model.noteLeadProperty());
        bar.getChildren().addAll(connection, note, noticeLabel, progress, progressText, spacer);
        bar.getChildren().addAll(figures);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** The width {@code connection} needs for its text up to the reason: the provider, its state and time. */
    static double stateWidth(Label connection) {
        String text = connection.getText() == null ? "" : connection.getText();
        int reason = text.indexOf(REASON_SEPARATOR);
        // With the ellipsis that follows the state once the reason is cut.
        return widthFor(connection, reason < 0 ? text : text.substring(0, reason) + connection.getEllipsisString());
    }

    /** The width {@code note} needs for {@code lead} and the ellipsis after it. */
    private static double leadWidth(Label note, String lead) {
        return widthFor(note, lead + note.getEllipsisString());
    }

    /**
     * The width {@code label} needs to show {@code shown} whole in its font, with a pixel or two to
     * spare: a label whose text is a fraction wider than its room cuts it short.
     */
    private static double widthFor(Label label, String shown) {
        Text text = new Text(shown);
        text.setFont(label.getFont());
        return Math.ceil(text.getLayoutBounds().getWidth()) + 2 + label.snappedLeftInset() + label.snappedRightInset();
    }

    /**
     * The bar's row, where a note's lead (an export's file name) takes its width from the connection's
     * reason, down to the connection's minimum (its state and time): HBox shares a shortage evenly,
     * and the note, far shorter than a reason, was cut to "B..." first. Only the two swap width, so
     * the row asks its window for no more room and the figures on the right stay where they were.
     */
    private static final class Row extends HBox {
        private final Label connection;
        private final Label note;
        private final ReadOnlyStringProperty lead;

        Row(Label connection, Label note, ReadOnlyStringProperty lead) {
            super(16);
            this.connection = connection;
            this.note = note;
            this.lead = lead;
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (!note.isManaged() || lead.get().isEmpty()) {
                return;
            }
            double missing = Math.min(leadWidth(note, lead.get()) - note.getWidth(),
                    connection.getWidth() - connection.minWidth(-1));
            if (missing > 0) {
                connection.resize(connection.getWidth() - missing, connection.getHeight());
                note.resizeRelocate(note.getLayoutX() - missing, note.getLayoutY(), note.getWidth() + missing,
                        note.getHeight());
            }
        }
    }

    /** A long reason wraps in its tooltip instead of running off the screen. */
    private static Tooltip wrapping(Tooltip tooltip) {
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(TOOLTIP_MAX_WIDTH);
        return tooltip;
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }

    private static void styleConnection(Label label, ConnectionState.Status status) {
        label.getStyleClass().removeIf(style -> style.startsWith(CONNECTION_PREFIX));
        label.getStyleClass().add(CONNECTION_PREFIX + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
