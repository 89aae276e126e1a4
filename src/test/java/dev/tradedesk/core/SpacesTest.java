package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpacesTest {

    @Test
    void noBreakSpacesAreTrimmedAsTheSpacesStripTakes() {
        assertThat(Spaces.trimmed("\u00A0Europe/Paris\u202F")).isEqualTo("Europe/Paris");
        assertThat(Spaces.trimmed(" \t\u2007AAPL MSFT\u00A0\n")).as("spaces inside stay").isEqualTo("AAPL MSFT");
        assertThat(Spaces.trimmed(null)).isEmpty();
        assertThat(Spaces.isBlank("\u00A0 \u202F")).isTrue();
        assertThat(Spaces.isBlank("\u200B")).as("a zero-width space is no space: it is invisible, not blank").isFalse();
    }

    @Test
    void theRegularExpressionClassMatchesTheSameCharactersAsIsSpace() {
        Pattern space = Pattern.compile(Spaces.CHARACTER_CLASS);
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(space.matcher(String.valueOf(c)).matches()).as("U+%04X", (int) c).isEqualTo(Spaces.isSpace(c));
        }
    }
}
