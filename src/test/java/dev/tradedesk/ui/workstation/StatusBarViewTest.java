package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.testing.PrimaryStage;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar at the window's narrowest, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class StatusBarViewTest {

    private StatusViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new StatusViewModel("Binance", ZoneId.of("UTC"));
        PrimaryStage.show(stage, new Scene(new javafx.scene.layout.StackPane(new StatusBarView(model).createView("")), 900, 40));
    }

    @Test
    void aLongReasonIsCutShortAndTheFiguresStayWhole(FxRobot robot) {
        robot.interact(() -> {
            model.apply(MarketUpdate.ofConnection(ConnectionState.backingOff(ProviderKind.BINANCE,
                    Instant.parse("2026-12-04T20:16:25Z"), "Binance connection failed before a response arrived"
                            + " (no address for api.binance.com)")), System.nanoTime());
            model.refresh(System.nanoTime(), 60.0, 134L << 20, 6028L << 20);
        });
        WaitForAsyncUtils.waitForFxEvents();

        Label connection = robot.lookup("#connectionStatus").queryAs(Label.class);
        assertThat(connection.getText()).startsWith("Binance: retrying at 20:16:25 UTC — Binance connection failed");
        assertThat(drawn(connection)).as("cut short").endsWith("...").startsWith("Binance: retrying at 20:16:25 UTC");
        for (String figure : new String[] {"#frameRate", "#memoryStatus"}) {
            Label label = robot.lookup(figure).queryAs(Label.class);
            assertThat(label.getText()).isNotEmpty();
            assertThat(drawn(label)).as(figure).isEqualTo(label.getText());
        }
    }

    @Test
    void anUpdateAgeOverdueWhileLiveIsMarkedWithATooltipSayingWhyUntilTheNextUpdate(FxRobot robot) {
        MarketUpdate quote = new MarketUpdate(Map.of(Symbol.of("BTCUSDT"), new Quote(Symbol.of("BTCUSDT"), 0, 98_000, 0.5, 50,
                50, 20, 90, 1)), Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE);
        robot.interact(() -> {
            model.apply(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.BINANCE)), 1);
            model.apply(quote, 1_000_000_000L);
            model.refresh(12_000_000_000L, 60.0, 134L << 20, 6028L << 20);
        });
        WaitForAsyncUtils.waitForFxEvents();

        Label age = robot.lookup("#updateAge").queryAs(Label.class);
        assertThat(age.getText()).isEqualTo("updated 11.0 s ago");
        assertThat(age.getPseudoClassStates()).extracting(PseudoClass::getPseudoClassName).contains("overdue");
        assertThat(age.getTooltip().getText()).startsWith("No new price for a while though the feed is live");

        robot.interact(() -> {
            model.apply(quote, 12_100_000_000L);
            model.refresh(12_200_000_000L, 60.0, 134L << 20, 6028L << 20);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(age.getPseudoClassStates()).extracting(PseudoClass::getPseudoClassName).doesNotContain("overdue");
        assertThat(age.getTooltip()).isNull();
    }

    @Test
    void anExportsNoteKeepsItsFileNameWhereTheWindowCutsItsFolder(FxRobot robot) {
        // "Chart exported to /tmp/h...": the name, what the trader looks for, was what the 900 px window lost.
        String name = "BTCUSDT-1Min-20261206-1632.png";
        String folder = "/home/trader/Pictures/charts/tradedesk";
        robot.interact(() -> {
            model.apply(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.BINANCE)), System.nanoTime());
            model.refresh(System.nanoTime(), 60.0, 134L << 20, 6028L << 20);
            WorkstationMenus.showExportedNote(model, java.nio.file.Path.of(folder, name));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label note = robot.lookup("#statusNote").queryAs(Label.class);
        assertThat(drawn(note)).as("the folder cut short").isNotEqualTo(note.getText()).startsWith(name);
        assertThat(note.getTooltip().getText()).contains(name, folder);

        // A long connection text: its reason gives way to the name, which had an even share of the
        // shortage and read "B...". Its state and time and the figures stay whole, so the name keeps
        // what is left of 900 px: the chart's symbol and timeframe.
        robot.interact(() -> model.apply(MarketUpdate.ofConnection(ConnectionState.backingOff(ProviderKind.BINANCE,
                Instant.parse("2026-12-04T20:16:25Z"), "Binance connection failed before a response arrived"
                        + " (no address for api.binance.com)")), System.nanoTime()));
        WaitForAsyncUtils.waitForFxEvents();
        Label connection = robot.lookup("#connectionStatus").queryAs(Label.class);
        assertThat(drawn(connection)).startsWith("Binance: retrying at 20:16:25 UTC");
        assertThat(drawn(note)).as("the symbol and timeframe of the chart at least").startsWith("BTCUSDT-1Min");
        Label memory = robot.lookup("#memoryStatus").queryAs(Label.class);
        assertThat(drawn(memory)).isEqualTo(memory.getText());
        assertThat(memory.localToScene(memory.getBoundsInLocal()).getMaxX()).as("within the window").isLessThanOrEqualTo(900);
    }

    @Test
    void theRetryTimeAndItsZoneStayWholeWhenTheConnectionLabelHasOnlyItsMinimumWidth(FxRobot robot) {
        StatusViewModel simulated = new StatusViewModel("Simulated exchange", ZoneId.of("Australia/Sydney"));
        robot.interact(() -> {
            Stage stage = (Stage) robot.lookup("#statusBar").query().getScene().getWindow();
            simulated.apply(MarketUpdate.ofConnection(ConnectionState.backingOff(ProviderKind.SIM,
                    Instant.parse("2026-12-04T20:16:25Z"), "connection refused")), System.nanoTime());
            simulated.refresh(System.nanoTime(), 60.0, 134L << 20, 6028L << 20);
            PrimaryStage.show(stage, new Scene(new javafx.scene.layout.StackPane(new StatusBarView(simulated).createView("")),
                    500, 40));
        });
        WaitForAsyncUtils.waitForFxEvents();

        Label connection = robot.lookup("#connectionStatus").queryAs(Label.class);
        assertThat(connection.getWidth()).as("squeezed to its minimum").isEqualTo(connection.getMinWidth());
        assertThat(drawn(connection)).startsWith("Simulated exchange: retrying at 07:16:25 AEDT");
    }

    @Test
    void aSettingsNoticeWrapsWholeInItsTooltipAndTheFiguresStayOnScreen(FxRobot robot) {
        String notice = "Settings file /home/trader/.config/tradedesk/settings.json: line 3, column 17: unexpected"
                + " character ';' — using the defaults until it is fixed";
        robot.interact(() -> {
            Stage stage = (Stage) robot.lookup("#statusBar").query().getScene().getWindow();
            model.apply(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.BINANCE)), System.nanoTime());
            model.showTickToScreenP99(421.0);
            model.refresh(System.nanoTime(), 19.0, 126L << 20, 1024L << 20);
            PrimaryStage.show(stage, new Scene(new javafx.scene.layout.StackPane(new StatusBarView(model).createView(notice)), 900, 40));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label label = robot.lookup("#statusNotice").queryAs(Label.class);
        assertThat(label.getText()).isEqualTo(notice);
        assertThat(label.getTooltip().isWrapText()).isTrue();
        assertThat(label.getTooltip().getMaxWidth()).isEqualTo(StatusBarView.TOOLTIP_MAX_WIDTH);
        assertThat(robot.lookup("#connectionStatus").queryAs(Label.class).getTooltip().isWrapText()).isTrue();
        Label memory = robot.lookup("#memoryStatus").queryAs(Label.class);
        assertThat(drawn(memory)).isEqualTo(memory.getText());
        assertThat(memory.localToScene(memory.getBoundsInLocal()).getMaxX()).as("within the window").isLessThanOrEqualTo(900);
    }

    /** What the label actually draws, ellipsis included. */
    private static String drawn(Label label) {
        return label.lookupAll(".text").stream().filter(Text.class::isInstance).map(node -> ((Text) node).getText())
                .findFirst().orElse("");
    }
}
