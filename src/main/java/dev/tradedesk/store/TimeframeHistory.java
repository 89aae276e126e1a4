package dev.tradedesk.store;

import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The bars stored of a chart's timeframe itself, as {@code import --timeframe 1Day} stores a daily
 * history. The workstation's chart and {@code snapshot} chart a symbol from its minutes (aggregated
 * to the timeframe) after those of these bars that are older than the first minute, and from these
 * alone where no minute is stored (LiveBarRouter joins the two). Before, a symbol with 300 imported
 * daily bars showed nothing, and then, once minutes of it were recorded, only the days of those.
 */
public final class TimeframeHistory {

    private TimeframeHistory() {
    }

    /**
     * The latest {@code count} bars stored of {@code symbol} at {@code timeframe}, oldest first, daily
     * ones on their trading days ({@link #onTradingDays}). Empty at 1Min: a chart of minutes is made of
     * stored minutes only. Reads the database.
     */
    public static BarColumns latest(HistoryStore store, Symbol symbol, Timeframe timeframe, int count) {
        BarColumns own = new BarColumns(0);
        if (timeframe == Timeframe.ONE_MINUTE) {
            return own;
        }
        store.latest(new SeriesKey(symbol, timeframe), count).appendTo(own);
        return timeframe == Timeframe.ONE_DAY ? onTradingDays(own) : own;
    }

    /**
     * Daily bars placed where the chart's daily axis and readout expect them, at the start of their
     * trading day in New York (BarAggregator.EXCHANGE_ZONE). A series imported as UTC days (the bar of
     * 2025-02-24 at 00:00Z, which import takes) would otherwise be named by the day before, as
     * "2025-02-23 Sun" at 19:00 in New York; bars opening New York's days stay as they are.
     */
    public static BarColumns onTradingDays(BarColumns daily) {
        BarColumns placed = new BarColumns(daily.size());
        for (int i = 0; i < daily.size(); i++) {
            long time = daily.time(i);
            if (Timeframe.ONE_DAY.gridStart(time) == time) { // a UTC midnight, never New York's
                time = LocalDate.ofInstant(Instant.ofEpochMilli(time), ZoneOffset.UTC)
                        .atStartOfDay(BarAggregator.EXCHANGE_ZONE).toInstant().toEpochMilli();
            }
            placed.add(time, daily.open(i), daily.high(i), daily.low(i), daily.close(i), daily.volume(i));
        }
        return placed;
    }
}
