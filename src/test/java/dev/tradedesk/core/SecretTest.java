package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void neverPrintsItsValue() {
        Secret secret = Secret.of("sk-live-123456789");
        assertThat(secret.toString()).isEqualTo("****");
        assertThat("key=" + secret).doesNotContain("123456789");
        assertThat(secret.reveal()).isEqualTo("sk-live-123456789");
    }

    @Test
    void blankMeansNotSet() {
        assertThat(Secret.of(null).isPresent()).isFalse();
        assertThat(Secret.of("  ").isPresent()).isFalse();
        assertThat(Secret.of("  ")).isEqualTo(Secret.empty()).hasToString("<not set>");
    }

    @Test
    void noBreakSpacesAroundASecretAreTrimmedAsSpacesAre() {
        assertThat(Secret.of("\u00A0PKTESTKEY123\u202F").reveal()).isEqualTo("PKTESTKEY123");
        assertThat(Secret.of("\u2007\u00A0")).as("blank: not set").isEqualTo(Secret.empty());
    }

    @Test
    void equalityComparesValues() {
        assertThat(Secret.of("abc")).isEqualTo(Secret.of(" abc ")).isNotEqualTo(Secret.of("abd"));
    }
}
