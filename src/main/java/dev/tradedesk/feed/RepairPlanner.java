package dev.tradedesk.feed;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decides when the scheduler passes over the completeness ledger's missing ranges and which
 * history requests a pass makes: at start, after a failure, and every {@link #EVERY_CYCLES}
 * cycles; below each symbol's horizon (where handing over stood at the previous pass, so that
 * queued store writes have landed); in windows of the scheduler's size (smaller if all watched
 * symbols' bars would not fit one provider page), symbols with the same
 * missing window in one request; at most {@link #REQUESTS_PER_PASS} requests. A window that comes
 * back incomplete (records the provider sent were invalid) is asked again after a wait that grows,
 * {@link #RETRY_AFTER}, and after {@link #ATTEMPTS} such answers is left for the next start: asked
 * at every pass, a provider's passing trouble of twenty seconds used up the attempts and left the
 * hole for the rest of the session. Confined to the scheduler thread.
 */
final class RepairPlanner {

    /** Cycles between two passes when nothing failed. */
    static final int EVERY_CYCLES = 5;
    /** History requests per pass, so a long list of holes cannot starve the live cycle. */
    static final int REQUESTS_PER_PASS = 10;
    /** Incomplete fetches of one window before this session gives up on it. */
    static final int ATTEMPTS = 4;
    /** The wait before a window is asked again after its first, second and later incomplete answers. */
    static final List<Duration> RETRY_AFTER = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));

    /** One repair request: the same missing window of several symbols. */
    record Request(TimeRange range, List<Symbol> symbols) {
    }

    /**
     * A symbol's window, its end included: a hole that grew (the minute after it went missing too)
     * is a window of its own, asked for whole, where a key of its start alone found the attempts of
     * the smaller hole spent and skipped the new minute without a word.
     */
    private record Window(Symbol symbol, TimeRange range) {
    }

    /** A window's incomplete answers so far, and the {@code nanoTime} from which it may be asked again. */
    private record Attempts(int count, long askableFrom) {
    }

    private final BarHistory history;
    private final Timeframe timeframe;
    private final int windowBars;
    private final int barsPerRequest;
    private final Map<Symbol, Long> horizon = new HashMap<>();
    private final LongSupplier nanoTime;
    /** Per symbol and window, its incomplete answers so far and when it may be asked again. */
    private final Map<Window, Attempts> attempts = new HashMap<>();
    private boolean due = true;
    private int cyclesSincePass;

    /** @param barsPerRequest the provider's page, shared by the symbols of a request ({@link MarketDataProvider#barsPerRequest}) */
    RepairPlanner(BarHistory history, Timeframe timeframe, int windowBars, int barsPerRequest) {
        this(history, timeframe, windowBars, barsPerRequest, System::nanoTime);
    }

    /** @param nanoTime the scheduler's timer ({@link System#nanoTime()}; a test's clock) */
    RepairPlanner(BarHistory history, Timeframe timeframe, int windowBars, int barsPerRequest, LongSupplier nanoTime) {
        this.history = history;
        this.timeframe = timeframe;
        this.windowBars = windowBars;
        this.barsPerRequest = barsPerRequest;
        this.nanoTime = nanoTime;
    }

    /** Handing over of {@code symbol} starts at {@code start} in this session: older holes are repairable at once. */
    void startsAt(Symbol symbol, long start) {
        horizon.put(symbol, start);
    }

    void failed() {
        due = true;
    }

    /**
     * The requests of this cycle's pass, or an empty list if no pass is due (each call counts a
     * cycle). Moves each symbol's horizon to where handing over stands now.
     */
    List<Request> plan(List<Symbol> watched, Map<Symbol, Long> coveredUntil) {
        if (!due && ++cyclesSincePass < EVERY_CYCLES) {
            return List.of();
        }
        Map<TimeRange, List<Symbol>> windows = new LinkedHashMap<>();
        long now = nanoTime.getAsLong();
        // Every watched symbol may share a window (after a crash they usually do): keep it one page.
        long windowMillis = Math.max(1, Math.min(windowBars, barsPerRequest / Math.max(1, watched.size()))) * timeframe.millis();
        // Windows are only collected up to one more than a pass makes: a gap can be years long (a
        // bar imported with a date far ahead leaves one up to it), and the rest waits anyway.
        symbols:
        for (Symbol symbol : watched) {
            Long below = horizon.get(symbol);
            if (below == null) {
                continue;
            }
            for (TimeRange gap : history.missing(new SeriesKey(symbol, timeframe), Long.MIN_VALUE, below)) {
                for (long from = gap.from(); from < gap.until(); from += windowMillis) {
                    TimeRange window = new TimeRange(from, Math.min(gap.until(), from + windowMillis));
                    if (askable(symbol, window, now)) {
                        windows.computeIfAbsent(window, key -> new ArrayList<>()).add(symbol);
                        if (windows.size() > REQUESTS_PER_PASS) {
                            break symbols;
                        }
                    }
                }
            }
        }
        watched.forEach(symbol -> {
            Long covered = coveredUntil.get(symbol);
            if (covered != null) {
                horizon.put(symbol, covered);
            }
        });
        List<Request> requests = new ArrayList<>();
        windows.forEach((range, symbols) -> requests.add(new Request(range, List.copyOf(symbols))));
        due = requests.size() > REQUESTS_PER_PASS; // the rest waits for the next cycle
        cyclesSincePass = 0;
        return requests.subList(0, Math.min(requests.size(), REQUESTS_PER_PASS));
    }

    /**
     * Counts an incomplete fetch of {@code range}, which is asked again after its wait
     * ({@link #RETRY_AFTER}); returns true when this session now gives up on it.
     */
    boolean incomplete(Symbol symbol, TimeRange range) {
        Window window = new Window(symbol, range);
        Attempts before = attempts.get(window);
        int count = before == null ? 1 : before.count() + 1;
        Duration wait = RETRY_AFTER.get(Math.min(count, RETRY_AFTER.size()) - 1);
        attempts.put(window, new Attempts(count, nanoTime.getAsLong() + wait.toNanos()));
        return count == ATTEMPTS;
    }

    private boolean askable(Symbol symbol, TimeRange window, long now) {
        Attempts tried = attempts.get(new Window(symbol, window));
        return tried == null || tried.count() < ATTEMPTS && now - tried.askableFrom() >= 0;
    }
}
