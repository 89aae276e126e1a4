package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.IndicatorSnapshot;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.time.Instant;
import java.time.LocalDateTime;
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
    void aFractionOfACoinKeepsThreeSignificantDigitsAndNeverReadsAsNoVolume() {
        // One-minute bars of a pair at 98,000 USD a coin trade thousandths of a coin.
        assertThat(ReadoutFormat.quantity(0.00279)).isEqualTo("0.00279");
        assertThat(ReadoutFormat.quantity(0.00138)).isEqualTo("0.00138");
        assertThat(ReadoutFormat.quantity(0.0251)).isEqualTo("0.0251");
        assertThat(ReadoutFormat.quantity(0.5)).isEqualTo("0.500");
        assertThat(ReadoutFormat.quantity(0.00000001)).isEqualTo("0.00000001");
        assertThat(ReadoutFormat.quantity(12.5)).isEqualTo("12.50");
        assertThat(ReadoutFormat.quantity(0)).isEqualTo("0");
    }

    @Test
    void aVolumeThatRoundsUpToTheNextUnitIsWrittenInIt() {
        assertThat(ReadoutFormat.quantity(999_960)).isEqualTo("1.00M");
        assertThat(ReadoutFormat.quantity(999_940)).isEqualTo("999.9K");
        assertThat(ReadoutFormat.quantity(9_999.7)).isEqualTo("10.0K");
        assertThat(ReadoutFormat.quantity(999_996_000)).isEqualTo("1.00B");
        assertThat(ReadoutFormat.quantity(99.996)).isEqualTo("100");
        assertThat(ReadoutFormat.quantity(0.99996)).isEqualTo("1.00");
    }

    @Test
    void volumeAxisTicksAreWrittenExactlyNotToTheReadoutsThreeDigits() {
        // Ticks of a volume pane of a few hundredths of a coin, and of one between 1.1M and 1.2M.
        assertThat(ReadoutFormat.tickQuantity(0.025)).isEqualTo("0.025");
        assertThat(ReadoutFormat.tickQuantity(0.05)).isEqualTo("0.05");
        assertThat(ReadoutFormat.tickQuantity(0.0000125)).isEqualTo("0.0000125");
        assertThat(ReadoutFormat.tickQuantity(1_125_000)).isEqualTo("1.125M");
        assertThat(ReadoutFormat.tickQuantity(112_500)).isEqualTo("112.5K");
        assertThat(ReadoutFormat.tickQuantity(0.1 + 0.2)).isEqualTo("0.3");
    }

    @Test
    void volumeAxisTicksAreRoundNumbersWithoutTrailingZeros() {
        assertThat(ReadoutFormat.tickQuantity(0)).isEqualTo("0");
        assertThat(ReadoutFormat.tickQuantity(500)).isEqualTo("500");
        assertThat(ReadoutFormat.tickQuantity(10_000)).isEqualTo("10K");
        assertThat(ReadoutFormat.tickQuantity(500_000)).isEqualTo("500K");
        assertThat(ReadoutFormat.tickQuantity(1_000_000)).isEqualTo("1M");
        assertThat(ReadoutFormat.tickQuantity(1_500_000)).isEqualTo("1.5M");
        assertThat(ReadoutFormat.tickQuantity(20_000_000)).isEqualTo("20M");
        assertThat(ReadoutFormat.tickQuantity(2_250_000_000.0)).isEqualTo("2.25B");
        assertThat(ReadoutFormat.tickQuantity(0.25)).isEqualTo("0.25");
    }

    @Test
    void volumeAxisTicksWriteThousandsAsKFromOneThousandSoThatOneScaleHasOneUnit() {
        // The ticks of a full-screen 1Min volume pane; they read "7500, 5000, 2500" under "12.5K, 10K".
        double[] ticks = {0, 2_500, 5_000, 7_500, 10_000, 12_500};
        String[] labels = new String[ticks.length];
        for (int i = 0; i < ticks.length; i++) {
            labels[i] = ReadoutFormat.tickQuantity(ticks[i]);
        }
        assertThat(labels).containsExactly("0", "2.5K", "5K", "7.5K", "10K", "12.5K");
        assertThat(ReadoutFormat.tickQuantity(1_000)).isEqualTo("1K");
        assertThat(ReadoutFormat.tickQuantity(1_250)).isEqualTo("1.25K");
        assertThat(ReadoutFormat.tickQuantity(999)).isEqualTo("999");
    }

    @Test
    void priceTicksCarryTheDecimalsOfTheirStepAndNeverAnExponent() {
        assertThat(ReadoutFormat.priceTick(0.0000120, 0.0000005)).isEqualTo("0.0000120");
        assertThat(ReadoutFormat.priceTick(0.0000125, 0.0000005)).isEqualTo("0.0000125");
        assertThat(ReadoutFormat.priceTick(0.000925, 0.000025)).isEqualTo("0.000925");
        assertThat(ReadoutFormat.priceTick(2.3125, 0.0025)).isEqualTo("2.3125");
        assertThat(ReadoutFormat.priceTick(126.5, 0.25)).isEqualTo("126.50");
        assertThat(ReadoutFormat.priceTick(126.5, 0.5)).isEqualTo("126.5");
        assertThat(ReadoutFormat.priceTick(97_300, 100)).isEqualTo("97300");
        assertThat(ReadoutFormat.priceTick(97_302.5, 2.5)).isEqualTo("97302.5");
        assertThat(ReadoutFormat.priceTick(2_447_500, 2_500)).isEqualTo("2447500");
        assertThat(ReadoutFormat.priceTick(1.2e9, 1e8)).isEqualTo("1200000000");
    }

    @Test
    void priceTicksAddedUpFromTheirStepReadAsTheTickTheyStandFor() {
        // ChartFX adds the step to the first tick: 0.1 ten times is 0.9999999999999999, 0.0000005
        // added up ends a hair below zero.
        double sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += 0.1;
        }
        assertThat(ReadoutFormat.priceTick(sum, 0.1)).isEqualTo("1.0");
        assertThat(ReadoutFormat.priceTick(-1e-22, 0.0000005)).isEqualTo("0.0000000");
    }

    @Test
    void pricesOfEveryRangeReadAsPlainDigitsWithTheirSeriesDecimals() {
        assertThat(ReadoutFormat.price(0.00001234, 8)).isEqualTo("0.00001234");
        assertThat(ReadoutFormat.price(0.5123, 4)).isEqualTo("0.5123");
        assertThat(ReadoutFormat.price(2.3456, 4)).isEqualTo("2.3456");
        assertThat(ReadoutFormat.price(2.35, 4)).as("a round price of a series quoted to 4 decimals").isEqualTo("2.3500");
        assertThat(ReadoutFormat.price(0.034123, 6)).isEqualTo("0.034123");
        assertThat(ReadoutFormat.price(126.5, 2)).isEqualTo("126.50");
        assertThat(ReadoutFormat.price(98_123.45, 2)).isEqualTo("98123.45");
        assertThat(ReadoutFormat.price(2_447_512.25, 2)).isEqualTo("2447512.25");
        assertThat(ReadoutFormat.price(Double.NaN, 2)).isEqualTo(ReadoutFormat.UNDEFINED);
        assertThat(ReadoutFormat.priceTick(Double.NaN, 1)).isEqualTo(ReadoutFormat.UNDEFINED);
        assertThat(ReadoutFormat.priceTick(97_895.5, 0)).as("no step yet").isEqualTo("97895.50");
        assertThat(ReadoutFormat.priceTick(0.00001234, 0)).as("no step yet").isEqualTo("0.00001234");
    }

    @Test
    void aReadoutBreaksOnlyBetweenItemsNeverBetweenALabelAndItsValue() {
        IndicatorSnapshot bar = new IndicatorSnapshot(SeriesKey.of("AAPL", Timeframe.ONE_MINUTE), 7, true,
                Instant.parse("2026-12-05T04:06:00Z").toEpochMilli(), 128.70, 128.70, 128.66, 128.67, 1582,
                32.6, 11.9, 32.2, 0.2681, 0.1278, 2.10, 2.1, 100.0, 17_700, 0.09);
        String text = new ReadoutFormat(ZoneId.of("UTC"), BarAggregator.NEW_YORK).format(bar, 2);

        assertThat(text.split("\n")).hasSize(2);
        for (String line : text.split("\n")) {
            for (String item : line.split("  ")) {
                assertThat(item).as("an item of %s", line).isNotBlank().doesNotContain(" ");
            }
        }
        assertThat(text.replace(ReadoutFormat.NO_BREAK_SPACE, ' ')).isEqualTo(
                "2026-12-05 04:06 UTC (forming)  O 128.70  H 128.70  L 128.66  C 128.67  V 1582\n"
                + "%K 11.9  %D 32.2  band 2.1–100.0  RSI 32.6  ATR 0.27  ATR MA 0.13  vol ratio 2.10  vol SMA 17.7K  rel vol 0.09");
    }

    @Test
    void aSeriesQuotedToFourDecimalsReadsItsPricesAndItsAtrToFour() {
        // XRPUSDT: "2.35" hid the digits Binance quotes.
        IndicatorSnapshot bar = new IndicatorSnapshot(SeriesKey.of("XRPUSDT", Timeframe.ONE_MINUTE), 7, false,
                Instant.parse("2026-12-05T04:06:00Z").toEpochMilli(), 2.3456, 2.3471, 2.3449, 2.35, 182_000,
                51.0, 40.0, 42.0, 0.001234, 0.00098, 1.26, 10.0, 90.0, 150_000, 1.21);
        String text = new ReadoutFormat(ZoneId.of("UTC"), BarAggregator.NEW_YORK).format(bar, 4).replace(ReadoutFormat.NO_BREAK_SPACE, ' ');

        assertThat(text).contains("  O 2.3456  H 2.3471  L 2.3449  C 2.3500  ").contains("  ATR 0.0012  ATR MA 0.00098  ");
    }

    @Test
    void anAtrBelowTheQuotingStepKeepsTwoSignificantDigits() {
        // A quiet minute of a stock quoted to the cent: "ATR 0.00" said nothing.
        assertThat(ReadoutFormat.priceRange(0.0023, 2)).isEqualTo("0.0023");
        assertThat(ReadoutFormat.priceRange(0.2681, 2)).isEqualTo("0.27");
        assertThat(ReadoutFormat.priceRange(12.345, 2)).isEqualTo("12.35");
        assertThat(ReadoutFormat.priceRange(0.000000004, 2)).as("no finer than a satoshi").isEqualTo("0.00000000");
        assertThat(ReadoutFormat.priceRange(0, 2)).isEqualTo("0.00");
        assertThat(ReadoutFormat.priceRange(Double.NaN, 2)).isEqualTo(ReadoutFormat.UNDEFINED);
    }

    @Test
    void aDailyBarShowsItsTradingDayAndAnUndefinedBandOneDash() {
        // The bar of Thursday 3 December opens at New York's midnight, 05:00 UTC.
        IndicatorSnapshot day = new IndicatorSnapshot(SeriesKey.of("AAPL", Timeframe.ONE_DAY), 2, false,
                Instant.parse("2026-12-03T05:00:00Z").toEpochMilli(), 171.51, 174.90, 169.20, 172.00, 60_700_000,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
        String text = new ReadoutFormat(ZoneId.of("UTC"), BarAggregator.NEW_YORK).format(day, 2).replace(ReadoutFormat.NO_BREAK_SPACE, ' ');

        assertThat(text).startsWith("2026-12-03 Thu  O 171.51").contains("  band –  ").doesNotContain("05:00");
    }

    @Test
    void aPlaceWithoutABarReadsItsTimeAndNoBarOnOneLine() {
        ReadoutFormat utc = new ReadoutFormat(ZoneId.of("UTC"), BarAggregator.NEW_YORK);
        long minute = Instant.parse("2026-12-06T11:46:00Z").toEpochMilli();

        assertThat(utc.noBar(minute, Timeframe.ONE_MINUTE, true).replace(ReadoutFormat.NO_BREAK_SPACE, ' '))
                .isEqualTo("2026-12-06 11:46 UTC  no bar yet");
        assertThat(utc.noBar(minute, Timeframe.ONE_MINUTE, false).replace(ReadoutFormat.NO_BREAK_SPACE, ' '))
                .isEqualTo("2026-12-06 11:46 UTC  no bar");
        assertThat(utc.noBar(Instant.parse("2026-12-05T05:00:00Z").toEpochMilli(), Timeframe.ONE_DAY, false)
                .replace(ReadoutFormat.NO_BREAK_SPACE, ' ')).as("a day as a daily bar's reads").isEqualTo("2026-12-05 Sat  no bar");
    }

    @Test
    void theCrosshairsTimeTagOfADailyBarIsItsTradingDayAsTheReadoutSays() {
        // The bar of Saturday 5 December opens at New York's midnight, 05:00 UTC: 10:30 in Kolkata,
        // which the tag showed ("Sat 5 Dec 10:30") beside a readout that rightly shows no time.
        long open = Instant.parse("2026-12-05T05:00:00Z").toEpochMilli();
        ReadoutFormat kolkata = new ReadoutFormat(ZoneId.of("Asia/Kolkata"), BarAggregator.NEW_YORK);

        assertThat(kolkata.shortTime(open, Timeframe.ONE_DAY)).isEqualTo("Sat 5 Dec");
        assertThat(new ReadoutFormat(ZoneId.of("Pacific/Honolulu"), BarAggregator.NEW_YORK).shortTime(open, Timeframe.ONE_DAY))
                .as("the trading day, not the date where the day opens on Friday evening").isEqualTo("Sat 5 Dec");
        assertThat(kolkata.shortTime(open, Timeframe.ONE_HOUR)).isEqualTo("Sat 5 Dec 10:30");
    }

    @Test
    void aCryptoMarketsDailyBarIsTheUtcDayItOpens() {
        // Binance's candle of Saturday 5 December opens at 00:00 UTC: 19:00 on Friday in New York.
        long open = Instant.parse("2026-12-05T00:00:00Z").toEpochMilli();
        IndicatorSnapshot day = new IndicatorSnapshot(SeriesKey.of("BTCUSDT", Timeframe.ONE_DAY), 2, false, open,
                91_000, 92_500, 90_100, 92_000, 1_234, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        ReadoutFormat honolulu = new ReadoutFormat(ZoneId.of("Pacific/Honolulu"), java.time.ZoneOffset.UTC);

        assertThat(honolulu.shortTime(open, Timeframe.ONE_DAY)).isEqualTo("Sat 5 Dec");
        assertThat(honolulu.format(day, 2).replace(ReadoutFormat.NO_BREAK_SPACE, ' ')).startsWith("2026-12-05 Sat");
        assertThat(new ReadoutFormat(ZoneId.of("Pacific/Honolulu"), BarAggregator.NEW_YORK).shortTime(open, Timeframe.ONE_DAY))
                .as("read as New York's day, the same open time is Friday's").isEqualTo("Fri 4 Dec");
    }

    @Test
    void theCrosshairsTimeTagTellsTheTwoBarsOfARepeatedHourApartByTheirZone() {
        // New York falls back at 02:00 EDT on 3 November 2024: 01:00 to 02:00 comes twice, and the
        // tag read "Sun 3 Nov 01:30" for two bars an hour apart, as the readout's EDT and EST did not.
        ReadoutFormat newYork = new ReadoutFormat(ZoneId.of("America/New_York"), BarAggregator.NEW_YORK);
        long firstTime = Instant.parse("2024-11-03T05:30:00Z").toEpochMilli();
        long secondTime = Instant.parse("2024-11-03T06:30:00Z").toEpochMilli();

        assertThat(newYork.shortTime(firstTime, Timeframe.ONE_MINUTE)).isEqualTo("Sun 3 Nov 01:30 EDT");
        assertThat(newYork.shortTime(secondTime, Timeframe.ONE_MINUTE)).isEqualTo("Sun 3 Nov 01:30 EST");
        assertThat(newYork.shortTime(Instant.parse("2024-11-03T04:59:00Z").toEpochMilli(), Timeframe.ONE_MINUTE))
                .as("just before the repeated hour").isEqualTo("Sun 3 Nov 00:59");
        assertThat(newYork.shortTime(Instant.parse("2024-11-03T07:00:00Z").toEpochMilli(), Timeframe.ONE_HOUR))
                .as("just after it").isEqualTo("Sun 3 Nov 02:00");
        assertThat(newYork.shortTime(Instant.parse("2024-03-10T07:00:00Z").toEpochMilli(), Timeframe.ONE_HOUR))
                .as("after the skipped hour, which no bar can read twice").isEqualTo("Sun 10 Mar 03:00");
    }

    @Test
    void aRepeatedHourWhoseTwoHalvesShareTheirZoneNameIsToldApartByTheOffset() {
        // Almaty moved from +06 to +05 at midnight on 1 March 2024 (tzdata 2024a), both named ALMT.
        ZoneId almaty = ZoneId.of("Asia/Almaty");
        assumeTrue(almaty.getRules().getValidOffsets(LocalDateTime.parse("2024-02-29T23:30")).size() == 2,
                "this JDK's time zone data knows Almaty's change of 2024");
        ReadoutFormat format = new ReadoutFormat(almaty, BarAggregator.NEW_YORK);

        assertThat(format.shortTime(Instant.parse("2024-02-29T17:30:00Z").toEpochMilli(), Timeframe.ONE_MINUTE))
                .isEqualTo("Thu 29 Feb 23:30 +06:00");
        assertThat(format.shortTime(Instant.parse("2024-02-29T18:30:00Z").toEpochMilli(), Timeframe.ONE_MINUTE))
                .isEqualTo("Thu 29 Feb 23:30 +05:00");
    }
}
