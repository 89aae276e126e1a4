package dev.tradedesk.feed.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** A response of the simulated exchange: a status and a writer for its JSON body. */
record AlpacaResponse(int status, BodyWriter writer) {

    @FunctionalInterface
    interface BodyWriter {
        void write(JsonGenerator json) throws IOException;
    }

    static AlpacaResponse ok(BodyWriter writer) {
        return new AlpacaResponse(200, writer);
    }

    /** Alpaca's error body: {@code {"code": <status>10000, "message": "..."}}. */
    static AlpacaResponse error(int status, String message) {
        return new AlpacaResponse(status, json -> {
            json.writeStartObject();
            json.writeNumberField("code", status * 100_000L + 10_000L);
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }
}
