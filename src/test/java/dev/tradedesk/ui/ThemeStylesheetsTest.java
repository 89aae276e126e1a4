package dev.tradedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The build's binary theme stylesheets hold exactly AtlantaFX's rules, and the app uses them. */
class ThemeStylesheetsTest {

    @Test
    void eachThemeLoadsItsBinaryStylesheetWithTheSameRulesAsAtlantaFxText() throws Exception {
        for (Theme theme : Theme.values()) {
            String shown = ThemeStylesheets.userAgentStylesheet(theme);
            assertThat(shown).as("built by process-classes").endsWith("/dev/tradedesk/ui/theme/primer-" + theme.label() + ".bss");

            Stylesheet binary = Stylesheet.loadBinary(new URL(shown));
            String text = ThemeStylesheets.textStylesheet(theme);
            Stylesheet parsed = new CssParser().parse(ThemeStylesheets.class.getResource(text.startsWith("/") ? text : "/" + text));
            assertThat(binary.getRules()).hasSameSizeAs(parsed.getRules()).hasSizeGreaterThan(500);
            for (int i = 0; i < parsed.getRules().size(); i += 50) {
                Rule expected = parsed.getRules().get(i);
                Rule actual = binary.getRules().get(i);
                assertThat(actual.getSelectors().toString()).isEqualTo(expected.getSelectors().toString());
                assertThat(actual.getDeclarations()).hasSameSizeAs(expected.getDeclarations());
                for (int d = 0; d < expected.getDeclarations().size(); d++) {
                    assertThat(actual.getDeclarations().get(d).getProperty()).isEqualTo(expected.getDeclarations().get(d).getProperty());
                }
            }
        }
    }
}
