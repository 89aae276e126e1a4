package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated exchange's client speaks plain HTTP and never sets up TLS; a real provider's does. */
class HttpClientsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void cleartextClientHasNoTlsAndStillSpeaksPlainHttp() throws IOException {
        OkHttpClient client = HttpClients.createCleartext(threads, Duration.ofSeconds(5));
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body("{\"bars\":{}}").build());
            server.start();

            assertThatThrownBy(client::sslSocketFactory).isInstanceOf(IllegalStateException.class);
            try (Response response = client.newCall(new Request.Builder().url(server.url("/v2/stocks/bars/latest")).build())
                    .execute()) {
                assertThat(response.body().string()).isEqualTo("{\"bars\":{}}");
            }
        } finally {
            HttpClients.close(client);
        }
    }

    @Test
    void providerClientSetsUpTls() {
        OkHttpClient client = HttpClients.create(threads, Duration.ofSeconds(5));
        try {
            assertThat(client.sslSocketFactory()).isNotNull();
            assertThat(client.x509TrustManager()).isNotNull();
        } finally {
            HttpClients.close(client);
        }
    }
}
