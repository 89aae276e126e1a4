package dev.tradedesk.cli;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Spaces;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.store.BarCsvFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --symbol} and {@code --timeframe}, shared by the commands that work on one bar series.
 * Both are validated as they are parsed, so hostile text is a usage error (exit code 2) and
 * never reaches the store.
 */
final class SeriesOptions {

    @Mixin
    private SymbolOption symbol;

    @Option(names = "--timeframe", required = true, paramLabel = "TIMEFRAME", converter = TimeframeConverter.class,
            description = "Bar timeframe: 1Min, 5Min, 15Min, 1Hour or 1Day.")
    private Timeframe timeframe;

    SeriesKey key() {
        return new SeriesKey(symbol.symbol(), timeframe);
    }

    static final class SymbolConverter implements ITypeConverter<Symbol> {
        @Override
        public Symbol convert(String value) {
            try {
                return Symbol.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class TimeframeConverter implements ITypeConverter<Timeframe> {
        @Override
        public Timeframe convert(String value) {
            try {
                return Timeframe.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * An inclusive end: as {@link TimeConverter}, but a date alone means through the end of that
     * (UTC) day, so {@code --from 2024-01-02 --to 2024-01-02} is the whole day.
     */
    static final class ThroughTimeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long time = new TimeConverter().convert(value);
            return isDate(Spaces.trimmed(value)) ? time + java.time.Duration.ofDays(1).toMillis() - 1 : time;
        }

        private static boolean isDate(String text) {
            try {
                java.time.LocalDate.parse(text);
                return true;
            } catch (java.time.format.DateTimeParseException notADate) {
                return false;
            }
        }
    }

    /** An ISO-8601 date (UTC midnight) or date-time (UTC without an offset; its T may be a space), or epoch milliseconds. */
    static final class TimeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return BarCsvFormat.parseTime(Spaces.trimmed(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
