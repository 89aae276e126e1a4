package dev.tradedesk.ui.chart;

import dev.tradedesk.core.IndicatorSnapshot;
import dev.tradedesk.core.PriceDecimals;
import dev.tradedesk.core.Timeframe;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The crosshair readout as text: the bar's local time, OHLCV, and every indicator value, on two
 * lines. Numbers use a dot as decimal separator whatever the locale, so the readout reads the
 * same everywhere; undefined values show as a dash. Prices, and the ATR, which is a price
 * distance, have the decimals of their series ({@link PriceDecimals}), as the tags do.
 *
 * <p>Immutable and thread-safe.
 */
final class ReadoutFormat {

    static final String UNDEFINED = "–";
    static final char NO_BREAK_SPACE = '\u00A0';
    private static final String ITEM_GAP = "  ";
    /** Significant digits a tick step is read to: more than any step of 1, 2.5 or 5 x 10^n has. */
    private static final MathContext STEP_DIGITS = new MathContext(6);
    /** {@code %.0f} to {@code %.8f}: a price is formatted at every pulse, its pattern need not be built each time. */
    private static final String[] PRICE_PATTERNS = {"%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f", "%.7f", "%.8f"};
    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter shortTime;
    /** A daily bar is its market's trading day: its open time (05:00 UTC, say) is no time to show. */
    private final DateTimeFormatter day;
    /** The crosshair's time tag on a daily bar, its trading day as the readout names it. */
    private final DateTimeFormatter shortDay;

    /**
     * @param zone           where times are shown
     * @param tradingDayZone whose days the daily bars are (New York's for US stocks, UTC's for crypto)
     */
    ReadoutFormat(ZoneId zone, ZoneId tradingDayZone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT).withZone(zone);
        shortTime = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT).withZone(zone);
        day = DateTimeFormatter.ofPattern("yyyy-MM-dd EEE", Locale.ROOT).withZone(tradingDayZone);
        shortDay = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT).withZone(tradingDayZone);
    }

    /**
     * The crosshair's time tag on a chart of {@code timeframe}: {@code Sun 31 Mar 14:05}, or for a
     * daily bar its trading day, {@code Tue 3 Dec}, as in the readout: its open time in the shown
     * zone (10:30 in Kolkata, Friday evening in Honolulu) named neither the day nor anything else.
     * A local time the clocks show twice (the hour repeated when they fall back) is followed by the
     * zone's short name, {@code Sun 3 Nov 01:30 EDT} and an hour later {@code Sun 3 Nov 01:30 EST}, or
     * by the offset where both have one name ({@link RepeatedLocalTimes}): without it two bars read
     * the same time.
     */
    String shortTime(long epochMillis, Timeframe timeframe) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        if (timeframe == Timeframe.ONE_DAY) {
            return shortDay.format(instant);
        }
        String tag = shortTime.format(instant);
        String whichOne = RepeatedLocalTimes.whichOne(instant.atZone(zone));
        return whichOne.isEmpty() ? tag : tag + " " + whichOne;
    }

    /**
     * Time and OHLCV, prices with {@code priceDecimals}:
     * {@code 2024-03-31 14:05 CEST  O 190.12  H 190.40  L 189.90  C 190.33  V 12.3K}.
     */
    String bar(IndicatorSnapshot bar, int priceDecimals) {
        return String.join(ITEM_GAP, item(when(bar.time(), bar.key().timeframe()) + (bar.forming() ? " (forming)" : "")),
                item("O", price(bar.open(), priceDecimals)), item("H", price(bar.high(), priceDecimals)),
                item("L", price(bar.low(), priceDecimals)), item("C", price(bar.close(), priceDecimals)),
                item("V", quantity(bar.volume())));
    }

    /**
     * The readout of a place on the time axis where no bar stands, opening at {@code slotMillis}:
     * its time as a bar's would read and that no bar is there, {@code 2024-03-31 14:06 CEST  no bar
     * yet} after the last bar, {@code ...  no bar} before the first or in a gap. One line: there
     * are no values to show, and the latest bar's would read as this time's.
     */
    String noBar(long slotMillis, Timeframe timeframe, boolean afterLastBar) {
        return String.join(ITEM_GAP, item(when(slotMillis, timeframe)), item(afterLastBar ? "no bar yet" : "no bar"));
    }

    private String when(long epochMillis, Timeframe timeframe) {
        return (timeframe == Timeframe.ONE_DAY ? day : time).format(Instant.ofEpochMilli(epochMillis));
    }

    /** Every indicator value of the bar, the ATR and its average as {@link #priceRange}s. */
    String indicators(IndicatorSnapshot bar, int priceDecimals) {
        return String.join(ITEM_GAP, item("%K", fixed(bar.stochK(), 1)), item("%D", fixed(bar.stochD(), 1)),
                item("band", Double.isNaN(bar.bandLower()) && Double.isNaN(bar.bandUpper()) ? UNDEFINED
                        : fixed(bar.bandLower(), 1) + "–" + fixed(bar.bandUpper(), 1)),
                item("RSI", fixed(bar.rsi(), 1)),
                item("ATR", priceRange(bar.atr(), priceDecimals)), item("ATR MA", priceRange(bar.atrMa(), priceDecimals)),
                item("vol ratio", fixed(bar.volatilityRatio(), 2)),
                item("vol SMA", quantity(bar.volumeSma())), item("rel vol", fixed(bar.relativeVolume(), 2)));
    }

    /**
     * A label and its value, or the time, held together by no-break spaces: a readout wrapped to a
     * narrow plot breaks only between items, never between "L" and its price.
     */
    static String item(String label, String value) {
        return item(label + " " + value);
    }

    private static String item(String text) {
        return text.replace(' ', NO_BREAK_SPACE);
    }

    /** The readout of {@code bar}, whose series' prices have {@code priceDecimals}. */
    String format(IndicatorSnapshot bar, int priceDecimals) {
        return bar(bar, priceDecimals) + "\n" + indicators(bar, priceDecimals);
    }

    /**
     * A price with its series' {@code decimals} ({@link PriceDecimals}), plain digits with a dot:
     * {@code 2.3456}, {@code 98123.45}, {@code 0.00001234}.
     */
    static String price(double value, int decimals) {
        return Double.isNaN(value) ? UNDEFINED
                : String.format(Locale.ROOT, PRICE_PATTERNS[Math.max(0, Math.min(PriceDecimals.MAX, decimals))], value);
    }

    /**
     * A price range (the ATR) with the series' {@code priceDecimals}, or more where those would
     * show fewer than two significant digits: a quiet minute of a stock quoted to the cent has an
     * ATR of 0.0023, which two decimals would show as "0.00".
     */
    static String priceRange(double value, int priceDecimals) {
        if (!(Math.abs(value) > 0) || !Double.isFinite(value)) {
            return price(value, priceDecimals);
        }
        int twoSignificant = 1 - (int) Math.floor(Math.log10(Math.abs(value)));
        return price(value, Math.max(priceDecimals, Math.min(PriceDecimals.MAX, twoSignificant)));
    }

    /**
     * A price axis tick with the decimals its axis' {@code step} needs, zeros kept so that every label
     * on the axis has as many: {@code 126.25, 126.50} by 0.25, {@code 97300, 97400} by 100,
     * {@code 0.0000120, 0.0000125} by 0.0000005. Plain digits as in {@link #price} (a dot, no
     * thousands separators, never an exponent), so the labels read like the tags beside them.
     */
    static String priceTick(double value, double step) {
        if (!Double.isFinite(value)) {
            return UNDEFINED;
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            return price(value, PriceDecimals.of(value));
        }
        return new BigDecimal(value).setScale(decimalsOf(step), RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The decimals a step of 1, 2.5 or 5 times a power of ten has (0.25 has 2, 100 none), read
     * from its leading digits: the double nearest 0.0000005 has dozens.
     */
    private static int decimalsOf(double step) {
        return Math.max(0, new BigDecimal(step).round(STEP_DIGITS).stripTrailingZeros().scale());
    }

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? UNDEFINED : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * Volume axis ticks, each in the unit of its own size and exactly: {@code 500K}, {@code 1.5M},
     * {@code 1.125M}, {@code 0.025}, no trailing zeros, as ticks are round numbers. Thousands are
     * written as K from 1,000 ({@code 2.5K}, {@code 7.5K}): the readout writes them from 10,000
     * only, which made an axis read "12.5K, 10K, 7500, 5000, 2500", two units on one scale. Not
     * rounded to the readout's three digits either, which labelled the tick between 0 and 0.05
     * "0.03" and the one between 1.1M and 1.15M "1.13M".
     */
    static String tickQuantity(double value) {
        if (!Double.isFinite(value)) {
            return UNDEFINED;
        }
        double magnitude = Math.abs(value);
        double unitSize = magnitude >= 1e9 ? 1e9 : magnitude >= 1e6 ? 1e6 : magnitude >= 1e3 ? 1e3 : 1;
        String unit = unitSize == 1e9 ? "B" : unitSize == 1e6 ? "M" : unitSize == 1e3 ? "K" : "";
        return new BigDecimal(value / unitSize).round(STEP_DIGITS).stripTrailingZeros().toPlainString() + unit;
    }

    /**
     * Volumes to three significant digits or more: {@code 950}, {@code 12.3K}, {@code 4.56M},
     * {@code 7.89B}, and a fraction of a coin as such, {@code 12.50}, {@code 0.0251},
     * {@code 0.00279}: two decimals showed a bar that traded 0.0028 BTC as "0.00". The unit is
     * chosen after rounding, so 999,960 reads "1.00M", not "1000.0K".
     */
    static String quantity(double value) {
        if (Double.isNaN(value)) {
            return UNDEFINED;
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 999_995_000) {
            return String.format(Locale.ROOT, "%.2fB", value / 1e9);
        }
        if (magnitude >= 999_950) {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (magnitude >= 9_999.5) {
            return String.format(Locale.ROOT, "%.1fK", value / 1e3);
        }
        if (magnitude >= 99.995 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 0.9995) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        int threeSignificant = 2 - (int) Math.floor(Math.log10(magnitude));
        return fixed(value, Math.min(PriceDecimals.MAX, threeSignificant));
    }
}
