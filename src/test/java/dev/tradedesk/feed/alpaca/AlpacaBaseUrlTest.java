package dev.tradedesk.feed.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlpacaBaseUrlTest {

    @Test
    void anHttpUrlWithAHostIsTakenItsSchemeInLowerCaseAndWithoutATrailingSlash() {
        assertThat(AlpacaBaseUrl.problem("https://data.alpaca.markets")).isEmpty();
        assertThat(AlpacaBaseUrl.normalized(" HTTPS://data.alpaca.markets/ ")).isEqualTo("https://data.alpaca.markets");
        assertThat(AlpacaBaseUrl.normalized("http://127.0.0.1:8443")).isEqualTo("http://127.0.0.1:8443");
    }

    @Test
    void aUserNameAndPasswordInTheUrlAreRefusedAndNeverQuotedBack() {
        String withPassword = "https://trader:hunter2@proxy.example";
        assertThat(AlpacaBaseUrl.problem(withPassword)).get().asString().contains("user name and password");
        assertThatThrownBy(() -> AlpacaBaseUrl.normalized(withPassword))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user name and password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aPortOutsideOneTo65535IsRefusedAsTheHttpClientWouldRefuseIt() {
        assertThat(AlpacaBaseUrl.problem("https://proxy.example:99999")).get().asString().contains("1 to 65535");
        assertThat(AlpacaBaseUrl.problem("https://proxy.example:0")).get().asString().contains("1 to 65535");
        assertThat(AlpacaBaseUrl.problem("https://proxy.example:65535")).isEmpty();
        assertThatThrownBy(() -> AlpacaBaseUrl.normalized("https://proxy.example:99999"))
                .hasMessageContaining("'https://proxy.example:99999'");
    }

    @Test
    void otherSchemesAndTextWithoutAHostAreRefused() {
        assertThat(AlpacaBaseUrl.problem("ftp://data.alpaca.markets")).isPresent();
        assertThat(AlpacaBaseUrl.problem("data.alpaca.markets")).isPresent();
        assertThat(AlpacaBaseUrl.problem("")).isPresent();
        assertThat(AlpacaBaseUrl.problem(null)).isPresent();
        assertThat(AlpacaBaseUrl.problem("https://exa mple.com")).isPresent();
    }
}
