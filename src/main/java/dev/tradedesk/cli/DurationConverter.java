package dev.tradedesk.cli;

import dev.tradedesk.core.Spaces;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people write them: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 1d}, or ISO {@code PT90S}.
 * A negative one ({@code PT-5S}) is refused: no option takes one, and a run "for -5 s" ended at once
 * and exited 0. {@link Positive} refuses zero as well, for the options where it means nothing.
 */
class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    @Override
    public Duration convert(String text) {
        Duration duration = parse(text);
        if (duration.isNegative()) {
            throw new TypeConversionException("'" + text + "' is negative: give a length of time such as 30s or 10m");
        }
        return duration;
    }

    private static Duration parse(String text) {
        Matcher matcher = SIMPLE.matcher(Spaces.trimmed(text).toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(Spaces.trimmed(text));
        } catch (DateTimeParseException invalid) {
            throw new TypeConversionException("'" + text + "' is not a duration: use e.g. 30s, 10m, 2h or PT90S");
        }
    }

    /**
     * For a run's length, an interval or a timeout, where zero is no choice anyone makes: a run of
     * {@code 0s} recorded nothing and exited 0, and a sampling interval of {@code 0s} failed with a
     * bare {@code IllegalArgumentException}.
     */
    static final class Positive extends DurationConverter {
        @Override
        public Duration convert(String text) {
            Duration duration = super.convert(text);
            if (duration.isZero()) {
                throw new TypeConversionException("'" + text + "' is no time at all: give a length of time such as 30s or 10m");
            }
            return duration;
        }
    }
}
