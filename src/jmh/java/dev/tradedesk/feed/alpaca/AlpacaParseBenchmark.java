package dev.tradedesk.feed.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.FeedMetrics;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.RecordValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing and validating one "latest bars" body for a watchlist: the per-cycle CPU cost of the
 * feed before the indicators, without the network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AlpacaParseBenchmark {

    @Param({"50", "100"})
    public int symbols;

    private final JsonFactory json = new JsonFactory();
    private byte[] body;
    private Set<Symbol> requested;
    private RecordValidator validator;

    @Setup
    public void recordBody() {
        StringBuilder text = new StringBuilder("{\"bars\":{");
        requested = new TreeSet<>();
        for (int i = 0; i < symbols; i++) {
            String symbol = String.format(Locale.ROOT, "SYM%03d", i);
            requested.add(Symbol.of(symbol));
            double price = 100 + i;
            text.append(i == 0 ? "" : ",").append('"').append(symbol).append("\":{\"t\":\"2026-03-02T15:04:00Z\",\"o\":")
                    .append(price).append(",\"h\":").append(price + 0.5).append(",\"l\":").append(price - 0.25)
                    .append(",\"c\":").append(price + 0.12).append(",\"v\":12345,\"n\":120,\"vw\":").append(price + 0.1).append('}');
        }
        body = text.append("}}").toString().getBytes(StandardCharsets.UTF_8);
        validator = new RecordValidator(new FeedMetrics(ProviderKind.SIM));
    }

    @Benchmark
    public Map<Symbol, Bar> parseAndValidateLatestBars() throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            return new AlpacaBarsParser(validator, requested, Long.MIN_VALUE, Long.MAX_VALUE).parseLatest(parser);
        }
    }
}
