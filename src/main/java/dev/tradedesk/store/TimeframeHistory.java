package dev.tradedesk.store;

import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
     * ones on their trading days in {@code tradingDayZone} ({@link #onTradingDays}). Empty at 1Min: a
     * chart of minutes is made of stored minutes only. Reads the database.
     */
    public static BarColumns latest(HistoryStore store, Symbol symbol, Timeframe timeframe, ZoneId tradingDayZone,
            int count) {
        BarColumns own = new BarColumns(0);
        if (timeframe == Timeframe.ONE_MINUTE) {
            return own;
        }
        store.latest(new SeriesKey(symbol, timeframe), count).appendTo(own);
        return timeframe == Timeframe.ONE_DAY ? onTradingDays(own, tradingDayZone) : own;
    }

    /**
     * Daily bars placed where the chart's daily axis and readout expect them, at the start of their
     * trading day in {@code tradingDayZone}. Import takes a daily bar at the start of a New York day or
     * of a UTC day, whatever the market: a stock's series imported as UTC days (the bar of 2025-02-24
     * at 00:00Z) would otherwise be named by the day before in New York, "2025-02-23 Sun" at 19:00,
     * and a crypto series imported as New York days would sit five hours into its UTC day. A bar is
     * moved to the start of the same date in the market's zone; bars opening its days stay as they are.
     */
    public static BarColumns onTradingDays(BarColumns daily, ZoneId tradingDayZone) {
        BarColumns placed = new BarColumns(daily.size());
        for (int i = 0; i < daily.size(); i++) {
            long time = daily.time(i);
            if (BarAggregator.dayStartOf(time, tradingDayZone) != time) {
                ZoneId stampedIn = Timeframe.ONE_DAY.gridStart(time) == time ? ZoneOffset.UTC : BarAggregator.NEW_YORK;
                time = LocalDate.ofInstant(Instant.ofEpochMilli(time), stampedIn)
                        .atStartOfDay(tradingDayZone).toInstant().toEpochMilli();
            }
            placed.add(time, daily.open(i), daily.high(i), daily.low(i), daily.close(i), daily.volume(i));
        }
        return placed;
    }
}
