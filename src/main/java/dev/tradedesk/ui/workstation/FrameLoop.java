package dev.tradedesk.ui.workstation;

import dev.tradedesk.ui.live.MarketHandOff;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.watchlist.WatchlistViewModel;
import javafx.animation.AnimationTimer;

/**
 * The workstation's one drain of market data into the scene: once per JavaFX pulse it takes
 * whatever the feed published since the last pulse (at most one merged update) and applies it to
 * the watchlist, the status bar and the chart. It also measures frame intervals and, after the
 * pulse's layout ({@link #afterLayout}), the tick-to-screen latency: from the provider response
 * arriving to the frame that shows it, short of that frame's rasterisation.
 *
 * <p>JavaFX thread only. Allocation per pulse: none beyond what applying an update needs.
 */
final class FrameLoop extends AnimationTimer {

    private static final long REFRESH_NANOS = 250_000_000L;
    private static final int FPS_WINDOW = 64;

    private final MarketHandOff market;
    private final WatchlistViewModel watchlist;
    private final StatusViewModel status;
    private final ChartController chart;
    private final UiMetrics metrics;
    private final long[] intervals = new long[FPS_WINDOW];
    private int intervalCount;
    private long lastPulse;
    private long lastRefresh;
    private long pendingResponseNanos = Long.MAX_VALUE;
    private long pendingPublishedNanos = Long.MAX_VALUE;
    private long pendingTakenNanos;

    FrameLoop(MarketHandOff market, WatchlistViewModel watchlist, StatusViewModel status, ChartController chart,
            UiMetrics metrics) {
        this.market = market;
        this.watchlist = watchlist;
        this.status = status;
        this.chart = chart;
        this.metrics = metrics;
    }

    @Override
    public void handle(long now) {
        if (lastPulse != 0) {
            long interval = now - lastPulse;
            metrics.recordFrameInterval(interval);
            intervals[intervalCount++ % FPS_WINDOW] = interval;
        }
        lastPulse = now;
        long wall = System.nanoTime();
        MarketUpdate update = market.take();
        if (update != null) {
            watchlist.apply(update);
            status.apply(update, wall);
            chart.apply(update);
            pendingResponseNanos = update.oldestResponseNanos();
            pendingPublishedNanos = update.oldestPublishedNanos();
            pendingTakenNanos = wall;
            metrics.recordApplyWork(System.nanoTime() - wall);
        }
        if (now - lastRefresh >= REFRESH_NANOS) {
            lastRefresh = now;
            Runtime runtime = Runtime.getRuntime();
            status.setWatching(!watchlist.rows().isEmpty());
            status.refresh(wall, framesPerSecond(), runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory());
        }
    }

    /**
     * Called after the pulse's layout (the chart has drawn its canvases; only the rasterisation of
     * this frame is still to come): the update applied in this pulse is now on its way to the screen,
     * and the chart may start work that was waiting for this frame.
     */
    void afterLayout() {
        boolean appliedUpdate = pendingResponseNanos != Long.MAX_VALUE;
        long now = System.nanoTime();
        if (appliedUpdate) {
            metrics.recordTickToScreen(now - pendingResponseNanos);
            metrics.recordTickOnScreen(pendingPublishedNanos == Long.MAX_VALUE ? -1 : pendingTakenNanos - pendingPublishedNanos,
                    now - pendingTakenNanos);
            pendingResponseNanos = Long.MAX_VALUE;
        }
        // Live: the chart is drawn and this frame applied an update, or the chart holds live bars
        // (such as those that came while its history loaded).
        if (metrics.firstLiveFrameNanos() == 0 && (appliedUpdate || chart.showsLiveBars()) && chart.drawnUpToDate()) {
            metrics.markLiveFrame(now);
        }
        chart.afterFrame();
    }

    private double framesPerSecond() {
        int count = Math.min(intervalCount, FPS_WINDOW);
        if (count == 0) {
            return Double.NaN;
        }
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += intervals[i];
        }
        return count * 1e9 / sum;
    }
}
