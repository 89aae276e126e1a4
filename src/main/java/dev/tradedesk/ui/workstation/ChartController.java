package dev.tradedesk.ui.workstation;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.ui.chart.ChartModel;
import dev.tradedesk.ui.chart.ChartRange;
import dev.tradedesk.ui.chart.ChartView;
import dev.tradedesk.ui.chart.LiveBarRouter;
import dev.tradedesk.ui.live.MarketUpdate;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the selected symbol at the selected timeframe: loads its one-minute history from the store
 * on a background thread, aggregates it to the timeframe, and then keeps the chart live from the
 * market updates the frame loop hands over. Live bars that arrive while the history loads are kept
 * and replayed, so nothing falls between history and live. Switching symbol, timeframe or indicator
 * parameters builds a fresh chart; a load that finishes after a newer switch is discarded. A new
 * chart first reads a recent window of the history ({@link #FIRST_READ_BARS}); once that is on
 * screen, the whole history loads behind it and replaces it in the same range. A symbol with no
 * stored minute shows the bars stored of the timeframe itself, as {@code snapshot} does (an
 * imported daily history at 1Day), until a reload finds minutes stored.
 *
 * <p>Confined to the JavaFX thread, except the history read, which runs on the loader executor.
 */
public final class ChartController {

    private static final Logger log = LoggerFactory.getLogger(ChartController.class);

    /** One-minute bars loaded for a chart: about 700 days, or 2.5 years of 1Day bars. */
    static final int MAX_HISTORY_BARS = 1_000_000;
    /**
     * Bars of the chart's timeframe that a new chart reads first (more if a restored range spans
     * more): fifty times the default view, and many times the indicators' warm-up (Wilder smoothing
     * forgets where it started within about 500 bars, below double precision). A cold read of
     * 100,000 minutes took 1.4 s and, on two cores, slowed the window's first layout beside it; a
     * history within this window (a week of minutes) is read once, with no second chart to build.
     */
    static final int FIRST_READ_BARS = 10_000;
    private static final int MIN_CAPACITY = 1 << 17;
    /**
     * How long repairs of the shown symbol must pause before its chart reloads. A backfill stores a
     * gap window by window, each a repair of its own (0.3-0.7 s apart in the smoke test), and a
     * reload reads the whole history again and builds a new chart: four in two seconds before this.
     */
    static final Duration REPAIR_SETTLE = Duration.seconds(1);
    /** The longest a reload waits after the first repair it is for, so that a long backfill still shows. */
    static final long REPAIR_MAX_DEFER_NANOS = 5_000_000_000L;
    /** Closed live minutes a reload replays: the store writes them a little after the chart shows them. */
    private static final int RECENT_LIVE_MINUTES = 64;

    private final WorkstationHost host;
    private final Executor loader;
    private final StackPane area = new StackPane();
    private final Label placeholder = new Label();
    /** What the provider last said is wrong with the shown symbol ("unknown symbol?"), or empty. */
    private String symbolProblem = "";
    private final ReadOnlyObjectWrapper<ChartView> view = new ReadOnlyObjectWrapper<>(this, "view");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper symbolTitle = new ReadOnlyStringWrapper(this, "symbolTitle", "");
    private final Consumer<ChartRange> rangeListener;

    private IndicatorParameters parameters;
    private ZoneId zone;
    private boolean levelOfDetail = true;
    private Symbol symbol;
    private Timeframe timeframe;
    private ChartRange rangeToRestore;
    /**
     * The latest load's number: written on the JavaFX thread, read on the loader's too, which skips a
     * load superseded while queued or while it ran.
     */
    private volatile long generation;
    private LiveBarRouter router;
    /** A minute bar that arrived while the history was loading, to replay in order. */
    private record HeldBar(Bar bar, boolean closed) {
    }

    /** Minute bars that arrived while the history loads; null once live. */
    private List<HeldBar> heldBack;
    /** The store had nothing yet: the first closed bars from the feed become the history. */
    private boolean awaitingFirstBars;
    /** The shown chart stays (and stays live) while its history loads again behind it. */
    private boolean reloading;
    /** The history was repaired while a load was under way: once more when that load is in. */
    private boolean reloadAgain;
    /** Runs the reload once repairs of the shown symbol pause; see {@link #REPAIR_SETTLE}. */
    private final PauseTransition repairSettle = new PauseTransition(REPAIR_SETTLE);
    /** {@link System#nanoTime()} of the first repair the pending reload waits for. */
    private long firstPendingRepair;
    /**
     * The chart on screen holds a recent window of the history until the whole of it replaces it.
     * While no load is under way, the whole history's load is still to start (after that chart's
     * first frame, {@link #afterFrame()}).
     */
    private final ReadOnlyBooleanWrapper olderHistoryLoading = new ReadOnlyBooleanWrapper(this, "olderHistoryLoading");
    /** The chart on screen has taken bars from the feed, not only stored ones. */
    private boolean showsLiveBars;
    /** Closed live minutes lately routed to the chart on screen, oldest first, and the one forming after them. */
    private final ArrayDeque<Bar> recentClosed = new ArrayDeque<>();
    private Bar recentForming;
    /** The provider's latest connection state, for what an empty chart says it waits for. */
    private ConnectionState connection;
    /** The watchlist has no symbol: a chart without one says how to add one, as there is none to select. */
    private boolean watchlistEmpty;
    private final Clock clock;

    /** @param timeframe the timeframe a chart is shown at until another is chosen: the settings' default */
    public ChartController(WorkstationHost host, Executor loader, IndicatorParameters parameters, ZoneId zone,
            Timeframe timeframe, Consumer<ChartRange> rangeListener) {
        this(host, loader, parameters, zone, timeframe, rangeListener, Clock.systemUTC());
    }

    /** @param clock this computer's clock, which tells whether a stored history's last bucket is over */
    public ChartController(WorkstationHost host, Executor loader, IndicatorParameters parameters, ZoneId zone,
            Timeframe timeframe, Consumer<ChartRange> rangeListener, Clock clock) {
        this.clock = clock;
        this.host = host;
        this.loader = loader;
        this.parameters = parameters;
        this.zone = zone;
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.rangeListener = rangeListener;
        area.setId("chartArea");
        area.getStyleClass().add("chart-area");
        repairSettle.setOnFinished(event -> reloadForBarsBehind());
        placeholder.setId("chartPlaceholder");
        placeholder.getStyleClass().add("chart-placeholder-text");
        // A provider's reason can be long: it wraps, centred, rather than running off the chart.
        placeholder.setWrapText(true);
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        placeholder.setMaxWidth(560);
        area.getChildren().add(placeholder);
        // A click on the chart takes the keyboard from the watchlist and the symbol box, so that
        // arrows pan it and digits switch its timeframe instead of moving rows or typing.
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> area.requestFocus());
        // Tab reaches it too, after the watchlist, so the keyboard alone can come back to the chart.
        // Up and Down, which it has no use for, would then move the keyboard out of it to the
        // control above or below, where the next digit or arrow does something else.
        area.setFocusTraversable(true);
        area.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.UP || event.getCode() == KeyCode.DOWN) {
                event.consume();
            }
        });
    }

    /** The node that holds the chart (or a message while there is none). */
    public StackPane node() {
        return area;
    }

    public ReadOnlyObjectProperty<ChartView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public Optional<ChartModel> model() {
        return Optional.ofNullable(view.get()).map(ChartView::model);
    }

    /** "AAPL · 5Min", for the chart's header. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "AAPL", the title without its timeframe: for a header short of room, whose selected timeframe button says it. */
    public ReadOnlyStringProperty symbolTitleProperty() {
        return symbolTitle.getReadOnlyProperty();
    }

    public Optional<Symbol> symbol() {
        return Optional.ofNullable(symbol);
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    /** Shows {@code newSymbol} (null: nothing) at {@code newTimeframe}, restoring {@code range} if given. */
    public void show(Symbol newSymbol, Timeframe newTimeframe, ChartRange range) {
        if (!Objects.equals(symbol, newSymbol)) {
            host.chartShowing(newSymbol);
            symbolProblem = "";
        }
        symbol = newSymbol;
        timeframe = newTimeframe;
        rangeToRestore = range;
        rebuild();
    }

    /** Loads the shown chart again from the host's history, which now holds other bars (another provider's). */
    public void reload() {
        if (symbol != null) {
            rebuild();
        }
    }

    /**
     * Shows the chart at {@code newTimeframe}. A range panned back into the past stays in view (the
     * same middle, as wide as the new timeframe allows); a range following the live edge becomes
     * the default view of the latest bars.
     */
    public void setTimeframe(Timeframe newTimeframe) {
        if (newTimeframe != timeframe) {
            ChartRange past = model().map(ChartModel::range).filter(range -> !range.followsLiveEdge()).orElse(null);
            show(symbol, newTimeframe, past);
        }
    }

    /** New indicator parameters (settings, or the settings dialog's live preview): recomputes the chart. */
    public void setIndicatorParameters(IndicatorParameters newParameters) {
        if (!newParameters.equals(parameters)) {
            parameters = newParameters;
            // While the chart of the previous change still loads, the range it is to restore is the
            // user's: the settings dialog's preview sends a change per keystroke, and Cancel one more.
            rangeToRestore = model().map(ChartModel::range).orElse(rangeToRestore);
            rebuild();
        }
    }

    public void setZone(ZoneId newZone) {
        zone = newZone;
        if (view.get() != null) {
            view.get().zoneProperty().set(newZone);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public void setLevelOfDetail(boolean enabled) {
        levelOfDetail = enabled;
        model().ifPresent(model -> model.setLevelOfDetail(enabled));
    }

    public boolean levelOfDetail() {
        return levelOfDetail;
    }

    /**
     * Routes the selected symbol's new minute bars to the chart, and reloads it once bars that came
     * behind it (the store's repairs of gaps in its history, late minutes of a bar it closed by the
     * clock) pause ({@link #REPAIR_SETTLE}); called once per pulse.
     */
    public void apply(MarketUpdate update) {
        if (update.connection() != null) {
            connection = update.connection();
        }
        if (symbol == null) {
            return;
        }
        String problem = update.problems().get(symbol);
        // Ended without a quote yet (the store answered for a symbol that waited for it): the empty
        // chart stops blaming it while the backfill brings its first bars.
        boolean problemOver = problem == null && !symbolProblem.isEmpty() && update.problemsOver().contains(symbol);
        if (problem != null) {
            symbolProblem = problem;
        } else if (problemOver) {
            symbolProblem = "";
        }
        if (awaitingFirstBars && (update.connection() != null || problem != null || problemOver)) {
            placeholder.setText(waitingText());
        }
        if (update.repairedHistory().contains(symbol)) {
            barsCameBehind();
        }
        List<Bar> closed = update.closedBars().getOrDefault(symbol, List.of());
        Bar forming = update.formingBars().get(symbol);
        if (closed.isEmpty() && forming == null) {
            return;
        }
        if (heldBack != null) {
            closed.forEach(bar -> heldBack.add(new HeldBar(bar, true)));
            if (forming != null) {
                heldBack.add(new HeldBar(forming, false));
            }
            if (awaitingFirstBars && !closed.isEmpty()) {
                startFromHeldBars();
            }
            if (reloading && router != null) {
                route(closed, forming); // the chart on screen, until the reloaded one replaces it
            }
            return;
        }
        if (router != null) {
            route(closed, forming);
        }
    }

    private void route(List<Bar> closed, Bar forming) {
        showsLiveBars = true;
        for (Bar bar : closed) {
            if (recentClosed.size() == RECENT_LIVE_MINUTES) {
                recentClosed.removeFirst();
            }
            recentClosed.addLast(bar);
        }
        if (forming != null) {
            recentForming = forming;
        }
        try {
            closed.forEach(router::closedMinute);
            if (forming != null) {
                router.formingMinute(forming);
            }
        } catch (IllegalArgumentException refused) {
            log.warn("Chart of {} refused a bar: {}", symbol, refused.getMessage());
        }
        if (router.takeBehindClosedBar()) {
            // Minutes of the last bar the history ended with, closed as the clock was past it (a
            // backfill after a restart, or of a new symbol, goes on where the history stopped).
            barsCameBehind();
        }
    }

    /** A chart whose history is the closed bars the feed sent first (their indicators take microseconds). */
    private void startFromHeldBars() {
        awaitingFirstBars = false;
        BarColumns minutes = new BarColumns(heldBack.size());
        for (HeldBar held : heldBack) {
            if (held.closed() && (minutes.isEmpty() || held.bar().time() > minutes.time(minutes.size() - 1))) {
                minutes.add(held.bar());
            }
        }
        ZoneId dayZone = host.tradingDayZone();
        ChartModel model = new ChartModel(new SeriesKey(symbol, timeframe), dayZone, parameters, MIN_CAPACITY);
        LiveBarRouter newRouter = new LiveBarRouter(timeframe, dayZone, model);
        model.loadHistory(newRouter.historyFor(minutes));
        attach(generation, model, newRouter, minutes.size(), false);
    }

    /**
     * Bars came behind the chart: a repaired gap was stored, or minutes came of a bar the chart had
     * closed by the clock. (Re)starts the wait for such news to pause, unless the first of it has
     * waited long enough; the chart then reloads once.
     */
    private void barsCameBehind() {
        long now = System.nanoTime();
        if (repairSettle.getStatus() != Animation.Status.RUNNING) {
            firstPendingRepair = now;
            repairSettle.playFromStart();
        } else if (now - firstPendingRepair < REPAIR_MAX_DEFER_NANOS) {
            repairSettle.playFromStart();
        }
    }

    /**
     * Bars older than the chart's newest were stored (a repaired gap), or minutes came of a bar the
     * chart had closed by the clock: loads the history again behind the chart on screen, which stays
     * live until the new one, in the same range, replaces it. Repairs during a load are taken by one
     * more load after it.
     */
    private void reloadForBarsBehind() {
        if (heldBack != null) {
            reloadAgain = true; // the load under way may have read the store before these bars
            return;
        }
        if (view.get() == null) {
            return;
        }
        log.info("Bars of {} came behind its chart (a repaired gap, or minutes of a bar it had closed): reloading it",
                symbol);
        load(true);
    }

    private void rebuild() {
        load(false);
    }

    /**
     * Whether history is still to come: a load is under way, or the chart on screen holds a recent
     * window whose older bars load after its first frame.
     */
    public boolean loadingHistory() {
        return heldBack != null || olderHistoryLoading.get();
    }

    /** True while the chart on screen shows only its latest bars and the older ones are still loading. */
    public ReadOnlyBooleanProperty olderHistoryLoadingProperty() {
        return olderHistoryLoading.getReadOnlyProperty();
    }

    /** Whether there is a chart on screen and it has drawn every bar it was given. */
    boolean drawnUpToDate() {
        return view.get() != null && view.get().drawnUpToDate();
    }

    /** Whether the chart on screen has taken bars from the feed. */
    boolean showsLiveBars() {
        return showsLiveBars;
    }

    /**
     * After each pulse's layout: once a recent window of the history has been laid out on screen,
     * loads the whole history behind it (not sooner, so the read does not compete with that frame).
     */
    void afterFrame() {
        if (olderHistoryLoading.get() && heldBack == null && drawnUpToDate()) {
            load(true);
        }
    }

    /** Minutes a new chart reads first: {@link #FIRST_READ_BARS} plus a restored live range's span. */
    private static int firstReadMinutes(Timeframe frame, ChartRange restore) {
        if (restore != null && !restore.followsLiveEdge()) {
            return MAX_HISTORY_BARS; // a range back in the history: read all of it at once
        }
        long bars = FIRST_READ_BARS + (restore == null ? 0 : restore.spanMillis() / frame.millis());
        long minutes = bars * (frame.millis() / Timeframe.ONE_MINUTE.millis());
        return (int) Math.min(minutes, MAX_HISTORY_BARS);
    }

    /** Loads the chart's history on the loader thread; {@code keepShown}: behind the chart on screen. */
    private void load(boolean keepShown) {
        long load = ++generation;
        awaitingFirstBars = false;
        reloading = keepShown;
        reloadAgain = false;
        if (!keepShown) {
            repairSettle.stop(); // the new chart reads the store afresh
            area.getChildren().setAll(placeholder);
            view.set(null);
            router = null;
            olderHistoryLoading.set(false);
            recentClosed.clear();
            recentForming = null;
        }
        if (symbol == null) {
            symbolTitle.set("");
            title.set("");
            placeholder.setText(noSymbolText());
            heldBack = null;
            return;
        }
        Symbol loading = symbol;
        Timeframe frame = timeframe;
        IndicatorParameters params = parameters;
        int minutes = keepShown ? MAX_HISTORY_BARS : firstReadMinutes(frame, rangeToRestore);
        symbolTitle.set(loading.value());
        title.set(loading.value() + " · " + frame.label());
        if (!keepShown) {
            placeholder.setText("Loading " + loading.value() + " …");
        }
        heldBack = new ArrayList<>();
        if (keepShown) {
            // The store may not hold the latest live minutes yet: the new chart takes them again.
            recentClosed.forEach(bar -> heldBack.add(new HeldBar(bar, true)));
            if (recentForming != null) {
                heldBack.add(new HeldBar(recentForming, false));
            }
        }
        try {
            loader.execute(() -> {
                if (load != generation) {
                    return; // superseded while queued: a symbol or timeframe held down queues a load a key repeat
                }
                if (keepShown) {
                    // The chart on screen has taken live minutes the store writer may not have stored
                    // yet: a backfill's, which made this reload (minutes of a bar closed by the clock),
                    // can be thousands, more than the recent ones the new chart takes again.
                    host.awaitStoredBars();
                }
                long started = System.nanoTime();
                StoredMinutes stored = host.minuteHistory(loading, minutes);
                // After the read, which waits for a provider switch under way: the new provider's days.
                ZoneId dayZone = host.tradingDayZone();
                boolean partial = minutes < MAX_HISTORY_BARS && stored.earlierStored();
                // The bars stored of the timeframe itself (an imported daily history), read whole at
                // once: the chart's history where no minute is stored (live minutes extend them
                // through the router), else the part older than the first minute, once all is read.
                BarColumns ofTimeframe = frame == Timeframe.ONE_MINUTE || partial ? new BarColumns(0)
                        : host.timeframeHistory(loading, frame, dayZone, MAX_HISTORY_BARS);
                boolean ownTimeframe = stored.bars().isEmpty() && frame != Timeframe.ONE_MINUTE;
                BarColumns bars = ownTimeframe ? ofTimeframe : stored.bars();
                long read = System.nanoTime();
                int held = stored.bars().size() + ofTimeframe.size();
                int capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY, held + held / 4) - 1) << 1;
                ChartModel model = new ChartModel(new SeriesKey(loading, frame), dayZone, params,
                        Math.min(ChartModel.MAX_CAPACITY, capacity));
                LiveBarRouter newRouter = new LiveBarRouter(frame, dayZone, model);
                model.loadHistory(newRouter.historyFor(ofTimeframe, stored.bars()));
                log.info("Chart of {} {}: {} {} bars read in {} ms, computed in {} ms{}", loading, frame, bars.size(),
                        ownTimeframe ? frame.label() : "minute", (read - started) / 1_000_000,
                        (System.nanoTime() - read) / 1_000_000, partial ? " (the latest; the rest follows)" : "");
                if (load == generation) {
                    // A chart holds tens of MB until the JavaFX thread takes it: none for a load superseded meanwhile.
                    Platform.runLater(() -> attach(load, model, newRouter, bars.size(), partial));
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            placeholder.setText("Shutting down");
        }
    }

    /**
     * Whether the watchlist has no symbol at all; while no chart is shown, its text follows. The list
     * may empty before or after the selection goes, so either order ends with the right text.
     */
    public void setWatchlistEmpty(boolean empty) {
        watchlistEmpty = empty;
        if (symbol == null) {
            placeholder.setText(noSymbolText());
        }
    }

    private String noSymbolText() {
        return watchlistEmpty
                ? "Add a symbol: type it in the box above the watchlist (" + WorkstationMenus.FIND_SYMBOL.getDisplayText()
                        + ") and press Enter"
                : "Select a symbol in the watchlist";
    }

    /** What an empty chart waits for, and why it may wait in vain: the provider stopped or is not answering. */
    private String waitingText() {
        String waiting = "Waiting for the first bars of " + symbol.value();
        if (connection == null) {
            return waiting + " from the provider …";
        }
        return switch (connection.status()) {
            case STOPPED -> "No bars of " + symbol.value() + ": market data stopped — " + connection.reason();
            case BACKING_OFF -> waiting + ": the provider is not answering; retrying …";
            default -> symbolProblem.isEmpty() ? waiting + " from the provider …"
                    : "No bars of " + symbol.value() + " yet — " + symbolProblem;
        };
    }

    /**
     * Back on the JavaFX thread: shows the loaded chart and replays what arrived meanwhile;
     * {@code partial}: it holds only a recent window of the stored history.
     */
    private void attach(long load, ChartModel model, LiveBarRouter newRouter, int historyBars, boolean partial) {
        if (load != generation) {
            return;
        }
        if (historyBars == 0) {
            // Nothing stored yet (first start): an empty chart would have to cope with its first bar;
            // wait for the backfill instead, which arrives as closed bars within seconds.
            awaitingFirstBars = true;
            placeholder.setText(waitingText());
            if (heldBack.stream().anyMatch(HeldBar::closed)) {
                startFromHeldBars();
            }
            return;
        }
        if (reloading) {
            rangeToRestore = model().map(ChartModel::range).orElse(rangeToRestore); // where the user is now
            reloading = false;
        }
        model.setLevelOfDetail(levelOfDetail);
        ChartView chart = new ChartView(model, zone, Locale.getDefault());
        router = newRouter;
        showsLiveBars = false;
        List<HeldBar> replay = heldBack;
        heldBack = null;
        recentClosed.clear();
        recentForming = null;
        Bar lastForming = null;
        for (HeldBar held : replay) {
            if (held.closed()) {
                route(List.of(held.bar()), null);
            } else {
                lastForming = held.bar();
            }
        }
        // A history that ended in an earlier bucket (the provider not answering, a market closed
        // since) shows its last bar as closed; the bucket still running shows as forming. Judged
        // after the closed minutes that came meanwhile, which may belong to that bucket.
        router.finishHistory(clock.millis());
        if (lastForming != null) {
            route(List.of(), lastForming);
        }
        if (rangeToRestore != null) {
            model.setRange(rangeToRestore);
            rangeToRestore = null;
        }
        model.rangeProperty().addListener((property, before, after) -> rangeListener.accept(after));
        area.getChildren().setAll(chart.node());
        view.set(chart);
        olderHistoryLoading.set(partial);
        if (reloadAgain) {
            reloadForBarsBehind();
        }
    }
}
