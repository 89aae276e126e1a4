package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.LightStage;
import dev.tradedesk.testing.PrimaryStage;
import dev.tradedesk.ui.chart.ChartModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Symbols or timeframes switched faster than their histories load (an arrow or a timeframe key held
 * down): a load superseded while it waited for the loader is skipped, so only the chart asked for
 * last is read and built. Each queued load read the store and built a chart of tens of MB (a ring of 131,072 rows at least), which
 * waited for the JavaFX thread to drop it: an exploratory pass holding the keys down met an
 * OutOfMemoryError in the loader.
 */
@ExtendWith(ApplicationExtension.class)
class ChartLoadQueueTest {

    private static final long FIRST = Instant.parse("2026-03-02T13:00:00Z").toEpochMilli();
    private final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
    private final List<Symbol> read = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final LightStage stage = new LightStage();

    @Test
    void onlyTheChartAskedForLastIsReadAndBuilt() throws Exception {
        WorkstationHost host = new StubWorkstationHost() {
            @Override
            public StoredMinutes minuteHistory(Symbol symbol, int minutes) {
                read.add(symbol);
                BarColumns bars = new BarColumns(60);
                for (int i = 0; i < 60; i++) {
                    bars.add(FIRST + i * 60_000L, 100, 101, 99, 100.5, 10);
                }
                return new StoredMinutes(bars, false);
            }
        };
        ChartController controller = WaitForAsyncUtils.asyncFx(() -> {
            ChartController created = new ChartController(host, queued::add, IndicatorParameters.DEFAULTS,
                    ZoneId.of("UTC"), Timeframe.ONE_MINUTE, range -> { });
            PrimaryStage.show(stage.stage(), new Scene(created.node(), 1200, 800));
            for (String symbol : List.of("AAPL", "MSFT", "NVDA", "AMZN")) {
                created.show(Symbol.of(symbol), Timeframe.ONE_MINUTE, null);
            }
            created.show(Symbol.of("AMZN"), Timeframe.FIVE_MINUTES, null);
            return created;
        }).get(10, TimeUnit.SECONDS);

        assertThat(queued).as("a load queued per switch").hasSize(5);
        for (Runnable load; (load = queued.poll()) != null; ) {
            load.run();
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(read).as("the four superseded loads read nothing").containsExactly(Symbol.of("AMZN"));
        assertThat(WaitForAsyncUtils.asyncFx(() -> controller.model().map(ChartModel::key).orElseThrow()).get(10, TimeUnit.SECONDS)
                .timeframe()).isEqualTo(Timeframe.FIVE_MINUTES);
    }
}
