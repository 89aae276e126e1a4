package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** Whose days export's and snapshot's daily bars span: asked for, recorded by the feed, or the settings' market's. */
class TradingDayOptionTest {

    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    static final class Command {
        @Mixin
        TradingDayOption days;
    }

    private static TradingDayOption parsed(String... args) {
        Command command = new Command();
        new CommandLine(command).parseArgs(args);
        return command.days;
    }

    @Test
    void theDaysRecordedForTheMinutesWinOverTheSettingsMarket() {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            store.track(new SeriesKey(BTC, Timeframe.ONE_MINUTE), 0, ZoneOffset.UTC);
            store.track(new SeriesKey(BTC, Timeframe.ONE_DAY), 0, NEW_YORK);

            assertThat(parsed().zone(store, BTC, Timeframe.ONE_DAY, ProviderKind.ALPACA)).isEqualTo(ZoneOffset.UTC);
            assertThat(parsed("--day-zone", "Asia/Tokyo").zone(store, BTC, Timeframe.ONE_DAY, ProviderKind.ALPACA))
                    .as("asked for").isEqualTo(ZoneId.of("Asia/Tokyo"));
        }
    }

    @Test
    void withoutRecordedMinutesTheSeriesOfTheTimeframeSaysElseTheSettingsMarket() {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            store.track(new SeriesKey(BTC, Timeframe.ONE_DAY), 0, ZoneOffset.UTC);
            store.track(new SeriesKey(Symbol.of("AAPL"), Timeframe.ONE_MINUTE), 0); // tracked, market not recorded

            assertThat(parsed().zone(store, BTC, Timeframe.ONE_DAY, ProviderKind.SIM)).isEqualTo(ZoneOffset.UTC);
            assertThat(parsed().zone(store, Symbol.of("AAPL"), Timeframe.ONE_DAY, ProviderKind.BINANCE))
                    .isEqualTo(ZoneOffset.UTC);
            assertThat(parsed().zone(store, Symbol.of("AAPL"), Timeframe.ONE_DAY, ProviderKind.ALPACA))
                    .isEqualTo(NEW_YORK);
        }
    }
}
