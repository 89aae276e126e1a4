package dev.tradedesk.ui.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.testing.PrimaryStage;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.ThemeStylesheets;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A watchlist longer than its pane, as a trader's often is, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class LongWatchlistViewTest {

    private static final List<Symbol> SYMBOLS = IntStream.range(0, 50).mapToObj(i -> Symbol.of("SYM" + i)).toList();

    private WatchlistViewModel model;
    private Scene scene;
    /** Every index a row of the table was given, in order. */
    private final List<Integer> rowIndexes = new ArrayList<>();

    @Start
    void start(Stage stage) {
        model = new WatchlistViewModel(SYMBOLS, symbols -> { });
        Parent view = (Parent) new WatchlistView(model, () -> { }).createView();
        @SuppressWarnings("unchecked")
        TableView<WatchlistRow> table = (TableView<WatchlistRow>) view.lookup("#watchlist");
        Callback<TableView<WatchlistRow>, TableRow<WatchlistRow>> rows = table.getRowFactory();
        table.setRowFactory(tableView -> {
            TableRow<WatchlistRow> row = rows.call(tableView);
            row.indexProperty().addListener((property, before, index) -> rowIndexes.add(index.intValue()));
            return row;
        });
        scene = new Scene(view, 520, 400);
        scene.setUserAgentStylesheet(ThemeStylesheets.userAgentStylesheet(Theme.LIGHT));
        scene.getStylesheets().add(WatchlistView.class.getResource("/dev/tradedesk/ui/tradedesk.css").toExternalForm());
        PrimaryStage.show(stage, scene);
    }

    /**
     * A table whose rows may differ in height measures the rows it has not shown yet, two per
     * layout, in a hidden row of its own; each measurement switches that row's pseudo-classes
     * (even, odd, empty, a number's colour), which asks for CSS after the pulse's CSS pass. JavaFX
     * then marks the scene dirty for the next pulse, in which nothing else has changed, and with
     * no dirty region to go by Prism repaints the whole window: a second full repaint after each
     * of the first ticks (until every row was measured), and again after each change of the list.
     */
    @Test
    void aTickGivesNoRowAnotherIndexSoTheTableMeasuresNoRowItDoesNotShow(FxRobot robot) {
        robot.interact(() -> applyAndLayOut(tick(100)));
        List<Integer> during = new ArrayList<>();
        for (int tick = 1; tick <= 3; tick++) {
            double price = 100 + tick;
            robot.interact(() -> {
                rowIndexes.clear();
                applyAndLayOut(tick(price));
                during.addAll(rowIndexes);
            });
        }
        assertThat(robot.lookup(".number-cell").<NumberCell>queryAll().stream().map(NumberCell::shownText))
                .as("the ticks are shown").contains("103.00");
        assertThat(during).as("indexes given to rows during the ticks").isEmpty();
    }

    /** Applies {@code update} and lays the scene out, as the pulse after it does. */
    private void applyAndLayOut(MarketUpdate update) {
        model.apply(update);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    /**
     * A quote for every symbol at {@code price}: at an odd price up on the day with %K above its
     * upper band (bold), at an even one down with %K inside the bands.
     */
    private static MarketUpdate tick(double price) {
        boolean odd = ((long) price) % 2 == 1;
        Map<Symbol, Quote> quotes = SYMBOLS.stream().collect(Collectors.toMap(Function.identity(),
                symbol -> new Quote(symbol, 0, price, odd ? 1.5 : -1.5, 50.0, odd ? 95.0 : 55.0, 20.0, 90.0, 1.1)));
        return new MarketUpdate(quotes, Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE);
    }
}
