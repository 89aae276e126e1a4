package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BarAggregatorTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Random one-minute bars with gaps, starting at {@code start}. */
    private static BarColumns minutes(long start, int count, long seed) {
        Random random = new Random(seed);
        BarColumns bars = new BarColumns(count);
        double price = 100;
        long time = start;
        for (int i = 0; i < count; i++) {
            time += 60_000L * (random.nextInt(20) == 0 ? 1 + random.nextInt(30) : 1);
            double open = price;
            price = Math.max(1, price + random.nextGaussian());
            double high = Math.max(open, price) + random.nextDouble();
            double low = Math.max(0.5, Math.min(open, price) - random.nextDouble());
            bars.add(time, open, high, low, price, random.nextInt(1000));
        }
        return bars;
    }

    /** Brute force: group by bucket and fold. */
    private static List<Bar> bruteForce(BarColumns bars, BarAggregator bucketing) {
        List<Bar> out = new ArrayList<>();
        int i = 0;
        while (i < bars.size()) {
            long bucket = bucketing.bucketStartOf(bars.time(i));
            double open = bars.open(i);
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            double close = 0;
            double volume = 0;
            for (; i < bars.size() && bucketing.bucketStartOf(bars.time(i)) == bucket; i++) {
                high = Math.max(high, bars.high(i));
                low = Math.min(low, bars.low(i));
                close = bars.close(i);
                volume += bars.volume(i);
            }
            out.add(new Bar(bucket, open, high, low, close, volume));
        }
        return out;
    }

    private static List<Bar> list(BarColumns bars) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            out.add(bars.bar(i));
        }
        return out;
    }

    @Test
    void everyTimeframeAggregatesExactly() {
        BarColumns minutes = minutes(Instant.parse("2026-03-06T00:00:00Z").toEpochMilli(), 20_000, 3);
        for (Timeframe timeframe : Timeframe.values()) {
            BarColumns aggregated = BarAggregator.aggregate(minutes, timeframe, NEW_YORK);
            assertThat(list(aggregated)).as(timeframe.label())
                    .isEqualTo(bruteForce(minutes, new BarAggregator(timeframe, NEW_YORK)));
        }
    }

    @Test
    void bucketsAlignToTheClockAndDaysToNewYorkMidnightAcrossDaylightSaving() {
        BarAggregator fiveMinutes = new BarAggregator(Timeframe.FIVE_MINUTES, NEW_YORK);
        assertThat(fiveMinutes.bucketStartOf(Instant.parse("2026-03-06T14:33:59Z").toEpochMilli()))
                .isEqualTo(Instant.parse("2026-03-06T14:30:00Z").toEpochMilli());
        BarAggregator days = new BarAggregator(Timeframe.ONE_DAY, NEW_YORK);
        assertThat(Instant.ofEpochMilli(days.bucketStartOf(Instant.parse("2026-03-06T12:00:00Z").toEpochMilli())))
                .isEqualTo(Instant.parse("2026-03-06T05:00:00Z"));
        assertThat(Instant.ofEpochMilli(days.bucketStartOf(Instant.parse("2026-03-09T12:00:00Z").toEpochMilli())))
                .as("after the switch to summer time").isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
    }

    @Test
    void newYorksDaysOfTwentyThreeAndTwentyFiveHoursAreOneDailyBarEachWhereverUtcsMidnightFalls() {
        for (String[] day : new String[][] {
                {"2024-03-10T05:00:00Z", "2024-03-11T04:00:00Z"}, {"2024-11-03T04:00:00Z", "2024-11-04T05:00:00Z"}}) {
            long start = Instant.parse(day[0]).toEpochMilli();
            long end = Instant.parse(day[1]).toEpochMilli();
            BarColumns minutes = new BarColumns(1_600);
            for (long t = start - 60_000; t <= end; t += 60_000) {
                minutes.add(t, 100, 101, 99, 100, 1);
            }
            BarColumns days = BarAggregator.aggregate(minutes, Timeframe.ONE_DAY, NEW_YORK);
            assertThat(days.size()).as("the day before, %s, the day after", day[0]).isEqualTo(3);
            assertThat(Instant.ofEpochMilli(days.time(1))).isEqualTo(Instant.parse(day[0]));
            assertThat(days.volume(1)).as("minutes in the day from %s", day[0]).isEqualTo((end - start) / 60_000.0);
        }
        BarAggregator days = new BarAggregator(Timeframe.ONE_DAY, NEW_YORK);
        long lastUtcMinute = Instant.parse("2024-11-03T23:59:00Z").toEpochMilli();
        assertThat(days.bucketStartOf(lastUtcMinute + 60_000)).as("UTC's midnight is 19:00 in New York")
                .isEqualTo(days.bucketStartOf(lastUtcMinute)).isEqualTo(Instant.parse("2024-11-03T04:00:00Z").toEpochMilli());
    }

    /** A crypto market's day (ProviderKind.tradingDayZone): UTC's, 24 hours even when New York's clocks change. */
    @Test
    void utcDaysOpenAtUtcsMidnightAndSpanTwentyFourHoursWhenNewYorksClocksChange() {
        long start = Instant.parse("2024-11-03T00:00:00Z").toEpochMilli();
        BarColumns minutes = new BarColumns(3 * 1_440);
        for (long t = start - 60_000; t < start + 2 * 86_400_000L; t += 60_000) {
            minutes.add(t, 100, 101, 99, 100, 1);
        }
        BarColumns days = BarAggregator.aggregate(minutes, Timeframe.ONE_DAY, java.time.ZoneOffset.UTC);
        assertThat(days.size()).as("the minute before, then two days").isEqualTo(3);
        assertThat(Instant.ofEpochMilli(days.time(1))).isEqualTo(Instant.parse("2024-11-03T00:00:00Z"));
        assertThat(Instant.ofEpochMilli(days.time(2))).isEqualTo(Instant.parse("2024-11-04T00:00:00Z"));
        assertThat(days.volume(1)).isEqualTo(1_440);
        assertThat(days.volume(2)).isEqualTo(1_440);
        assertThat(BarAggregator.aggregate(minutes, Timeframe.ONE_DAY, NEW_YORK).time(1))
                .as("New York's day of 25 hours opens elsewhere").isEqualTo(Instant.parse("2024-11-03T04:00:00Z").toEpochMilli());
    }

    @Test
    void hourAndQuarterHourBucketsOpenOnUtcsGridWhateverTheDaysZone() {
        BarColumns minutes = minutes(Instant.parse("2024-03-09T00:00:00Z").toEpochMilli(), 6_000, 5);
        for (Timeframe timeframe : new Timeframe[] {Timeframe.FIFTEEN_MINUTES, Timeframe.ONE_HOUR}) {
            BarColumns inNewYork = BarAggregator.aggregate(minutes, timeframe, NEW_YORK);
            assertThat(list(BarAggregator.aggregate(minutes, timeframe, ZoneId.of("Asia/Kolkata"))))
                    .as(timeframe.label()).isEqualTo(list(inNewYork));
            for (int i = 0; i < inNewYork.size(); i++) {
                assertThat(inNewYork.time(i) % timeframe.millis()).as("bucket %s", Instant.ofEpochMilli(inNewYork.time(i)))
                        .isZero();
            }
        }
    }

    @Test
    void liveAggregationMatchesHistoryAndShowsTheFormingBucket() {
        BarColumns minutes = minutes(Instant.parse("2026-03-06T00:00:00Z").toEpochMilli(), 600, 9);
        BarAggregator live = new BarAggregator(Timeframe.FIFTEEN_MINUTES, NEW_YORK);
        BarColumns completed = new BarColumns(0);
        for (int i = 0; i < minutes.size() - 1; i++) {
            live.add(minutes.time(i), minutes.open(i), minutes.high(i), minutes.low(i), minutes.close(i), minutes.volume(i),
                    completed::add);
        }
        Bar lastMinute = minutes.bar(minutes.size() - 1);
        BarColumns forming = new BarColumns(1);
        assertThat(live.forming(lastMinute, forming::add)).isTrue();
        completed.add(forming.bar(0));
        List<Bar> expected = list(BarAggregator.aggregate(minutes, Timeframe.FIFTEEN_MINUTES, NEW_YORK));
        assertThat(list(completed).subList(0, completed.size() - 1)).isEqualTo(expected.subList(0, expected.size() - 1));
        assertThat(completed.bar(completed.size() - 1)).isEqualTo(expected.get(expected.size() - 1));
    }

    @Test
    void formingDoesNotChangeTheBucket() {
        BarAggregator hour = new BarAggregator(Timeframe.ONE_HOUR, NEW_YORK);
        long t = Instant.parse("2026-03-06T10:00:00Z").toEpochMilli();
        hour.add(t, 10, 11, 9, 10.5, 100, (a, b, c, d, e, f) -> { });
        BarColumns out = new BarColumns(2);
        hour.forming(new Bar(t + 60_000, 10.5, 20, 10, 19, 5), out::add);
        hour.forming(null, out::add);
        assertThat(out.bar(0)).isEqualTo(new Bar(t, 10, 20, 9, 19, 105));
        assertThat(out.bar(1)).isEqualTo(new Bar(t, 10, 11, 9, 10.5, 100));
    }

    @Test
    void aBucketIsOverAfterItsLastMinuteOrOnceTheClockHasPassedIt() {
        BarAggregator fiveMinutes = new BarAggregator(Timeframe.FIVE_MINUTES, BarAggregator.NEW_YORK);
        long bucket = java.time.Instant.parse("2024-01-02T14:30:00Z").toEpochMilli();
        assertThat(fiveMinutes.bucketOver(bucket + 4 * 60_000, bucket)).as("its last minute").isTrue();
        assertThat(fiveMinutes.bucketOver(bucket + 60_000, bucket + 2 * 60_000)).as("minutes still to come").isFalse();
        assertThat(fiveMinutes.bucketOver(bucket + 60_000, bucket + 5 * 60_000)).as("the clock passed it").isTrue();
        BarAggregator days = new BarAggregator(Timeframe.ONE_DAY, BarAggregator.NEW_YORK);
        long lateEvening = java.time.Instant.parse("2024-01-03T04:00:00Z").toEpochMilli(); // 23:00 in New York
        assertThat(days.bucketOver(lateEvening, lateEvening + 30 * 60_000)).isFalse();
        assertThat(days.bucketOver(lateEvening, lateEvening + 61 * 60_000)).as("past New York midnight").isTrue();
    }
}
