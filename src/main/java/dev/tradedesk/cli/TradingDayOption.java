package dev.tradedesk.cli;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.HistoryStore;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code --day-zone}, shared by the commands that build daily bars from stored minutes: whose
 * calendar days a daily bar spans. By default those of the market the bars came from, as the feed
 * that stored them recorded; a series it did not record (imported, or stored by an older build) is
 * taken to come from the market of the provider the settings name, as the workstation charts it.
 */
final class TradingDayOption {

    private static final Logger log = LoggerFactory.getLogger(TradingDayOption.class);

    @Option(names = "--day-zone", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "The zone whose days daily bars span (default: that of the market the bars came from, as"
                    + " the feed that stored them recorded; else the settings' provider's, or the simulated exchange's"
                    + " for its own history and prices: America/New_York for it and Alpaca, UTC for Binance and"
                    + " Coinbase).")
    private ZoneId zone;

    /** The zone asked for, else that of {@code provider}'s market. */
    ZoneId zone(ProviderKind provider) {
        return zone != null ? zone : provider.tradingDayZone();
    }

    /**
     * The zone asked for; else the one recorded in {@code store} for {@code symbol}'s minutes, from
     * which daily bars are built, or for its series at {@code timeframe}; else that of
     * {@code fallback}'s market.
     */
    ZoneId zone(HistoryStore store, Symbol symbol, Timeframe timeframe, ProviderKind fallback) {
        if (zone != null) {
            return zone;
        }
        Optional<ZoneId> recorded = store.tradingDayZone(new SeriesKey(symbol, Timeframe.ONE_MINUTE));
        if (recorded.isEmpty() && timeframe != Timeframe.ONE_MINUTE) {
            recorded = store.tradingDayZone(new SeriesKey(symbol, timeframe));
        }
        if (recorded.isPresent()) {
            log.info("{}: daily bars span the days of {}, as recorded by the feed that stored its bars", symbol,
                    named(recorded.get()));
            return recorded.get();
        }
        log.info("{}: no market recorded for its bars; daily bars span the days of {}, {}'s", symbol,
                named(fallback.tradingDayZone()), fallback.displayName());
        return fallback.tradingDayZone();
    }

    private static String named(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
