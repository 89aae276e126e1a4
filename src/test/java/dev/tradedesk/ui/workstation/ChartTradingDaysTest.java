package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.LightStage;
import dev.tradedesk.testing.PrimaryStage;
import dev.tradedesk.ui.chart.ChartModel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A daily chart spans its market's trading days, which the host names: New York's for US stocks,
 * UTC's for crypto, whose exchanges open their daily candles at 00:00 UTC. Before, every chart
 * built New York's days, so a 1Day chart of BTCUSDT on Binance showed candles Binance never shows.
 */
@ExtendWith(ApplicationExtension.class)
class ChartTradingDaysTest {

    private static final Symbol SYMBOL = Symbol.of("BTCUSDT");
    private static final long MINUTE = 60_000;
    /** Every minute from 22:00 UTC on 1 March to 11:59 UTC on 3 March. */
    private static final long FIRST = Instant.parse("2026-03-01T22:00:00Z").toEpochMilli();
    private static final int MINUTES = 38 * 60;

    private final ExecutorService loader = Executors.newSingleThreadExecutor();
    @RegisterExtension
    final LightStage stage = new LightStage();

    @AfterEach
    void stop() {
        loader.shutdownNow();
    }

    @Test
    void aCryptoMarketsDailyBarsOpenAtUtcsMidnights() throws Exception {
        ChartController chart = dailyChart(ZoneOffset.UTC);

        assertThat(barTimes(chart)).containsExactly(Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"));
        IndicatorSeriesView series = onFx(() -> chart.model().flatMap(ChartModel::series).orElseThrow());
        assertThat(onFx(() -> series.volume(1))).as("the whole UTC day of 2 March").isEqualTo(1_440);
        assertThat(onFx(() -> chart.model().orElseThrow().tradingDayZone())).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aUsStocksDailyBarsOpenAtNewYorksMidnights() throws Exception {
        ChartController chart = dailyChart(BarAggregator.NEW_YORK);

        assertThat(barTimes(chart)).containsExactly(Instant.parse("2026-03-01T05:00:00Z"),
                Instant.parse("2026-03-02T05:00:00Z"), Instant.parse("2026-03-03T05:00:00Z"));
    }

    private ChartController dailyChart(ZoneId tradingDayZone) throws Exception {
        WorkstationHost host = new StubWorkstationHost() {
            @Override
            public StoredMinutes minuteHistory(Symbol symbol, int minutes) {
                BarColumns bars = new BarColumns(MINUTES);
                for (int i = 0; i < MINUTES; i++) {
                    bars.add(FIRST + i * MINUTE, 100, 101, 99, 100.5, 1);
                }
                return new StoredMinutes(bars, false);
            }

            @Override
            public ZoneId tradingDayZone() {
                return tradingDayZone;
            }
        };
        Clock afterTheHistory = Clock.fixed(Instant.ofEpochMilli(FIRST + MINUTES * MINUTE), ZoneOffset.UTC);
        ChartController chart = onFx(() -> {
            ChartController controller = new ChartController(host, loader, IndicatorParameters.DEFAULTS,
                    ZoneId.of("Asia/Tokyo"), Timeframe.ONE_MINUTE, range -> { }, afterTheHistory);
            PrimaryStage.show(stage.stage(), new Scene(controller.node(), 1000, 700));
            controller.show(SYMBOL, Timeframe.ONE_DAY, null);
            return controller;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> chart.model().flatMap(ChartModel::series).isPresent()));
        return chart;
    }

    private static List<Instant> barTimes(ChartController chart) throws Exception {
        return onFx(() -> {
            IndicatorSeriesView series = chart.model().flatMap(ChartModel::series).orElseThrow();
            List<Instant> times = new ArrayList<>();
            for (long i = series.firstIndex(); i < series.size(); i++) {
                times.add(Instant.ofEpochMilli(series.time(i)));
            }
            return times;
        });
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
