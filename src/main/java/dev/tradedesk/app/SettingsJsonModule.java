package dev.tradedesk.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.Theme;
import java.io.IOException;
import java.util.function.Function;

/**
 * Maps the settings' value types to and from plain JSON strings, with each type's own parser, so
 * a bad value in the file is reported in that type's words ("unknown timeframe '2Min': use one
 * of ..."). Keeps Jackson out of {@code core}.
 */
final class SettingsJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    SettingsJsonModule() {
        super("tradedesk-settings");
        addTextType(Symbol.class, Symbol::of, Symbol::value);
        addTextType(Timeframe.class, Timeframe::parse, Timeframe::label);
        addTextType(ProviderKind.class, ProviderKind::parse, ProviderKind::label);
        addTextType(Theme.class, Theme::parse, Theme::label);
        // The settings file is the one place a secret is written in plain text (owner-only file).
        addTextType(Secret.class, Secret::of, Secret::reveal);
    }

    private <T> void addTextType(Class<T> type, Function<String, T> parse, Function<T, String> format) {
        addSerializer(type, new StdSerializer<>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(format.apply(value));
            }
        });
        addDeserializer(type, new StdDeserializer<>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                    throw JsonMappingException.from(parser,
                            "expected a text value for " + type.getSimpleName() + ", found " + parser.currentToken());
                }
                try {
                    return parse.apply(parser.getText());
                } catch (IllegalArgumentException invalid) {
                    throw JsonMappingException.from(parser, invalid.getMessage(), invalid);
                }
            }
        });
    }
}
