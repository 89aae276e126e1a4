package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceDecimalsTest {

    @Test
    void aPriceHasTheFewestDecimalsThatWriteItExactly() {
        assertThat(PriceDecimals.exact(98_123)).isZero();
        assertThat(PriceDecimals.exact(190.5)).isEqualTo(1);
        assertThat(PriceDecimals.exact(98_123.45)).isEqualTo(2);
        assertThat(PriceDecimals.exact(2.3456)).isEqualTo(4);
        assertThat(PriceDecimals.exact(0.034123)).isEqualTo(6);
        assertThat(PriceDecimals.exact(0.00001234)).isEqualTo(8);
        assertThat(PriceDecimals.exact(2_467_066.5)).isEqualTo(1);
        assertThat(PriceDecimals.exact(-37.63)).as("a negative price, as oil futures once had").isEqualTo(2);
        assertThat(PriceDecimals.exact(0)).isZero();
    }

    @Test
    void aDoubleJustBesideItsDecimalStillReadsAsThatDecimal() {
        // 2.3446 is stored as 2.34459999…, and times 10^4 it is 23445.999999999996.
        assertThat(new BigDecimal(2.3446)).as("stored below its decimal").isLessThan(new BigDecimal("2.3446"));
        assertThat(2.3446 * 1e4).isNotEqualTo(23_446);
        assertThat(PriceDecimals.exact(2.3446)).isEqualTo(4);
        assertThat(PriceDecimals.exact(1.0009)).as("10008.999999999998").isEqualTo(4);
        assertThat(PriceDecimals.exact(0.00000003)).as("2.9999999999999996").isEqualTo(8);
        assertThat(PriceDecimals.exact(0.1 + 0.2)).as("0.30000000000000004").isEqualTo(1);
        assertThat(PriceDecimals.exact(Math.nextUp(98_123.45))).isEqualTo(2);
        assertThat(PriceDecimals.exact(Math.nextDown(0.00001234))).isEqualTo(8);
        assertThat(PriceDecimals.exact(9_999.99999999)).as("a real eighth decimal, below 10,000").isEqualTo(8);
    }

    @Test
    void finerPricesAreCutAtEightDecimalsAndUndefinedOnesHaveNone() {
        assertThat(PriceDecimals.exact(1.0 / 3)).isEqualTo(PriceDecimals.MAX);
        assertThat(PriceDecimals.exact(0.000000001234)).isEqualTo(PriceDecimals.MAX);
        assertThat(PriceDecimals.exact(Double.NaN)).isZero();
        assertThat(PriceDecimals.exact(Double.POSITIVE_INFINITY)).isZero();
    }

    @Test
    void aPriceShownAloneHasAtLeastItsCents() {
        assertThat(PriceDecimals.of(190.5)).isEqualTo(2);
        assertThat(PriceDecimals.of(98_123)).isEqualTo(2);
        assertThat(PriceDecimals.of(2.3456)).isEqualTo(4);
        assertThat(PriceDecimals.of(0.00001234)).isEqualTo(8);
    }

    @Test
    void decimalsWidenToTheFinestPriceAndNeverNarrow() {
        int decimals = PriceDecimals.MIN;
        decimals = PriceDecimals.widened(decimals, 2.34, 2.35, 2.3, 2.345);
        assertThat(decimals).isEqualTo(3);
        decimals = PriceDecimals.widened(decimals, 2.3456);
        assertThat(decimals).isEqualTo(4);
        decimals = PriceDecimals.widened(decimals, 2.5, 2.5, 2.5, 2.5);
        assertThat(decimals).as("a round price later").isEqualTo(4);
        assertThat(PriceDecimals.widened(PriceDecimals.MIN, Double.NaN)).isEqualTo(PriceDecimals.MIN);
        assertThat(PriceDecimals.widened(PriceDecimals.MAX, 1.0 / 7)).isEqualTo(PriceDecimals.MAX);
    }
}
