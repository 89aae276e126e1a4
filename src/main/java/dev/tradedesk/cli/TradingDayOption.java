package dev.tradedesk.cli;

import dev.tradedesk.feed.ProviderKind;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/**
 * {@code --day-zone}, shared by the commands that build daily bars from stored minutes: whose
 * calendar days a daily bar spans. The store does not say which provider's bars a series holds, so
 * the default is the market of the provider the settings name, as the workstation charts it.
 */
final class TradingDayOption {

    @Option(names = "--day-zone", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "The zone whose days daily bars span (default: that of the market the bars come from,"
                    + " the settings' provider's, or the simulated exchange's for its own history and prices:"
                    + " America/New_York for it and Alpaca, UTC for Binance and Coinbase).")
    private ZoneId zone;

    /** The zone asked for, else that of {@code provider}'s market. */
    ZoneId zone(ProviderKind provider) {
        return zone != null ? zone : provider.tradingDayZone();
    }
}
