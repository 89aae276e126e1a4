package dev.tradedesk.cli;

import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --from} and {@code --to}, shared by the commands that work on a span of a stored series:
 * bar open times, both inclusive, a bound not given leaving that side open.
 */
final class TimeSpanOptions {

    @Option(names = "--from", paramLabel = "TIME", converter = SeriesOptions.TimeConverter.class,
            description = "First bar open time, inclusive: ISO-8601 (UTC unless an offset is given) or epoch"
                    + " milliseconds (default: the first stored bar).")
    private Long from;

    @Option(names = "--to", paramLabel = "TIME", converter = SeriesOptions.ThroughTimeConverter.class,
            description = "Last bar open time, inclusive; a date alone means through the end of that day (default:"
                    + " the last stored bar).")
    private Long to;

    /**
     * The bars opening from {@code first} to {@code last}, epoch milliseconds; {@code whole} when
     * neither bound was given.
     */
    record Span(long first, long last, boolean whole) {
    }

    /** @throws ParameterException (a usage error) if {@code --from} is after {@code --to} */
    Span span(CommandLine command) {
        long first = from == null ? Long.MIN_VALUE : from;
        long last = to == null ? Long.MAX_VALUE : to;
        if (first > last) {
            throw new ParameterException(command, "--from " + Instant.ofEpochMilli(first) + " is after --to "
                    + Instant.ofEpochMilli(last));
        }
        return new Span(first, last, from == null && to == null);
    }
}
