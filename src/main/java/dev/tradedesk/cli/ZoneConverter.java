package dev.tradedesk.cli;

import dev.tradedesk.core.PrintableText;
import dev.tradedesk.core.Spaces;
import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a time zone as an IANA id ({@code America/New_York}), {@code UTC} or an offset ({@code -05:00}). */
class ZoneConverter implements ITypeConverter<ZoneId> {

    @Override
    public ZoneId convert(String text) {
        try {
            return ZoneId.of(Spaces.trimmed(text));
        } catch (DateTimeException unknown) {
            throw new TypeConversionException("unknown time zone '" + PrintableText.of(text, 60)
                    + "': give an IANA zone id such as America/New_York, or UTC");
        }
    }
}
