package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** What makes two failures of one outage the same failure, told once and then summarized. */
class ProviderConnectionTest {

    @Test
    void aConnectionFailureIsTheSameWhateverItsWordingAndAnHttpFailureByItsMessage() {
        // As Binance unreachable came: the platform's resolver wording one time, none the next.
        ProviderException withReason = new ProviderException(ProviderException.Kind.NETWORK, "binance live prices connection"
                + " failed before a response arrived (no address for api.binance.com: Name or service not known)",
                new UnknownHostException("api.binance.com: Name or service not known"));
        ProviderException without = new ProviderException(ProviderException.Kind.NETWORK, "binance live prices connection"
                + " failed before a response arrived (no address for api.binance.com)", new UnknownHostException("api.binance.com"));
        assertThat(ProviderConnection.sameFailureKey(withReason)).isEqualTo(ProviderConnection.sameFailureKey(without));

        ProviderException timeout = new ProviderException(ProviderException.Kind.TIMEOUT, "binance did not answer in time", null);
        assertThat(ProviderConnection.sameFailureKey(timeout)).as("another kind of failure").isNotEqualTo(
                ProviderConnection.sameFailureKey(without));

        ProviderException status500 = new ProviderException(ProviderException.Kind.SERVER_ERROR, "Binance answered HTTP 500", null);
        ProviderException status503 = new ProviderException(ProviderException.Kind.SERVER_ERROR, "Binance answered HTTP 503", null);
        assertThat(ProviderConnection.sameFailureKey(status500)).isNotEqualTo(ProviderConnection.sameFailureKey(status503));
    }
}
