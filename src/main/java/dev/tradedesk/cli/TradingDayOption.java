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
            description = "The zone whose days daily bars span (default: the market of the settings' provider:"
                    + " America/New_York for the simulated exchange and Alpaca, UTC for Binance and Coinbase;"
                    + " America/New_York with --simulated or --demo).")
    private ZoneId zone;

    /** The zone asked for, else that of {@code provider}'s market. */
    ZoneId zone(ProviderKind provider) {
        return zone != null ? zone : provider.tradingDayZone();
    }
}
