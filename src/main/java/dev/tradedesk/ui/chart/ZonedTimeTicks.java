package dev.tradedesk.ui.chart;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * Tick marks and labels for a time axis in a {@link ZoneId}: ticks fall on round local wall-clock
 * times (whole hours, local midnights, first days of months) and labels show local time, with the
 * zone's rules applied to every tick, so they stay right across daylight-saving changes. Axis
 * values are UTC epoch seconds, as ChartFX expects.
 *
 * <p>Across a change, hourly ticks read {@code 01:00, 03:00} when the clocks spring forward (02:00
 * does not exist) and {@code 02:00 CEST, 02:00 CET} when they fall back (it exists twice): every tick
 * is a real instant one hour after the previous one, labelled as a wall clock in that zone shows it,
 * and a time the clocks show twice is followed by which of the two it is, as the crosshair's tag
 * names it ({@link RepeatedLocalTimes}): the axis read {@code 02:00, 02:00}. Every other label stays
 * as short as before. With a step longer than the time repeated (2 hours and up for Berlin's or
 * Sydney's hour), a tick on that time stands only at its first instant: the second, an hour later,
 * was closer than a step to it ({@code 00:00, 02:00, 02:00, 04:00}), and ticks stay at least a step
 * apart when the clocks fall back.
 *
 * <p>Ticks can be held to a grid of bar opens ({@link #ticks(double, double, Step, long, DoubleConsumer)}):
 * hourly bars open on UTC's hours, which in Kolkata (+05:30) are 09:30, 10:30, so there the ticks of
 * a chart of hourly bars fall on those, one step apart, instead of on local whole hours between the
 * bars. The first tick of a day is labelled with its date, at midnight or, on such a grid, at the
 * day's first bar (00:30 in Kolkata).
 *
 * <p>Immutable and thread-safe.
 */
final class ZonedTimeTicks {

    /** Tick spacing: an amount of a calendar unit. */
    enum Step {
        SECONDS_1(Unit.SECOND, 1), SECONDS_5(Unit.SECOND, 5), SECONDS_15(Unit.SECOND, 15), SECONDS_30(Unit.SECOND, 30),
        MINUTES_1(Unit.SECOND, 60), MINUTES_2(Unit.SECOND, 120), MINUTES_5(Unit.SECOND, 300),
        MINUTES_10(Unit.SECOND, 600), MINUTES_15(Unit.SECOND, 900), MINUTES_30(Unit.SECOND, 1800),
        HOURS_1(Unit.SECOND, 3600), HOURS_2(Unit.SECOND, 7200), HOURS_3(Unit.SECOND, 10800),
        HOURS_6(Unit.SECOND, 21600), HOURS_12(Unit.SECOND, 43200),
        DAYS_1(Unit.DAY, 1), DAYS_2(Unit.DAY, 2), WEEKS_1(Unit.WEEK, 1),
        MONTHS_1(Unit.MONTH, 1), MONTHS_3(Unit.MONTH, 3), MONTHS_6(Unit.MONTH, 6),
        YEARS_1(Unit.YEAR, 1), YEARS_2(Unit.YEAR, 2), YEARS_5(Unit.YEAR, 5), YEARS_10(Unit.YEAR, 10),
        YEARS_25(Unit.YEAR, 25), YEARS_100(Unit.YEAR, 100);

        final Unit unit;
        final int amount;

        Step(Unit unit, int amount) {
            this.unit = unit;
            this.amount = amount;
        }

        /** Nominal length in seconds (months and years averaged), for choosing a step. */
        double nominalSeconds() {
            return amount * unit.nominalSeconds;
        }

        /**
         * This step, or the finest one that is a whole number of bars {@code barSeconds} wide when
         * this one is finer: a tick between two bars names none of them.
         */
        Step atLeastBarsOf(long barSeconds) {
            if (unit != Unit.SECOND || (amount >= barSeconds && amount % barSeconds == 0)) {
                return this;
            }
            for (Step step : values()) {
                if (step.compareTo(this) > 0 && (step.unit != Unit.SECOND || step.amount % barSeconds == 0)) {
                    return step;
                }
            }
            return YEARS_100;
        }
    }

    enum Unit {
        SECOND(1), DAY(86_400), WEEK(7 * 86_400), MONTH(30.44 * 86_400), YEAR(365.25 * 86_400);

        final double nominalSeconds;

        Unit(double nominalSeconds) {
            this.nominalSeconds = nominalSeconds;
        }
    }

    private static final int MAX_TICKS = 200;

    private final ZoneId zone;
    private final DateTimeFormatter seconds;
    private final DateTimeFormatter minutes;
    private final DateTimeFormatter dayMonth;
    private final DateTimeFormatter month;
    private final DateTimeFormatter year;

    ZonedTimeTicks(ZoneId zone, Locale locale) {
        this.zone = Objects.requireNonNull(zone, "zone");
        seconds = DateTimeFormatter.ofPattern("HH:mm:ss", locale);
        minutes = DateTimeFormatter.ofPattern("HH:mm", locale);
        dayMonth = DateTimeFormatter.ofPattern("d MMM", locale);
        month = DateTimeFormatter.ofPattern("MMM", locale);
        year = DateTimeFormatter.ofPattern("yyyy", locale);
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * The finest step that keeps labels at least {@code timeSpacing} pixels apart where they are
     * times of day (steps under a day), and {@code dateSpacing} where they are dates, months or years.
     */
    static Step step(double spanSeconds, double axisLength, double timeSpacing, double dateSpacing) {
        double secondsPerPixel = spanSeconds / Math.max(1, axisLength);
        for (Step step : Step.values()) {
            double spacing = step.unit == Unit.SECOND ? timeSpacing : dateSpacing;
            if (step.nominalSeconds() >= secondsPerPixel * spacing) {
                return step;
            }
        }
        return Step.YEARS_100;
    }

    /** Emits, in increasing order, the tick values (epoch seconds) within {@code [from, to]}. */
    void ticks(double from, double to, Step step, DoubleConsumer out) {
        ticks(from, to, step, 1, out);
    }

    /**
     * Emits, in increasing order, the tick values (epoch seconds) within {@code [from, to]}; ticks of
     * a step under a day fall on the grid of bars {@code gridSeconds} wide counted from the epoch
     * (where bars open), which must divide the step: one step apart in local time, starting from the
     * first bar open of the local day.
     */
    void ticks(double from, double to, Step step, long gridSeconds, DoubleConsumer out) {
        double[] found = new double[MAX_TICKS];
        int count = switch (step.unit) {
            case SECOND -> wallClockTicks(from, to, step.amount, gridSeconds, found);
            case DAY, WEEK, MONTH, YEAR -> calendarTicks(from, to, step, found);
        };
        Arrays.sort(found, 0, count);
        double previous = Double.NaN;
        for (int i = 0; i < count; i++) {
            if (found[i] != previous) {
                out.accept(found[i]);
                previous = found[i];
            }
        }
    }

    /**
     * Ticks at local times that are multiples of {@code stepSeconds} after local midnight, shifted
     * onto the grid of {@code gridSeconds} by the zone's offset from it (half an hour in Kolkata for
     * hourly bars, none in New York); one pass for each such shift the range has (two where a
     * change moves the clocks by less than the grid, as Lord Howe's half hour does).
     */
    private int wallClockTicks(double from, double to, int stepSeconds, long gridSeconds, double[] found) {
        int fromPhase = phase(from, gridSeconds);
        int toPhase = phase(to, gridSeconds);
        int count = wallClockTicks(from, to, stepSeconds, fromPhase, gridSeconds, found, 0);
        return toPhase == fromPhase ? count : wallClockTicks(from, to, stepSeconds, toPhase, gridSeconds, found, count);
    }

    private int wallClockTicks(double from, double to, int stepSeconds, int phase, long gridSeconds, double[] found,
            int count) {
        LocalDateTime start = local(from).minusHours(1);
        int secondOfDay = start.toLocalTime().toSecondOfDay();
        LocalDateTime candidate = start.minusSeconds(Math.floorMod(secondOfDay - phase, stepSeconds)).withNano(0);
        LocalDateTime end = local(to).plusHours(1);
        int added = 0;
        for (; !candidate.isAfter(end) && added < MAX_TICKS - 1; candidate = candidate.plusSeconds(stepSeconds)) {
            long kept = 0;
            boolean any = false;
            for (long value : instantsOf(candidate)) {
                if (Math.floorMod(value, gridSeconds) != 0 || (any && value - kept < stepSeconds)) {
                    continue; // off the grid, or the repeated time's second instant, closer than a step
                }
                kept = value;
                any = true;
                if (value >= from && value <= to && count < MAX_TICKS) {
                    found[count++] = value;
                    added++;
                }
            }
        }
        return count;
    }

    /**
     * The instants (epoch seconds) at which the zone's clock shows {@code local}, earliest first: none
     * in a spring-forward gap, two in a fall-back's repeated time.
     */
    private long[] instantsOf(LocalDateTime local) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        long[] instants = new long[offsets.size()];
        for (int i = 0; i < instants.length; i++) {
            instants[i] = local.toEpochSecond(offsets.get(i));
        }
        Arrays.sort(instants);
        return instants;
    }

    /** How far past the grid of {@code gridSeconds} the zone's clock stands at {@code epochSeconds}. */
    private int phase(double epochSeconds, long gridSeconds) {
        int offset = zone.getRules().getOffset(Instant.ofEpochSecond((long) Math.floor(epochSeconds))).getTotalSeconds();
        return (int) Math.floorMod(offset, gridSeconds);
    }

    /** Ticks at local midnights: every day, every other day, Mondays, month starts or year starts. */
    private int calendarTicks(double from, double to, Step step, double[] found) {
        LocalDate date = local(from).toLocalDate().minusDays(1);
        LocalDate last = local(to).toLocalDate().plusDays(1);
        date = switch (step.unit) {
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
            default -> date;
        };
        int count = 0;
        for (; !date.isAfter(last) && count < MAX_TICKS; date = next(date, step.unit)) {
            if (!onStep(date, step)) {
                continue;
            }
            double value = date.atStartOfDay(zone).toEpochSecond();
            if (value >= from && value <= to) {
                found[count++] = value;
            }
        }
        return count;
    }

    private static LocalDate next(LocalDate date, Unit unit) {
        return switch (unit) {
            case WEEK -> date.plusWeeks(1);
            case MONTH -> date.plusMonths(1);
            case YEAR -> date.plusYears(1);
            default -> date.plusDays(1);
        };
    }

    private static boolean onStep(LocalDate date, Step step) {
        return switch (step.unit) {
            case DAY -> date.toEpochDay() % step.amount == 0;
            case MONTH -> (date.getMonthValue() - 1) % step.amount == 0;
            case YEAR -> date.getYear() % step.amount == 0;
            default -> true;
        };
    }

    /**
     * The label of the tick at {@code epochSeconds}: a clock time for steps under a day (the date
     * for the day's first tick, less than a step after local midnight), the day and month for day
     * and week steps, the month for month steps, and the year at the start of a year or for year steps.
     * A clock time the zone shows twice is followed by which of the two it is ({@code 01:00 EDT},
     * {@code 01:00 EST}); where midnight itself repeats (Havana's, on the day its clocks fall back),
     * its second instant is no longer the day's first tick and reads {@code 00:00 CST}. The day's
     * first tick is the one a step after the day before, not one less than a step after midnight:
     * where midnight is skipped (Havana's, on the day its clocks spring forward) the day starts at
     * 01:00, and that tick read {@code 01:00} with the day named nowhere.
     */
    String label(double epochSeconds, Step step) {
        ZonedDateTime time = at(epochSeconds);
        boolean firstOfDay = firstOfDay(time, step);
        boolean newYear = firstOfDay && time.getDayOfYear() == 1;
        return switch (step.unit) {
            case SECOND -> firstOfDay ? time.format(newYear ? year : dayMonth)
                    : clockTime(time, step.amount < 60 ? seconds : minutes);
            case DAY, WEEK -> time.format(newYear ? year : dayMonth);
            case MONTH -> time.format(time.getMonthValue() == 1 ? year : month);
            case YEAR -> time.format(year);
        };
    }

    /** Whether the tick at {@code epochSeconds} is labelled with its day's date ({@link #label}). */
    boolean namesItsDay(double epochSeconds, Step step) {
        return step.unit != Unit.SECOND || firstOfDay(at(epochSeconds), step);
    }

    /**
     * The label of a tick within a day with its date before its time ({@code 6 Dec 16:30}): for the
     * first tick of an intraday axis on which no tick names its day, so the axis tells which day it
     * shows when panned back over a day's hours. A step of days or more labels dates anyway.
     */
    String labelWithDate(double epochSeconds, Step step) {
        if (step.unit != Unit.SECOND) {
            return label(epochSeconds, step);
        }
        ZonedDateTime time = at(epochSeconds);
        return time.format(dayMonth) + " " + clockTime(time, step.amount < 60 ? seconds : minutes);
    }

    private ZonedDateTime at(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000)).atZone(zone);
    }

    private static boolean firstOfDay(ZonedDateTime time, Step step) {
        return step.unit == Unit.SECOND
                ? time.minusSeconds(step.amount).toLocalDate().isBefore(time.toLocalDate())
                : time.toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    /** {@code time}'s clock time, followed by which of its two instants it is where the zone shows it twice. */
    private static String clockTime(ZonedDateTime time, DateTimeFormatter format) {
        String clock = time.format(format);
        String whichOne = RepeatedLocalTimes.whichOne(time);
        return whichOne.isEmpty() ? clock : clock + " " + whichOne;
    }

    private LocalDateTime local(double epochSeconds) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond((long) Math.floor(epochSeconds)), zone);
    }
}
