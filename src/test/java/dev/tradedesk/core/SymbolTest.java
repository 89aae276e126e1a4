package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolTest {

    @ParameterizedTest
    @ValueSource(strings = {"AAPL", "brk.b", "BTCUSDT", "BTC-USD", "BTC/USD", " spy ", "A", "ABCDEFGHIJKLMNO"})
    void acceptsProviderSpellingsAndUpperCasesThem(String text) {
        Symbol symbol = Symbol.of(text);
        assertThat(symbol.value()).isEqualTo(text.strip().toUpperCase(java.util.Locale.ROOT));
        assertThat(symbol).hasToString(symbol.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ABCDEFGHIJKLMNOP", "AAPL; DROP TABLE bars", "../etc/passwd", "A'B", "A B",
            "AAP\nL", "ÄPPLE", "...", "-/-", "%41",
            "/AAPL", "AAPL/", "BTC//USD", ".B", "A..B", "C:\\x", "../x", "..", "%2F", "A%2FB", "AAPL?x=1", "AAPL#",
            "AAPL&symbols=MSFT", "AAPL' OR '1'='1", "AAPL--", "ſpy", "ıbm", "ＡＡＰＬ", "AAPL\u200b", "ΑAPL", "АAPL",
            "BRK\u2024B", "A\u0000"})
    void rejectsAnythingThatCouldReachSqlOrAUrlUnchecked(String text) {
        assertThatThrownBy(() -> Symbol.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid symbol")
                .hasMessageContaining("letters A-Z, digits 0-9");
    }

    @org.junit.jupiter.api.Test
    void aLetterOutsideAsciiIsRefusedForWhatItIs() {
        // "letters" alone read as untrue for ÄPFEL: Ä is a letter, just not one a provider takes.
        assertThatThrownBy(() -> Symbol.of("ÄPFEL")).hasMessage("invalid symbol 'ÄPFEL': use 1 to 15 letters A-Z,"
                + " digits 0-9, '.', '-' or '/' (separators only between letters or digits)");
    }

    @org.junit.jupiter.api.Test
    void aRefusedSymbolIsQuotedAsTyped() {
        assertThatThrownBy(() -> Symbol.of("ſpy")).hasMessageStartingWith("invalid symbol 'ſpy':");
        assertThatThrownBy(() -> Symbol.of("../../etc/passwd")).hasMessageStartingWith("invalid symbol '../../etc/passwd':");
    }

    @org.junit.jupiter.api.Test
    void aRefusedSymbolsEscapesAndDirectionOverridesAreShownEscapedAndALongOneIsCut() {
        // An escape sequence would act on the terminal; a right-to-left override would reverse what follows it.
        assertThatThrownBy(() -> Symbol.of("A\u001b[2JB\u202eC")).hasMessageStartingWith("invalid symbol 'A\\u001b[2JB\\u202eC':");
        assertThatThrownBy(() -> Symbol.of("X".repeat(100))).hasMessageStartingWith("invalid symbol '" + "X".repeat(40) + "…':");
    }

    @org.junit.jupiter.api.Test
    void noBreakSpacesAroundASymbolAreTrimmedAsSpacesAre() {
        assertThat(Symbol.of("\u00A0brk.b\u202F").value()).isEqualTo("BRK.B");
        assertThat(Symbol.of("\u2007SPY\u00A0 ")).isEqualTo(Symbol.of("SPY"));
    }

    @org.junit.jupiter.api.Test
    void rejectsNullWithAClearMessage() {
        assertThatThrownBy(() -> Symbol.of(null)).hasMessage("symbol is missing");
    }

    @org.junit.jupiter.api.Test
    void errorMessageKeepsHostileInputShortAndPrintable() {
        String hostile = "X".repeat(5000) + "\u0000";
        assertThatThrownBy(() -> Symbol.of(hostile))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\u0000"));
    }
}
