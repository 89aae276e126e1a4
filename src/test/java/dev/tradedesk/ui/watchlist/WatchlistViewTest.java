package dev.tradedesk.ui.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.ui.live.MarketUpdate;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real watchlist table, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class WatchlistViewTest {

    private WatchlistViewModel model;

    @Start
    void start(Stage stage) {
        model = new WatchlistViewModel(List.of(Symbol.of("AAPL"), Symbol.of("MSFT")), symbols -> { });
        stage.setScene(new Scene((Parent) new WatchlistView(model).createView(), 520, 300));
        stage.show();
    }

    @Test
    void aSeriesThatBecomesCompleteLosesItsIncompleteMark(FxRobot robot) {
        robot.interact(() -> model.apply(MarketUpdate.ofCompleteness(Map.of(Symbol.of("MSFT"), 0.5))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(historyCell(robot, "50.0").getStyleClass()).contains(WatchlistView.INCOMPLETE);

        robot.interact(() -> model.apply(MarketUpdate.ofCompleteness(Map.of(Symbol.of("MSFT"), 1.0))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(historyCell(robot, "100.0").getStyleClass()).doesNotContain(WatchlistView.INCOMPLETE);
    }

    private static TableCell<?, ?> historyCell(FxRobot robot, String text) {
        return robot.lookup(".number-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(cell -> text.equals(cell.getText())).findFirst().orElseThrow();
    }
}
