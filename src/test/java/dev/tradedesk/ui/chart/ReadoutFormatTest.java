package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

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
}
