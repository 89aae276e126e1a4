package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.PrimaryStage;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The chart's header at the widths a chart pane takes, alone in a scene with the window's stylesheet, on Monocle. */
@ExtendWith(ApplicationExtension.class)
class ChartHeaderTest {

    private ChartController chart;
    private ChartHeader header;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // The loader never runs: the header reads only the title, which show() sets at once.
        chart = new ChartController(new StubWorkstationHost(), task -> { }, IndicatorParameters.DEFAULTS, ZoneId.of("UTC"),
                Timeframe.ONE_MINUTE, range -> { });
        header = new ChartHeader(chart, new ToggleGroup());
        Scene scene = new Scene(new Pane(header), 700, 40);
        scene.getStylesheets().add(Objects.requireNonNull(ChartHeader.class.getResource("/dev/tradedesk/ui/tradedesk.css"))
                .toExternalForm());
        PrimaryStage.show(stage, scene);
    }

    @Test
    void asItNarrowsTheHeaderKeepsSymbolAndTimeframeBesideCompactButtonsBeforeTheSymbolAlone(FxRobot robot) {
        // It went from "ETH/USDT · 1Min" beside roomy buttons straight to "ETH/USDT" beside compact
        // ones, though the 40 px the compact buttons give back left room for the whole title.
        robot.interact(() -> chart.show(Symbol.of("ETH/USDT"), Timeframe.ONE_MINUTE, null));
        List<String> shown = new ArrayList<>();
        robot.interact(() -> {
            for (int width = 400; width <= 600; width += 2) {
                header.setPrefWidth(width);
                header.getParent().applyCss();
                header.getParent().layout();
                Label title = (Label) header.lookup("#chartTitle");
                String drawn = ((Text) title.lookup(".text")).getText();
                String state = drawn + (header.getPseudoClassStates().contains(ChartHeader.NARROW) ? ", compact buttons" : "");
                if (shown.isEmpty() || !shown.get(shown.size() - 1).equals(state)) {
                    shown.add(state);
                }
            }
        });
        assertThat(shown).as("the title from 400 to 600 px").containsExactly(
                "ETH/USDT, compact buttons", "ETH/USDT · 1Min, compact buttons", "ETH/USDT · 1Min");
    }

    @Test
    void aSymbolCutShortInANarrowHeaderIsWholeInTheTitlesTooltip(FxRobot robot) {
        robot.interact(() -> chart.show(Symbol.of("ABCDEFGHIJ.WXYZ"), Timeframe.ONE_MINUTE, null));
        Label title = (Label) header.lookup("#chartTitle");
        robot.interact(() -> {
            header.setPrefWidth(400);
            header.getParent().applyCss();
            header.getParent().layout();
        });
        String drawn = robot.lookup("#chartTitle .text").queryAs(Text.class).getText();
        assertThat(drawn).as("cut short at 400 px").endsWith("...");
        assertThat(title.getTooltip()).as("a tooltip on the title").isNotNull();
        assertThat(title.getTooltip().getText()).isEqualTo("ABCDEFGHIJ.WXYZ · 1Min");
    }
}
