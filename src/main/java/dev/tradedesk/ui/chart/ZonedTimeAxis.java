package dev.tradedesk.ui.chart;

import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.spi.fastutil.DoubleArrayList;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import javafx.util.StringConverter;

/**
 * A ChartFX time axis (values in UTC epoch seconds) whose ticks and labels follow a
 * {@link ZoneId}, daylight-saving changes included ({@link ZonedTimeTicks}); ChartFX's own
 * {@code DefaultTimeFormatter} only knows a fixed offset. Its range is always set from outside
 * (no auto-ranging). Labels stay at least {@link #MIN_LABEL_SPACING} pixels apart (dates
 * {@link #MIN_DATE_LABEL_SPACING}), and one too close to either end to fit whole is not drawn
 * ({@link ViewRangedAxis}).
 *
 * <p>On a chart of daily bars ({@link #showTradingDays}) the ticks are the trading days' midnights
 * in the exchange's zone, where each daily bar starts, and their labels those days, as the
 * crosshair's tag names a daily bar: at Kolkata's or Honolulu's midnights the bars, which open at
 * New York's, sat between the day labels, and no label named the day of the bar above it.
 *
 * <p>On a chart of intraday bars ({@link #showBarsOf}) the ticks fall on bar opens and are at least
 * a bar apart: zoomed in on 15-minute bars the axis read "14:10, 14:20" between the candles, and in
 * Kolkata (+05:30) the labels of a chart of hourly bars, which open at 09:30 there as on UTC's hours,
 * stood at 10:00, 11:00, halfway between the candles the crosshair names 09:30 and 10:30.
 *
 * <p>A scene-graph node: JavaFX thread only.
 */
final class ZonedTimeAxis extends ViewRangedAxis {

    /**
     * Fewest pixels between two labelled ticks: room for the widest intraday label, a minute the
     * clocks show twice with its zone's name or offset ("02:59 ACWDT", about 78 px in 11 px System).
     * Seconds are never labelled so ("01:59:30 +06:00" is wider): ticks are at least a bar apart,
     * and the shortest bars are a minute.
     */
    static final double MIN_LABEL_SPACING = 90;
    /**
     * Fewest pixels between two labelled ticks a day or more apart, whose labels are dates, months
     * or years: room for the widest short date of the common locales ("28 февр.", about 51 px in
     * 11 px System; "28 May" 40, "28 Sept." 46). With the intraday labels' 90 px, ten days of daily
     * bars on the smallest window's chart (about 330 px) were stepped by a week, and the axis named
     * one Monday, or none.
     */
    static final double MIN_DATE_LABEL_SPACING = 60;
    /**
     * Half the width of a time label with its date ("28 Sept. 23:59", about 80 px in 11 px System;
     * "6 Dec 16:30" 62 px): a dated tick closer to the axis' start would not be drawn.
     */
    private static final double DATED_LABEL_HALF_WIDTH = 44;
    private static final double FALLBACK_LENGTH = 1000;

    private ZonedTimeTicks ticks;
    private ZonedTimeTicks.Step step = ZonedTimeTicks.Step.HOURS_1;
    private final Locale locale;
    /** The zone of the daily bars' trading days, or null on a chart of intraday bars. */
    private ZoneId tradingDayZone;
    /** The width of the intraday bars charted, whose opens the ticks fall on; 1 s until told. */
    private long barSeconds = 1;
    /**
     * The tick labelled with its date as well as its time, because no tick in view names its day (an
     * intraday range within one day, panned back from today); NaN when one does.
     */
    private double datedTick = Double.NaN;
    /** Whether the latest ticks had any: the axis' height is laid out for labels or for none. */
    private boolean labelled;
    /** The ticks came or went since the axis was last laid out: its height is to be laid out again. */
    private boolean labelsCameOrWent;

    ZonedTimeAxis(ZoneId zone, Locale locale) {
        super("time", 0, 1, 1);
        this.locale = Objects.requireNonNull(locale, "locale");
        this.ticks = new ZonedTimeTicks(zone, locale);
        setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double tick = value.doubleValue();
                return tick == datedTick ? ticks.labelWithDate(tick, step) : ticks.label(tick, step);
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("time labels are not parsed");
            }
        });
    }

    ZoneId zone() {
        return ticks.zone();
    }

    /**
     * Marks the trading days of daily bars from the next layout on: a tick at every day's (week's,
     * month's, year's) midnight in {@code dayZone}, where the bars start, labelled with its date,
     * whatever zone the chart shows times in; never a tick within a day, which no daily bar has.
     */
    void showTradingDays(ZoneId dayZone) {
        tradingDayZone = Objects.requireNonNull(dayZone, "dayZone");
        showIn(dayZone);
    }

    /**
     * Marks intraday bars {@code barSeconds} wide from the next layout on: ticks on their opens
     * (on the epoch's grid of that width, as {@link dev.tradedesk.core.BarAggregator} and the
     * providers open them), never closer than a bar.
     */
    void showBarsOf(long barSeconds) {
        if (barSeconds < 1) {
            throw new IllegalArgumentException("bars of " + barSeconds + " s");
        }
        this.barSeconds = barSeconds;
    }

    /** Shows times in {@code zone} from the next layout on; trading days stay in their own zone. */
    void setZone(ZoneId zone) {
        if (tradingDayZone == null) {
            showIn(zone);
        }
    }

    private void showIn(ZoneId zone) {
        if (!zone.equals(ticks.zone())) {
            ticks = new ZonedTimeTicks(zone, locale);
            // The ticks may fall on the same instants in the new zone; the labels must change anyway.
            fireInvalidated(ChartBits.AxisTickLabelText, ChartBits.AxisCanvas);
        }
    }

    @Override
    protected void calculateMajorTickValues(AxisRange range, DoubleArrayList ticksOut) {
        double from = range.getMin();
        double to = range.getMax();
        if (!(to > from)) {
            return;
        }
        double length = getLength() > 0 ? getLength() : FALLBACK_LENGTH;
        step = ZonedTimeTicks.step(to - from, length, MIN_LABEL_SPACING, MIN_DATE_LABEL_SPACING);
        if (tradingDayZone != null && step.compareTo(ZonedTimeTicks.Step.DAYS_1) < 0) {
            step = ZonedTimeTicks.Step.DAYS_1;
        }
        step = step.atLeastBarsOf(barSeconds);
        ticks.ticks(from, to, step, barSeconds, ticksOut::add);
        datedTick = tickToDate(ticksOut, from, to, (to - from) / length);
        if (labelled != !ticksOut.isEmpty()) {
            labelled = !ticksOut.isEmpty();
            labelsCameOrWent = true;
        }
    }

    /**
     * The first tick in view whose label, with its date, fits whole beside the axis' start, when no
     * tick in view names its day; else NaN.
     */
    private double tickToDate(DoubleArrayList ticksIn, double from, double to, double secondsPerPixel) {
        double fits = from + DATED_LABEL_HALF_WIDTH * secondsPerPixel;
        double first = Double.NaN;
        for (int i = 0; i < ticksIn.size(); i++) {
            double tick = ticksIn.getDouble(i);
            if (tick < from || tick > to) {
                continue;
            }
            if (ticks.namesItsDay(tick, step)) {
                return Double.NaN;
            }
            // Not a time the clocks show twice, whose label names its zone: with the date too it would
            // reach into its neighbour's at the closest spacing.
            if (Double.isNaN(first) && tick >= fits && ticks.label(tick, step).indexOf(' ') < 0) {
                first = tick;
            }
        }
        return first;
    }

    /**
     * Draws the axis, then asks for a layout if its ticks came or went meanwhile. ChartFX keeps an
     * axis' height while its layout is clean, and the draw that computes the ticks clears every
     * request made during it: a daily chart's first layout, over a range with no midnight in it, had
     * no label and made the axis 7 px high, and the dates that came with the data were drawn cut to
     * their top pixels until the window was resized.
     */
    @Override
    public void drawAxis() {
        super.drawAxis();
        if (labelsCameOrWent) {
            labelsCameOrWent = false;
            requestAxisLayout();
        }
    }

    @Override
    protected void calculateMinorTickValues(DoubleArrayList ticksOut) {
        // Major ticks only: a trading chart's grid stays quiet.
    }
}
