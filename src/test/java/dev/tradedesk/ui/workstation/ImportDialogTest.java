package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Timeframe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the import dialog guesses from a file's name before the user says. */
class ImportDialogTest {

    @Test
    void theSymbolIsTheLeadingRunOfSymbolCharactersUpperCased() {
        assertThat(ImportDialog.symbolIn(Path.of("/data/aapl_1min.csv"))).isEqualTo("AAPL");
        assertThat(ImportDialog.symbolIn(Path.of("BRK.B-daily.csv"))).isEqualTo("BRK.B");
        assertThat(ImportDialog.symbolIn(Path.of("btc-usd_1d.csv"))).as("a Coinbase product").isEqualTo("BTC-USD");
        assertThat(ImportDialog.symbolIn(Path.of("eth-usdt.csv"))).isEqualTo("ETH-USDT");
        assertThat(ImportDialog.symbolIn(Path.of("BTCUSDT-1h.csv"))).isEqualTo("BTCUSDT");
        assertThat(ImportDialog.symbolIn(Path.of("spy-2024.csv"))).as("cut at the dash before another word").isEqualTo("SPY");
        assertThat(ImportDialog.symbolIn(Path.of("abc-usdx.csv"))).as("no quote currency after the dash").isEqualTo("ABC");
        assertThat(ImportDialog.symbolIn(Path.of("_export.csv"))).isEmpty();
        assertThat(ImportDialog.symbolIn(Path.of("averyveryverylongname.csv"))).as("no symbol: too long").isEmpty();
    }

    @Test
    void theTimeframeIsTheOneTheNameNamesElseOneMinute() {
        assertThat(ImportDialog.timeframeIn(Path.of("spy-daily.csv"))).isEqualTo(Timeframe.ONE_DAY);
        assertThat(ImportDialog.timeframeIn(Path.of("SPY_1D.csv"))).isEqualTo(Timeframe.ONE_DAY);
        assertThat(ImportDialog.timeframeIn(Path.of("spy 15min 2024.csv"))).isEqualTo(Timeframe.FIFTEEN_MINUTES);
        assertThat(ImportDialog.timeframeIn(Path.of("spy.5m.csv"))).isEqualTo(Timeframe.FIVE_MINUTES);
        assertThat(ImportDialog.timeframeIn(Path.of("spy-1h.csv"))).isEqualTo(Timeframe.ONE_HOUR);
        assertThat(ImportDialog.timeframeIn(Path.of("dayton.csv"))).as("a word that starts with day").isEqualTo(Timeframe.ONE_MINUTE);
        assertThat(ImportDialog.timeframeIn(Path.of("spy.csv"))).isEqualTo(Timeframe.ONE_MINUTE);
    }
}
