package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyRejectionsTest {

    private final KeyRejections rejections = new KeyRejections();

    @Test
    void aRequestSentAfterTheFirstRejectionArrivedAndRejectedTooIsTheSecondInARow() {
        long history = rejections.send();
        assertThat(rejections.rejectedAgain(history)).isFalse();
        long retry = rejections.send();
        assertThat(rejections.rejectedAgain(retry)).isTrue();
    }

    @Test
    void requestsInFlightTogetherWhenTheKeyWasRejectedAreOneRejection() {
        long latest = rejections.send();
        long closing = rejections.send();
        long history = rejections.send();
        assertThat(rejections.rejectedAgain(history)).isFalse();
        assertThat(rejections.rejectedAgain(latest)).isFalse();
        assertThat(rejections.rejectedAgain(closing)).isFalse();
        assertThat(rejections.rejectedAgain(rejections.send())).isTrue();
    }

    @Test
    void anAnswerInBetweenEndsTheRow() {
        assertThat(rejections.rejectedAgain(rejections.send())).isFalse();
        rejections.send();
        rejections.answered();
        assertThat(rejections.rejectedAgain(rejections.send())).isFalse();
    }
}
