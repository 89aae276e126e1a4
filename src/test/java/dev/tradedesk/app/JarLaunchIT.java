package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started as a user would ({@code java -jar target/tradedesk.jar}), in a fresh
 * JVM with only the manifest's class path: proves the manifest, the copied libraries and the exit
 * codes.
 */
class JarLaunchIT {

    @TempDir
    Path dir;

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("tradedesk.jar", "target/tradedesk.jar"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void versionPrintsTheProjectVersion() throws Exception {
        Result result = launch("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().strip()).matches("tradedesk \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(result.stderr()).isEmpty();
        // Main answers a lone --version itself; through picocli the answer must be the same.
        assertThat(launch("-V").stdout()).isEqualTo(result.stdout());
        assertThat(launch("--data-dir", dir.resolve("td").toString(), "--version").stdout()).isEqualTo(result.stdout());
    }

    @Test
    void usageErrorExitsWithTwo() throws Exception {
        Result result = launch("--no-such-option");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void snapshotRendersTheSimulatedChartHeadless() throws Exception {
        Path png = dir.resolve("demo.png");
        Result result = launch("--data-dir", dir.resolve("td").toString(), "snapshot", "--symbol", "MSFT", "--demo",
                "--bars", "200", "--width", "1200", "--height", "700", "--out", png.toString());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("snapshot: ", "1200x700", "MSFT 1Min");
        assertIsAChart(png, 1200, 700);
    }

    @Test
    void snapshotRendersTheStoredBars() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        long start = java.time.Instant.parse("2024-03-04T14:30:00Z").toEpochMilli();
        for (int i = 0; i < 400; i++) {
            double close = 100 + 5 * Math.sin(i / 20.0) + i * 0.01;
            long overnight = i < 200 ? 0 : java.time.Duration.ofHours(18).toMillis(); // the market closed after bar 199
            csv.append(java.time.Instant.ofEpochMilli(start + overnight + i * 60_000L)).append(',').append(close - 0.2).append(',')
                    .append(close + 0.5).append(',').append(close - 0.6).append(',').append(close).append(',')
                    .append(1_000 + i).append('\n');
        }
        Path in = Files.writeString(dir.resolve("ibm.csv"), csv);
        String dataDir = dir.resolve("td").toString();
        assertThat(launch("--data-dir", dataDir, "import", "--symbol", "IBM", "--timeframe", "1Min", "--in", in.toString())
                .exitCode()).isZero();

        Path png = dir.resolve("stored.png");
        Result result = launch("--data-dir", dataDir, "snapshot", "--symbol", "IBM", "--bars", "300",
                "--width", "900", "--height", "500", "--out", png.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("snapshot: ", "900x500", "IBM 1Min", "300 stored bars");
        assertIsAChart(png, 900, 500);

        Result daily = launch("--data-dir", dataDir, "snapshot", "--symbol", "IBM", "--timeframe", "1Day",
                "--width", "900", "--height", "500", "--out", dir.resolve("daily.png").toString());
        assertThat(daily.exitCode()).as(daily.stderr()).isZero();
        assertThat(daily.stdout()).as("daily bars named by their day, as the chart's axis names them")
                .contains("IBM 1Day, 2 stored bars to 2024-03-05)");
    }

    @Test
    void snapshotRendersAnImportedDailyHistoryWithNoMinutesStored() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        java.time.LocalDate day = java.time.LocalDate.of(2024, 1, 2);
        for (int i = 0; i < 250; i++, day = day.plusDays(1)) {
            double close = 100 + 5 * Math.sin(i / 10.0);
            csv.append(day).append(',').append(close - 0.5).append(',').append(close + 1).append(',')
                    .append(close - 1).append(',').append(close).append(',').append(1_000 + i).append('\n');
        }
        Path in = Files.writeString(dir.resolve("days.csv"), csv);
        String dataDir = dir.resolve("td").toString();
        assertThat(launch("--data-dir", dataDir, "import", "--symbol", "DAYS", "--timeframe", "1Day", "--in", in.toString())
                .exitCode()).isZero();

        Path png = dir.resolve("day.png");
        Result result = launch("--data-dir", dataDir, "snapshot", "--symbol", "DAYS", "--timeframe", "1Day",
                "--width", "900", "--height", "500", "--out", png.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).as("the last imported day, 2024-09-07, named by its date")
                .contains("DAYS 1Day, 250 stored bars to 2024-09-07)");
        assertIsAChart(png, 900, 500);
    }

    @Test
    void snapshotOfOneBarSaysOneBar() throws Exception {
        Path in = Files.writeString(dir.resolve("one.csv"), "timestamp,open,high,low,close,volume\n"
                + "2024-03-04T14:30:00Z,10,11,9,10.5,100\n2024-03-04T14:31:00Z,10.5,11,10,10.8,100\n");
        String dataDir = dir.resolve("td").toString();
        assertThat(launch("--data-dir", dataDir, "import", "--symbol", "ONE", "--timeframe", "1Min", "--in", in.toString())
                .exitCode()).isZero();

        Result result = launch("--data-dir", dataDir, "snapshot", "--symbol", "ONE", "--timeframe", "1Day",
                "--width", "900", "--height", "500", "--out", dir.resolve("one.png").toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("ONE 1Day, 1 stored bar to 2024-03-04)");
    }

    private static void assertIsAChart(Path png, int width, int height) throws IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 5) {
            for (int x = 0; x < image.getWidth(); x += 5) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("a chart, not a blank image").isGreaterThan(30);
    }

    @Test
    void snapshotOfASymbolWithNothingStoredSaysSo() throws Exception {
        Files.createDirectories(dir.resolve("td"));
        Result result = launch("--data-dir", dir.resolve("td").toString(), "snapshot", "--symbol", "MSFT",
                "--out", dir.resolve("none.png").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("no bars stored for MSFT", "--simulated", "--demo");
    }

    @Test
    void theSmokeTestRunsTheWholeWorkstationHeadlessAndPasses() throws Exception {
        Result result = launch("gui", "--smoke-test", "--duration", "4s", "--headless");
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("startup.first_frame_ms: ", "ui.fps.median: ", "ui.frame_ms.p99: ",
                "pipeline.tick_to_screen_ms.p99: ", "heap.used_mb: ", "errors: 0", "watchlist.symbols: 50", "targets.met: ", "targets.missed: ", "result: pass");
    }

    @Test
    void aWorkstationStoppedWithSigtermKeepsItsWorkspaceAndClosesItsHistoryDatabase() throws Exception {
        Path jar = Path.of(System.getProperty("tradedesk.jar", "target/tradedesk.jar"));
        Path log = dir.resolve("td/logs/tradedesk.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--data-dir", dir.resolve("td").toString(), "gui", "--headless")
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(Files.exists(log) && Files.readString(log).contains("First live frame"))) {
                assertThat(process.isAlive()).as("still running").isTrue();
                assertThat(System.nanoTime()).as("a first live frame within 90 s").isLessThan(deadline);
                Thread.sleep(200);
            }
            Thread.sleep(3_000); // the window hands over its layout every 2 s
            process.destroy(); // SIGTERM, as a desktop session ending sends it
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
        } finally {
            process.destroyForcibly();
        }

        Path workspace = dir.resolve("config/tradedesk/workspace.json");
        assertThat(workspace).exists();
        assertThat(Files.readString(workspace)).contains("\"symbol\" : \"AAPL\"", "\"timeframe\" : \"1Min\"");
        assertThat(Files.readString(dir.resolve("err.txt"))).isEmpty();
        // Ended as a closed window ends it: the history database closed, not left for the next open to recover.
        assertThat(process.exitValue()).as("a stop asked for, not a kill").isZero();
        assertThat(Files.readString(log)).contains("History store closed: " + dir.resolve("td/simulated/history.mv.db"),
                "TradeDesk stopped");
    }

    @Test
    void guiWithoutADisplayFailsWithAClearMessageAndExitCodeOne() throws Exception {
        Result result = launch("--data-dir", dir.resolve("td").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("tradedesk: cannot open a window", "xvfb-run")
                .doesNotContain("Exception in thread", "Unsupported JavaFX configuration", "Command '", "\tat ");
        assertThat(result.stderr().lines()).as(result.stderr()).hasSize(1);
        assertThat(Files.readString(dir.resolve("td/logs/tradedesk.log")))
                .contains("Command 'tradedesk' failed", "WindowUnavailableException", "\tat ");
    }
}
