package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RawBarTest {

    @Test
    void aLogSampleShowsTheTimeAsAnInstantBesideTheNumberSent() {
        RawBar raw = new RawBar();
        raw.setTime(Instant.parse("2026-12-05T18:47:00Z").toEpochMilli());
        raw.set(RawBar.OPEN, 100);
        assertThat(raw.toString()).startsWith("time=2026-12-05T18:47:00Z (1796496420000) open=100.0 ");
    }

    @Test
    void aTimeThatIsNoInstantIsShownAsTheNumberItIs() {
        RawBar raw = new RawBar();
        raw.setTime(0);
        assertThat(raw.toString()).startsWith("time=0 ");
        raw.setTime(Long.MAX_VALUE);
        assertThat(raw.toString()).startsWith("time=" + Long.MAX_VALUE + " ");
    }

    @Test
    void aMistypedFieldIsShownAsReceivedAndAFieldNeverReadAsMissing() throws IOException {
        RawBar raw = new RawBar();
        raw.set(RawBar.OPEN, 7); // the previous record's value must not show through
        raw.reset();
        raw.setTime(Instant.parse("2026-12-05T18:47:00Z").toEpochMilli());
        raw.set(RawBar.HIGH, 11);
        raw.set(RawBar.LOW, 9);
        readDecimalText(raw, "\"12,5\"", RawBar.CLOSE);
        readDecimalText(raw, "{\"value\":1}", RawBar.VOLUME);

        assertThat(raw.readDefect()).isEqualTo(RecordValidator.WRONG_TYPE);
        assertThat(raw).hasToString("time=2026-12-05T18:47:00Z (1796496420000) open=(missing) high=11.0 low=9.0"
                + " close=\"12,5\" volume={…}");
    }

    @Test
    void receivedTextStaysOnOneLineAndShort() throws IOException {
        RawBar raw = new RawBar();
        readDecimalText(raw, "\"1\\n2\\u001b[31m\\u202e\\\"" + "9".repeat(100) + "\"", RawBar.OPEN);
        raw.readNumber(parser("true"), RawBar.HIGH);

        String open = raw.toString().substring(raw.toString().indexOf("open=") + 5, raw.toString().indexOf(" high="));
        assertThat(open).isEqualTo("\"1\\u000a2\\u001b[31m\\u202e\\\"" + "9".repeat(RawBar.MAX_RECEIVED_LENGTH - 10) + "…\"");
        assertThat(raw.toString()).contains("high=true ");
    }

    private static void readDecimalText(RawBar raw, String json, int field) throws IOException {
        raw.readDecimalText(parser(json), field);
    }

    /** A parser on the first token of {@code json}. */
    private static JsonParser parser(String json) throws IOException {
        JsonParser parser = new JsonFactory().createParser(json);
        parser.nextToken();
        return parser;
    }
}
