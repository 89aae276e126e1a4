package dev.tradedesk.ui.workstation;

import dev.tradedesk.core.Timeframe;
import dev.tradedesk.ui.EscapePassingTooltip;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The chart's header: its title ("ETH/USDT · 1Min"), a hint while older bars load, and the
 * timeframe buttons on the right, which always show their whole labels.
 *
 * <p>Short of room for the whole title beside the buttons (the smallest window leaves the chart
 * 400 px), the header turns {@code :narrow} and the buttons take less padding (CSS). The whole
 * title, "AAPL · 1Min", stays while it fits beside those compact buttons; only short of that room
 * too does it show the symbol alone, since the selected button already says the timeframe.
 * Cutting the whole title instead left "ETH/U..." at 900 px, naming no symbol. Both steps depend
 * on the header's width, the whole title's and the buttons' roomy and compact widths only, never
 * on what it shows now, so a layout never flips them back and forth.
 *
 * <p>A scene-graph node: JavaFX thread only.
 */
final class ChartHeader extends HBox {

    /** The header short of room for the whole title beside the roomy buttons: compact timeframe buttons. */
    static final PseudoClass NARROW = PseudoClass.getPseudoClass("narrow");
    private static final double SPACING = 12;

    private final ChartController chart;
    private final Label title = new Label();
    private final Label olderBars = new Label("loading older bars …");
    private final HBox selector = new HBox(2);
    /** Measures the whole title in the title's font, whatever the title shows. */
    private final Text measure = new Text();
    /** The buttons' width with their roomy padding, measured whenever the header is not narrow. */
    private double roomySelectorWidth;
    /** The buttons are compact: the whole title did not fit beside them roomy. */
    private boolean narrow;
    /** The title shows the symbol alone: the whole title did not fit beside the compact buttons either. */
    private boolean symbolOnly;

    /** Builds the header; the buttons select from {@code timeframes}, whose selection the caller follows. */
    ChartHeader(ChartController chart, ToggleGroup timeframes) {
        super(SPACING);
        this.chart = chart;
        title.setId("chartTitle");
        title.getStyleClass().add("chart-title");
        // In a narrow chart pane the title gives way, never the timeframe buttons.
        title.setMinWidth(0);
        InvalidationListener retitle = property -> showTitle();
        chart.titleProperty().addListener(retitle);
        chart.symbolTitleProperty().addListener(retitle);
        showTitle();
        // A symbol too long for the room is cut short ("ABCDEFGH..." in the smallest window): the
        // whole title is in the tooltip, as the watchlist's cut symbols are.
        Tooltip whole = new EscapePassingTooltip();
        whole.textProperty().bind(chart.titleProperty());
        title.setTooltip(whole);
        olderBars.setId("olderBarsLoading");
        olderBars.getStyleClass().add("chart-loading-hint");
        olderBars.visibleProperty().bind(chart.olderHistoryLoadingProperty());
        olderBars.managedProperty().bind(olderBars.visibleProperty());
        selector.getStyleClass().add("timeframe-selector");
        for (Timeframe timeframe : Timeframe.values()) {
            ToggleButton button = new ToggleButton(timeframe.label());
            button.setId("timeframe" + timeframe.label());
            button.setUserData(timeframe);
            button.setToggleGroup(timeframes);
            button.setFocusTraversable(false);
            button.setMinWidth(Region.USE_PREF_SIZE);
            selector.getChildren().add(button);
        }
        selector.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(title, olderBars, spacer, selector);
        getStyleClass().add("chart-header");
    }

    @Override
    protected void layoutChildren() {
        if (!narrow) {
            roomySelectorWidth = selector.prefWidth(-1);
        }
        double wholeTitle = wholeTitleWidth();
        boolean shortOfRoom = wholeTitle > titleRoom(roomySelectorWidth);
        if (shortOfRoom != narrow) {
            narrow = shortOfRoom;
            pseudoClassStateChanged(NARROW, narrow);
            applyCss(); // the buttons' padding for this layout, not the next pulse's
        }
        // While narrow, the buttons' width is their compact width: the CSS above applies to it.
        boolean shortOfCompactRoom = narrow && wholeTitle > titleRoom(selector.prefWidth(-1));
        if (shortOfCompactRoom != symbolOnly) {
            symbolOnly = shortOfCompactRoom;
            showTitle();
        }
        super.layoutChildren();
    }

    /** The width the title may take beside the hint and buttons {@code selectorWidth} wide. */
    private double titleRoom(double selectorWidth) {
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - selectorWidth - 2 * snapSpaceX(SPACING);
        if (olderBars.isManaged()) {
            room -= olderBars.prefWidth(-1) + snapSpaceX(SPACING);
        }
        return room;
    }

    /** The title's width showing the whole title, measured as the label measures its text. */
    private double wholeTitleWidth() {
        measure.setFont(title.getFont());
        measure.setText(chart.titleProperty().get());
        Insets padding = title.getLabelPadding();
        return snapSizeX(measure.getLayoutBounds().getWidth()) + title.snappedLeftInset() + title.snappedRightInset()
                + padding.getLeft() + padding.getRight();
    }

    private void showTitle() {
        title.setText(symbolOnly ? chart.symbolTitleProperty().get() : chart.titleProperty().get());
    }
}
