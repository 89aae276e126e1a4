package dev.tradedesk.testing;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher with one response queue per key (a symbol, say), so requests made
 * concurrently for different symbols get their own answers whatever order they arrive in. It also
 * records how many requests of one key were being answered at the same moment: with a
 * {@code hold}, requests a client sends concurrently overlap here for sure. An unexpected request
 * gets a 404. Thread-safe (MockWebServer serves each connection on its own thread).
 */
public final class KeyedDispatcher extends Dispatcher {

    private final Function<RecordedRequest, String> keyOf;
    private final Duration hold;
    private final Map<String, Queue<MockResponse>> responses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answering = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();

    /** @param hold how long each answer is held back before it is sent */
    public KeyedDispatcher(Function<RecordedRequest, String> keyOf, Duration hold) {
        this.keyOf = keyOf;
        this.hold = hold;
    }

    public KeyedDispatcher(Function<RecordedRequest, String> keyOf) {
        this(keyOf, Duration.ZERO);
    }

    public KeyedDispatcher enqueue(String key, MockResponse response) {
        responses.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(response);
        return this;
    }

    /** The largest number of requests for {@code key} that were being answered at the same time. */
    public int mostAtOnce(String key) {
        AtomicInteger most = mostAtOnce.get(key);
        return most == null ? 0 : most.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String key = keyOf.apply(request);
        AtomicInteger now = answering.computeIfAbsent(key, k -> new AtomicInteger());
        int atOnce = now.incrementAndGet();
        mostAtOnce.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(atOnce, Math::max);
        try {
            Thread.sleep(hold.toMillis());
            Queue<MockResponse> queue = responses.get(key);
            MockResponse response = queue == null ? null : queue.poll();
            return response != null ? response
                    : new MockResponse.Builder().code(404).body("no response queued for '" + key + "'").build();
        } finally {
            now.decrementAndGet();
        }
    }
}
