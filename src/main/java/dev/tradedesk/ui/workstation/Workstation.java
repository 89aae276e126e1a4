package dev.tradedesk.ui.workstation;

import dev.tradedesk.ui.MainViewModel;
import dev.tradedesk.ui.Workspace;
import dev.tradedesk.ui.live.MarketHandOff;
import dev.tradedesk.ui.perf.PerformanceViewModel;
import dev.tradedesk.ui.watchlist.WatchlistViewModel;
import java.util.concurrent.Executor;

/**
 * Everything the workstation window shows and talks to, built by the composition root: the view
 * models, the chart controller, the market hand-off the frame loop drains, the UI metrics, the host
 * callbacks, the workspace to restore, and an executor for occasional background work (exports).
 */
public record Workstation(
        MainViewModel main,
        WatchlistViewModel watchlist,
        StatusViewModel status,
        ChartController chart,
        PerformanceViewModel performance,
        MarketHandOff market,
        UiMetrics uiMetrics,
        WorkstationHost host,
        Workspace workspace,
        Executor background) {
}
