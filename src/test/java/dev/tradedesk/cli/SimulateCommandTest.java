package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.app.BuildInfo;
import dev.tradedesk.app.HostEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CompletableFuture<Integer> runAsync(String... args) {
        return CompletableFuture.supplyAsync(() -> TradeDeskCommand.commandLine(new HostEnvironment("Linux", dir, Map.of()),
                new BuildInfo("1.0.0"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args));
    }

    @Test
    void runsTheExchangeAloneAndPrintsItsUrl() throws Exception {
        CompletableFuture<Integer> exit = runAsync("--data-dir", dir.toString(), "simulate", "--symbols", "AAPL,btc-usd",
                "--speed", "60", "--duration", "3s");
        String url = awaitUrl();
        HttpResponse<String> latest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url + "/v2/stocks/bars/latest?symbols=AAPL,BTC-USD,MSFT")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.body()).contains("\"AAPL\":{\"t\":", "\"BTC-USD\":{").doesNotContain("MSFT");
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("symbols: AAPL,BTC-USD", "speed: 60.0x");
    }

    @Test
    void invalidSymbolIsAUsageError() throws Exception {
        assertThat(runAsync("--data-dir", dir.toString(), "simulate", "--symbols", "AAPL,../x").get(20, TimeUnit.SECONDS))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--symbols: invalid symbol '../x'");
    }

    @Test
    void aSpeedTheSimulatedClockCannotRunAtIsAUsageError() throws Exception {
        for (String speed : new String[] {"0", "-5", "1e300", "NaN"}) {
            err.reset();
            assertThat(runAsync("--data-dir", dir.toString(), "simulate", "--speed", speed).get(20, TimeUnit.SECONDS))
                    .as(speed).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("--speed must be in (0, 10000]");
        }
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        DurationConverter converter = new DurationConverter();
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("2H")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(converter.convert("PT90S")).isEqualTo(Duration.ofSeconds(90));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> converter.convert("soon"))
                .hasMessageContaining("'soon' is not a duration");
    }

    private String awaitUrl() throws InterruptedException {
        Pattern url = Pattern.compile("simulated exchange: (http://127\\.0\\.0\\.1:\\d+)");
        for (int i = 0; i < 200; i++) {
            Matcher matcher = url.matcher(out.toString(StandardCharsets.UTF_8));
            if (matcher.find()) {
                return matcher.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no URL printed; stderr: " + err.toString(StandardCharsets.UTF_8));
    }
}
