package dev.tradedesk.ui.chart;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Measures the chart's frame rate and frame times, not a unit test: the chart at 1400x900, zoomed
 * all the way out over 100,000 and 1,000,000 simulated minute bars, level of detail on and off,
 * while a producer thread hands over a forming-bar tick every millisecond (a new bar every 60
 * ticks), so every pulse has new data. Prints a Markdown table.
 *
 * <p>Run headless with the test classpath (see docs/PERFORMANCE.md, "Chart rendering"):
 * {@code ChartRenderingHarness [bars,bars...] [warmUpSeconds] [measureSeconds]}.
 */
public final class ChartRenderingHarness {

    private static final SeriesKey KEY = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
    private static final long MINUTE = 60_000;
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;
    /** Slow scenarios run until they have drawn this many frames (or {@link #MAX_MEASURE_SECONDS}). */
    private static final int MIN_FRAMES = 3;
    private static final int MAX_MEASURE_SECONDS = 120;
    private static final int FX_TIMEOUT_SECONDS = 600;

    record Result(int bars, boolean levelOfDetail, FrameTimes.Statistics frames, FrameTimes.Statistics apply,
            long ticksHandedOver) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : (args.length > 0 ? args[0] : "100000,1000000").split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        double warmUp = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        double measure = args.length > 2 ? Double.parseDouble(args[2]) : 6;
        Platform.startup(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Platform.setImplicitExit(false);
        List<Result> results = new ArrayList<>();
        for (int bars : sizes) {
            long start = System.nanoTime();
            BarColumns history = ChartFixtures.minuteBars(42, bars);
            System.out.printf("%,d simulated bars generated in %.1f s%n", history.size(), (System.nanoTime() - start) / 1e9);
            for (boolean levelOfDetail : new boolean[] {true, false}) {
                results.add(run(history, levelOfDetail, warmUp, measure));
                System.gc();
            }
        }
        print(results);
        Platform.exit();
    }

    private static Result run(BarColumns history, boolean levelOfDetail, double warmUp, double measure) throws Exception {
        ChartModel model = new ChartModel(KEY, IndicatorParameters.DEFAULTS, history.size() + (1 << 16));
        long loadStart = System.nanoTime();
        model.loadHistory(history);
        System.out.printf("%,d bars warmed (indicators and pyramid) in %.0f ms%n", history.size(),
                (System.nanoTime() - loadStart) / 1e6);
        CompletableFuture<ChartView> shown = new CompletableFuture<>();
        Stage[] stage = new Stage[1];
        Platform.runLater(() -> {
            model.applyPending();
            model.showAll();
            model.setLevelOfDetail(levelOfDetail);
            ChartView view = new ChartView(model, ZoneId.of("Europe/Berlin"), Locale.ENGLISH);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(view.node(), WIDTH, HEIGHT));
            stage[0].show();
            shown.complete(view);
        });
        ChartView view = shown.get(30, TimeUnit.SECONDS);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ticks = new AtomicLong();
        Thread producer = new Thread(() -> produce(model, history, running, ticks), "harness-producer");
        producer.setDaemon(true);
        producer.start();

        Thread.sleep((long) (warmUp * 1000));
        onFx(() -> {
            view.frameTimes().reset();
            view.applyTimes().reset();
        });
        long ticksBefore = ticks.get();
        long deadline = System.nanoTime() + (long) (measure * 1e9);
        long hardDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_MEASURE_SECONDS);
        while (System.nanoTime() < deadline
                || (onFx(() -> view.frameTimes().count()) < MIN_FRAMES && System.nanoTime() < hardDeadline)) {
            Thread.sleep(100);
        }
        Result result = onFx(() -> new Result(history.size(), levelOfDetail, view.frameTimes().statistics(),
                view.applyTimes().statistics(), ticks.get() - ticksBefore));
        running.set(false);
        producer.join(1000);
        onFx(() -> {
            stage[0].close();
            return null;
        });
        System.out.println(row(result));
        return result;
    }

    /** One forming-bar tick per millisecond; every 60th closes the bar. */
    private static void produce(ChartModel model, BarColumns history, AtomicBoolean running, AtomicLong ticks) {
        long time = history.time(history.size() - 1) + MINUTE;
        double price = history.close(history.size() - 1);
        double open = price;
        double high = price;
        double low = price;
        double volume = 0;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int tick = 1; running.get(); tick++) {
            price = Math.max(0.01, price * (1 + random.nextDouble(-4e-4, 4e-4)));
            high = Math.max(high, price);
            low = Math.min(low, price);
            volume += random.nextInt(200);
            if (tick % 60 == 0) {
                model.pushClosedBar(time, open, high, low, price, volume);
                time += MINUTE;
                open = price;
                high = price;
                low = price;
                volume = 0;
            } else {
                model.pushFormingBar(time, open, high, low, price, volume);
            }
            ticks.incrementAndGet();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void print(List<Result> results) {
        System.out.println();
        System.out.println("| bars | level of detail | chart fps | frame p50 (ms) | frame p99 (ms) | frame max (ms) "
                + "| apply p50 (ms) | apply p99 (ms) | frames measured | ticks handed over |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        results.forEach(result -> System.out.println(row(result)));
    }

    private static String row(Result result) {
        return String.format(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %d | %,d |",
                result.bars(), result.levelOfDetail() ? "on" : "off", result.frames().framesPerSecond(),
                result.frames().medianMillis(), result.frames().p99Millis(), result.frames().maxMillis(),
                result.apply().medianMillis(), result.apply().p99Millis(), result.frames().frames(),
                result.ticksHandedOver());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(FX_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable task) throws Exception {
        onFx(() -> {
            task.run();
            return null;
        });
    }
}
