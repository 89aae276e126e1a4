package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

    @Test
    void readsTheShapesProvidersSend() {
        assertThat(Rfc3339.toEpochMillis("2022-02-01T05:00:00Z")).isEqualTo(Instant.parse("2022-02-01T05:00:00Z").toEpochMilli());
        assertThat(Rfc3339.toEpochMillis("2022-03-18T14:02:09.722539521Z")).isEqualTo(Instant.parse("2022-03-18T14:02:09.722Z").toEpochMilli());
        assertThat(Rfc3339.toEpochMillis("2024-02-29T23:59:59.9-04:00")).isEqualTo(Instant.parse("2024-03-01T03:59:59.900Z").toEpochMilli());
    }

    @Test
    void refusesWhatTheJdkRefuses() {
        for (String bad : new String[] {"2022-02-30T05:00:00Z", "2023-02-29T00:00:00Z", "2022-02-01T24:00:00Z",
                "2022-02-01T05:00:60Z", "2022-02-01T05:00:00", "2022-02-01T05:00:00+19:00",
                "2022-02-01 05:00:00Z", "2022-2-01T05:00:00Z", "２０22-02-01T05:00:00Z", "2022-02-01T05:00:00.1234567890Z"}) {
            assertThatThrownBy(() -> Rfc3339.toEpochMillis(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
    }

    /** Seeded: random valid instants in random shapes, then single-character damage, against the JDK. */
    @Test
    void agreesWithOffsetDateTimeOnRandomAndDamagedText() {
        SplittableRandom random = new SplittableRandom(20261125);
        String alphabet = "0123456789-:T.Z+z ";
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 250_000_000_000L);
            int nanos = random.nextInt(1_000_000_000);
            int offset = random.nextInt(4) == 0 ? 0 : random.nextInt(-18 * 4, 18 * 4 + 1) * 900;
            OffsetDateTime time = Instant.ofEpochSecond(seconds, nanos).atOffset(ZoneOffset.ofTotalSeconds(offset));
            String text = time.toString();
            if (random.nextInt(3) == 0) {
                char[] chars = text.toCharArray();
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                text = new String(chars);
            }
            assertSameAsJdk(text);
        }
    }

    private static void assertSameAsJdk(String text) {
        Long expected;
        try {
            expected = OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeException refused) {
            expected = null;
        }
        if (expected == null) {
            assertThatThrownBy(() -> Rfc3339.toEpochMillis(text)).as(text).isInstanceOf(DateTimeException.class);
        } else {
            assertThat(Rfc3339.toEpochMillis(text)).as(text).isEqualTo(expected);
        }
    }
}
