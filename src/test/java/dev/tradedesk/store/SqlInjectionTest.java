package dev.tradedesk.store;

import static dev.tradedesk.store.TestBars.MINUTE;
import static dev.tradedesk.store.TestBars.T0;
import static dev.tradedesk.store.TestBars.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile symbol and timeframe text never reaches SQL: it is rejected when the series key is
 * made, and what is accepted is bound as a parameter, so punctuation that symbols may carry is
 * stored as data.
 */
class SqlInjectionTest {

    private static final SeriesKey AAPL = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);

    @TempDir
    Path dir;

    private StoreFixture fixture;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(dir);
        fixture.store.write(AAPL, minutes(T0, 10, 0));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAPL'; DROP TABLE bars; --", "A' OR '1'='1", "AAPL\"--", "AAPL;SHUTDOWN", "x) OR (1=1",
            "AAPL/*", "AAPL--", "' UNION SELECT * FROM series --", "AAPL\u0000", "../../etc/passwd"})
    void hostileSymbolsAreRejectedBeforeTheyReachTheStore(String symbol) {
        assertThatThrownBy(() -> SeriesKey.of(symbol, Timeframe.ONE_MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid symbol");
        assertThat(fixture.store.range(AAPL, T0, T0 + 9 * MINUTE).size()).isEqualTo(10);
        assertThat(fixture.store.listSeries()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1Min' OR '1'='1", "1Min; DROP TABLE bars", "1Min--"})
    void hostileTimeframesAreRejected(String timeframe) {
        assertThatThrownBy(() -> Timeframe.parse(timeframe)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void symbolsWithPunctuationAreStoredAsDataAndKeptApart() {
        String[] symbols = {"BRK.B", "BRK-B", "BTC/USD", "BTC-USD", "BRKB"};
        for (int i = 0; i < symbols.length; i++) {
            fixture.store.write(SeriesKey.of(symbols[i], Timeframe.ONE_DAY), minutes(T0, i + 1, i));
        }

        for (int i = 0; i < symbols.length; i++) {
            BarSnapshot bars = fixture.store.range(SeriesKey.of(symbols[i], Timeframe.ONE_DAY), T0, T0 + 100 * MINUTE);
            assertThat(bars).as(symbols[i]).isEqualTo(BarSnapshot.copyOf(minutes(T0, i + 1, i)));
        }
        assertThat(fixture.store.listSeries()).hasSize(symbols.length + 1);
    }
}
