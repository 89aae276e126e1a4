package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.RepeatingFailures;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where handing over stands per symbol, shared by the {@link PriceScheduler}'s lanes: the bound
 * before which every closed bar has been handed over, and the forming bar held until the closed
 * bars before it arrive (the engine takes bars strictly in order, and a closed bar never changes).
 * Confined to the scheduler thread.
 */
final class HandoverLedger {

    private static final Logger log = LoggerFactory.getLogger(HandoverLedger.class);

    /** A forming bar waiting for the closed bars before it, with when its response was parsed. */
    record Held(Bar bar, long responseNanos) {
    }

    private final BarHistory history;
    private final PriceScheduler.Config config;
    private final ZoneId tradingDayZone;
    private final Clock marketClock;
    private final RepairPlanner repairs;
    /** Exclusive bound per symbol: every closed bar before it has been handed over. */
    private final Map<Symbol, Long> coveredUntil = new HashMap<>();
    private final Map<Symbol, Held> held = new HashMap<>();
    /**
     * A new symbol's history the store cannot tell, or its tracking start it cannot record, cycle
     * after cycle (a full disk): told once, then summarized.
     */
    private final RepeatingFailures refusedCalls = RepeatingFailures.everyMinute();
    /** The new symbols the last {@link #known} left out, with the store's reason. */
    private Map<Symbol, String> waiting = Map.of();
    /**
     * Every symbol {@link #known} left out and the store has not answered for since, watched or not:
     * one removed while it waited and put back later was told as waiting too.
     */
    private final Set<Symbol> leftOut = new HashSet<>();
    /** The symbols whose wait ended and that no batch has told yet; the same empty set while none. */
    private Set<Symbol> storeAnswered = Set.of();

    /** @param tradingDayZone whose days the provider's market trades in: a look-back of days starts at one's start */
    HandoverLedger(BarHistory history, PriceScheduler.Config config, ZoneId tradingDayZone, Clock marketClock,
            RepairPlanner repairs) {
        this.history = history;
        this.config = config;
        this.tradingDayZone = tradingDayZone;
        this.marketClock = marketClock;
        this.repairs = repairs;
    }

    /** Where handing over of {@code symbol} stands; found out the first time the symbol is seen. */
    long coverage(Symbol symbol) {
        return coveredUntil.computeIfAbsent(symbol, this::firstUncoveredTime);
    }

    /**
     * The symbols of {@code watched} whose handing over can go on: those seen before, and each new
     * one once the store has said where its history ends and recorded where its tracking starts
     * ({@link #coverage}). A new symbol the store cannot do that for now (while its disk is full it
     * refuses writes, and reads too while it cannot reopen its file) is left out and asked again at
     * the next call; it is told in the log, named with the store's reason by {@link #waiting}, and
     * the others go on without it; once the store answers for it, {@link #storeAnswered} names it.
     * Returns {@code watched} itself when nothing is left out.
     */
    List<Symbol> known(List<Symbol> watched) {
        Map<Symbol, String> refused = null;
        for (Symbol symbol : watched) {
            if (knows(symbol)) {
                continue;
            }
            String refusal = refusalToFindOut(symbol);
            if (refusal != null) {
                if (refused == null) {
                    refused = new LinkedHashMap<>();
                }
                refused.put(symbol, refusal);
            }
        }
        if (refused == null) {
            waiting = Map.of();
            return watched;
        }
        waiting = Collections.unmodifiableMap(refused);
        leftOut.addAll(refused.keySet());
        List<Symbol> known = new ArrayList<>(watched);
        known.removeAll(refused.keySet());
        return known;
    }

    /**
     * The new symbols the last {@link #known} left out, each with the store's reason: their history
     * and prices wait for the store, which the watchlist says rather than showing them blank. Empty
     * (and the same empty map every time) while nothing waits.
     */
    Map<Symbol, String> waiting() {
        return waiting;
    }

    /**
     * The symbols {@link #known} left out before and has since found out, whose wait for the store is
     * over (their history is fetched now), until {@link #storeAnsweredTold}: the watchlist's "waiting
     * for the history store" is wrong from then on, though no price may come for a while, or ever if
     * the provider fails. Empty (and the same empty set every time) while no wait ended.
     */
    Set<Symbol> storeAnswered() {
        return storeAnswered.isEmpty() ? storeAnswered : Collections.unmodifiableSet(storeAnswered);
    }

    /**
     * The listener has a latest answer's batch naming {@link #storeAnswered}: they are not named
     * again. (A failed cycle's batch names them with its failure and leaves them untold, so that
     * the answer after the outage ends that failure too.)
     */
    void storeAnsweredTold() {
        storeAnswered = Set.of();
    }

    /** Whether where handing over of {@code symbol} stands is known, so {@link #coverage} reads no store. */
    boolean knows(Symbol symbol) {
        return coveredUntil.containsKey(symbol);
    }

    /**
     * Asks the store where handing over of the new {@code symbol} starts, and to take its tracking
     * start if it had none; returns why it could not (while the disk is full the store reads, but
     * refuses that write), or {@code null} once it did.
     */
    private String refusalToFindOut(Symbol symbol) {
        try {
            coverage(symbol);
        } catch (RuntimeException refused) {
            refusedCalls.report(refused, () -> log.warn("{} {}: its history and prices wait until the store can tell where"
                    + " its stored history ends and record where its tracking starts (the other symbols go on): {}", symbol,
                    config.timeframe().label(), refused.getMessage()),
                    repeats -> log.warn("New symbols still wait for the store: {} more tries failed the same way: {}",
                            repeats, refused.getMessage()));
            return refused.getMessage() != null ? refused.getMessage() : refused.toString();
        }
        long refusedBefore = refusedCalls.succeeded();
        if (refusedBefore > 0) {
            log.info("{} {}: the store answered after {} refused tries; its history is fetched now", symbol,
                    config.timeframe().label(), refusedBefore);
        }
        if (leftOut.remove(symbol)) {
            if (storeAnswered.isEmpty()) {
                storeAnswered = new LinkedHashSet<>();
            }
            storeAnswered.add(symbol);
        }
        return null;
    }

    /** Every symbol's bound so far, read-only. */
    Map<Symbol, Long> coveredUntil() {
        return Collections.unmodifiableMap(coveredUntil);
    }

    /** Records new bounds; call only once the listener has the bars, so a failed hand-over is fetched again. */
    void coverUntil(Map<Symbol, Long> newCoverage) {
        coveredUntil.putAll(newCoverage);
    }

    /** The forming bar held for {@code symbol}, or {@code null}. */
    Held held(Symbol symbol) {
        return held.get(symbol);
    }

    void hold(Symbol symbol, Bar forming, long responseNanos) {
        held.put(symbol, new Held(forming, responseNanos));
    }

    void release(Symbol symbol) {
        held.remove(symbol);
    }

    /** Drops the held bars of symbols no longer watched. */
    void keepHeldOnly(List<Symbol> watched) {
        held.keySet().retainAll(watched);
    }

    /**
     * The rest of the closed bars the held forming bars of {@code fetched} wait for: a bar closed
     * after the request left (the latest answer showed it), so it was not asked for.
     */
    Map<Symbol, long[]> stillHeld(Set<Symbol> fetched) {
        Map<Symbol, long[]> rest = new LinkedHashMap<>();
        for (Symbol symbol : fetched) {
            Held waiting = held.get(symbol);
            Long from = coveredUntil.get(symbol);
            if (waiting != null && from != null && from < waiting.bar().time()) {
                rest.put(symbol, new long[] {from, waiting.bar().time() - 1});
            }
        }
        return rest;
    }

    /**
     * Where handing over starts for a symbol seen for the first time: after its last stored bar,
     * else where its tracking started, else the look-back (from where it is then tracked); never
     * before the look-back's start. A series whose history ends before the look-back (stale, or a
     * bar imported from 1970) would otherwise be backfilled from there, window by window, before
     * any current bar is kept, and hold up the backfill of every series fetched with it; the time
     * before the look-back is left as a gap, said once in the log. Holes before the start are the
     * ledger's missing ranges (from the tracking start on), which the repair passes fill.
     */
    private long firstUncoveredTime(Symbol symbol) {
        SeriesKey series = new SeriesKey(symbol, config.timeframe());
        OptionalLong last = history.lastBarTime(series);
        OptionalLong since = history.trackedSince(series);
        long lookbackStart = lookbackStart(config, tradingDayZone, marketClock.millis());
        if (since.isEmpty() || !history.tradingDayZone(series).equals(Optional.of(tradingDayZone.normalized()))) {
            // Also for a series tracked before its market's days were recorded, or tracked from another market.
            history.track(series, since.orElse(lookbackStart), tradingDayZone);
        }
        long start = last.isPresent() ? last.getAsLong() + 1 : since.orElse(lookbackStart);
        if (start < lookbackStart) {
            String behind = last.isPresent() ? "its last stored bar opened at " + Instant.ofEpochMilli(last.getAsLong())
                    : "it is tracked since " + Instant.ofEpochMilli(since.getAsLong()) + " without a stored bar";
            log.info("{} {}: {}, before the {} look-back; backfilling from {}, the look-back's start, and leaving the"
                    + " time before it as a gap", symbol, config.timeframe().label(), behind, config.lookback(),
                    Instant.ofEpochMilli(lookbackStart));
            start = lookbackStart;
        }
        repairs.startsAt(symbol, start);
        return start;
    }

    /**
     * Where a new series' backfill starts. A look-back of a day or more starts at the beginning of
     * the market's day ({@code tradingDayZone}'s, as the chart and export build daily bars):
     * started two days back to the minute, the first daily and hourly bars built from the stored
     * minutes would be partial and shown as if whole.
     */
    static long lookbackStart(PriceScheduler.Config config, ZoneId tradingDayZone, long nowMillis) {
        long start = nowMillis - config.lookback().toMillis();
        if (config.lookback().compareTo(Duration.ofDays(1)) >= 0) {
            start = BarAggregator.dayStartOf(start, tradingDayZone);
        }
        return config.timeframe().gridStart(start);
    }
}
