package dev.tradedesk.feed;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the one {@link OkHttpClient} a market session's provider uses: one connection pool, one
 * dispatcher, transparent gzip (OkHttp's default), and timeouts that keep a stalled provider from
 * holding a cycle hostage.
 */
public final class HttpClients {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private HttpClients() {
    }

    /**
     * @param dispatcherThreads runs OkHttp's async calls; owned (and shut down) by the caller. It
     *                          must not queue tasks (OkHttp queues them itself), like a cached pool.
     */
    public static OkHttpClient create(ExecutorService dispatcherThreads, Duration readTimeout) {
        return builder(dispatcherThreads, readTimeout).build();
    }

    /**
     * A client for plain HTTP only, for the simulated exchange on the loopback interface. OkHttp sets
     * up TLS when a client is built, reading and parsing the JDK's trust store (about 280 classes and
     * a quarter of a second of CPU on a small machine), work that the default start would do for
     * nothing while it competes with the first frame.
     */
    public static OkHttpClient createCleartext(ExecutorService dispatcherThreads, Duration readTimeout) {
        return builder(dispatcherThreads, readTimeout).connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    }

    private static OkHttpClient.Builder builder(ExecutorService dispatcherThreads, Duration readTimeout) {
        Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(16);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(readTimeout)
                .writeTimeout(READ_TIMEOUT)
                .callTimeout(CALL_TIMEOUT.compareTo(readTimeout) > 0 ? CALL_TIMEOUT : readTimeout.multipliedBy(3));
    }

    /** Ends idle connections; the dispatcher's threads belong to whoever passed them in. */
    public static void close(OkHttpClient client) {
        client.dispatcher().cancelAll();
        client.connectionPool().evictAll();
    }
}
