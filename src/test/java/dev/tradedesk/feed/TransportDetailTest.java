package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** What a transport failure adds to the status bar's reason: words, never an exception's class name. */
class TransportDetailTest {

    @Test
    void aFailureIsSaidInWordsWithoutItsClassName() {
        assertThat(ProviderHttp.transportDetail(new UnknownHostException("api.binance.com")))
                .isEqualTo("no address for api.binance.com");
        assertThat(ProviderHttp.transportDetail(new ConnectException("Failed to connect to localhost/127.0.0.1:18701")))
                .isEqualTo("Failed to connect to localhost/127.0.0.1:18701");
        assertThat(ProviderHttp.transportDetail(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo("secure connection: PKIX path building failed");
        assertThat(ProviderHttp.transportDetail(new EOFException("\\n not found: limit=0 content=…")))
                .isEqualTo("the connection closed early");
        assertThat(ProviderHttp.transportDetail(new IOException())).isEqualTo("the connection closed early");
    }

    @Test
    void aTimeoutAddsOnlyWhetherItWasTheConnectionThatTookTooLong() {
        assertThat(ProviderHttp.transportDetail(new SocketTimeoutException("timeout"))).isEmpty();
        assertThat(ProviderHttp.transportDetail(new SocketTimeoutException("Read timed out"))).isEmpty();
        assertThat(ProviderHttp.transportDetail(new SocketTimeoutException("Connect timed out"))).isEqualTo("while connecting");
    }

    @Test
    void aReasonIsOnePrintableLine() {
        assertThat(ProviderHttp.transportDetail(new IOException("reset\nby \u001b[2Jpeer"))).isEqualTo("reset by \\u001b[2Jpeer");
    }
}
