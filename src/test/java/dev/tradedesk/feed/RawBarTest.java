package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RawBarTest {

    @Test
    void aLogSampleShowsTheTimeAsAnInstantBesideTheNumberSent() {
        RawBar raw = new RawBar();
        raw.time = Instant.parse("2026-12-05T18:47:00Z").toEpochMilli();
        raw.open = 100;
        assertThat(raw.toString()).startsWith("time=2026-12-05T18:47:00Z (1796496420000) open=100.0 ");
    }

    @Test
    void aTimeThatIsNoInstantIsShownAsTheNumberItIs() {
        RawBar raw = new RawBar();
        assertThat(raw.toString()).startsWith("time=0 ");
        raw.time = Long.MAX_VALUE;
        assertThat(raw.toString()).startsWith("time=" + Long.MAX_VALUE + " ");
    }
}
