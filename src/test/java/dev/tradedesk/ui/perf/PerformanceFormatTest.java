package dev.tradedesk.ui.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PerformanceFormatTest {

    private final Locale defaultLocale = Locale.getDefault();
    private final Locale defaultFormatLocale = Locale.getDefault(Locale.Category.FORMAT);

    @AfterEach
    void restoreTheLocale() {
        Locale.setDefault(defaultLocale);
        Locale.setDefault(Locale.Category.FORMAT, defaultFormatLocale);
    }

    @Test
    void formatsFiguresForTheTable() {
        assertThat(PerformanceFormat.millis(0.0421)).isEqualTo("0.042");
        assertThat(PerformanceFormat.millis(12.34)).isEqualTo("12.3");
        assertThat(PerformanceFormat.millis(0)).isEqualTo("0");
        assertThat(PerformanceFormat.millis(Double.NaN)).isEqualTo(PerformanceFormat.UNKNOWN);
        assertThat(PerformanceFormat.percent(0.975)).isEqualTo("97.5 %");
        assertThat(PerformanceFormat.gc(0, 0)).isEqualTo("none");
        assertThat(PerformanceFormat.gc(3, 12.5)).isEqualTo("3 × 12.5 ms");
        assertThat(PerformanceFormat.heap(412.4, 1024)).isEqualTo("412 / 1,024 MB");
    }

    @Test
    void theTableGroupsThousandsAsTheAxesDo() {
        assertThat(PerformanceFormat.millis(999.4)).isEqualTo("999");
        assertThat(PerformanceFormat.millis(12_500)).isEqualTo("12,500").isEqualTo(PerformanceFormat.tick(12_500, 500));
        assertThat(PerformanceFormat.millis(1_234_567.8)).isEqualTo("1,234,568");
        assertThat(PerformanceFormat.heap(3_210.4, 4_096)).isEqualTo("3,210 / 4,096 MB");
        assertThat(PerformanceFormat.gc(1_250, 2_400)).isEqualTo("1,250 × 2,400 ms");
        assertThat(PerformanceFormat.perSecond(1_234.56)).isEqualTo("1,234.6");
    }

    @Test
    void writesADotAndCommasWhateverTheUsersLocale() {
        Locale.setDefault(Locale.GERMANY); // 12.500,5 there
        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
        assertThat(PerformanceFormat.millis(12_500)).isEqualTo("12,500");
        assertThat(PerformanceFormat.millis(1.25)).isEqualTo("1.25");
        assertThat(PerformanceFormat.percent(0.975)).isEqualTo("97.5 %");
        assertThat(PerformanceFormat.heap(412.4, 4_096)).isEqualTo("412 / 4,096 MB");
        assertThat(PerformanceFormat.gc(1_250, 12.5)).isEqualTo("1,250 × 12.5 ms");
        assertThat(PerformanceFormat.tick(10_000, 2_000)).isEqualTo("10,000");
        assertThat(PerformanceFormat.tick(0.05, 0.01)).isEqualTo("0.05");
    }

    @Test
    void writesAxisTicksAsPlainNumbersWithTheDecimalsTheirStepNeeds() {
        assertThat(PerformanceFormat.tick(0, 2_000)).isEqualTo("0");
        assertThat(PerformanceFormat.tick(10_000, 2_000)).isEqualTo("10,000");
        assertThat(PerformanceFormat.tick(0, 0.01)).isEqualTo("0");
        assertThat(PerformanceFormat.tick(3 * 0.01, 0.01)).isEqualTo("0.03");
        assertThat(PerformanceFormat.tick(1.5, 0.5)).isEqualTo("1.5");
        assertThat(PerformanceFormat.tick(1, 0.5)).isEqualTo("1");
        assertThat(PerformanceFormat.tick(0.001, 0.001)).isEqualTo("0.001");
    }
}
