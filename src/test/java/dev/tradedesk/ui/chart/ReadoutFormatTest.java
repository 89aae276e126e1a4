package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.IndicatorSnapshot;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReadoutFormatTest {

    @Test
    void volumesKeepTheirPrecisionInTheReadout() {
        assertThat(ReadoutFormat.quantity(950)).isEqualTo("950");
        assertThat(ReadoutFormat.quantity(12_345)).isEqualTo("12.3K");
        assertThat(ReadoutFormat.quantity(4_560_000)).isEqualTo("4.56M");
        assertThat(ReadoutFormat.quantity(1_500_000)).isEqualTo("1.50M");
        assertThat(ReadoutFormat.quantity(Double.NaN)).isEqualTo("–");
    }

    @Test
    void volumeAxisTicksAreRoundNumbersWithoutTrailingZeros() {
        assertThat(ReadoutFormat.tickQuantity(0)).isEqualTo("0");
        assertThat(ReadoutFormat.tickQuantity(2_500)).isEqualTo("2500");
        assertThat(ReadoutFormat.tickQuantity(10_000)).isEqualTo("10K");
        assertThat(ReadoutFormat.tickQuantity(500_000)).isEqualTo("500K");
        assertThat(ReadoutFormat.tickQuantity(1_000_000)).isEqualTo("1M");
        assertThat(ReadoutFormat.tickQuantity(1_500_000)).isEqualTo("1.5M");
        assertThat(ReadoutFormat.tickQuantity(20_000_000)).isEqualTo("20M");
        assertThat(ReadoutFormat.tickQuantity(2_250_000_000.0)).isEqualTo("2.25B");
        assertThat(ReadoutFormat.tickQuantity(0.25)).isEqualTo("0.25");
    }

    @Test
    void aReadoutBreaksOnlyBetweenItemsNeverBetweenALabelAndItsValue() {
        IndicatorSnapshot bar = new IndicatorSnapshot(SeriesKey.of("AAPL", Timeframe.ONE_MINUTE), 7, true,
                Instant.parse("2026-12-05T04:06:00Z").toEpochMilli(), 128.70, 128.70, 128.66, 128.67, 1582,
                32.6, 11.9, 32.2, 0.2681, 0.1278, 2.10, 2.1, 100.0, 17_700, 0.09);
        String text = new ReadoutFormat(ZoneId.of("UTC")).format(bar);

        assertThat(text.split("\n")).hasSize(2);
        for (String line : text.split("\n")) {
            for (String item : line.split("  ")) {
                assertThat(item).as("an item of %s", line).isNotBlank().doesNotContain(" ");
            }
        }
        assertThat(text.replace(ReadoutFormat.NO_BREAK_SPACE, ' ')).isEqualTo(
                "2026-12-05 04:06 UTC (forming)  O 128.70  H 128.70  L 128.66  C 128.67  V 1582\n"
                + "%K 11.9  %D 32.2  band 2.1–100.0  RSI 32.6  ATR 0.2681  ATR MA 0.1278  vol ratio 2.10  vol SMA 17.7K  rel vol 0.09");
    }

    @Test
    void aDailyBarShowsItsTradingDayAndAnUndefinedBandOneDash() {
        // The bar of Thursday 3 December opens at New York's midnight, 05:00 UTC.
        IndicatorSnapshot day = new IndicatorSnapshot(SeriesKey.of("AAPL", Timeframe.ONE_DAY), 2, false,
                Instant.parse("2026-12-03T05:00:00Z").toEpochMilli(), 171.51, 174.90, 169.20, 172.00, 60_700_000,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
        String text = new ReadoutFormat(ZoneId.of("UTC")).format(day).replace(ReadoutFormat.NO_BREAK_SPACE, ' ');

        assertThat(text).startsWith("2026-12-03 Thu  O 171.51").contains("  band –  ").doesNotContain("05:00");
    }
}
