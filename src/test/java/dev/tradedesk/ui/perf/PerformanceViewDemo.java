package dev.tradedesk.ui.perf;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders the performance panel over five minutes of made-up samples, with the read cache switched
 * off for a while and level of detail switched off once, to PNGs in light and dark:
 * {@code PerformanceViewDemo outDir [width height]}, in the window's first size or the one given. Run it with the test classpath and the Monocle flags of the
 * pom's {@code headless.jvm.args}.
 */
public final class PerformanceViewDemo {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/performance-demo");
        Files.createDirectories(out);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        for (String theme : new String[] {"light", "dark"}) {
            PerformanceViewModel model = new PerformanceViewModel(true, on -> { }, true, on -> { });
            Stage stage = onFx(() -> {
                Application.setUserAgentStylesheet(theme.equals("light") ? new PrimerLight().getUserAgentStylesheet()
                        : new PrimerDark().getUserAgentStylesheet());
                Stage shown = new PerformanceView(model).window(null);
                if (args.length > 2) {
                    shown.setWidth(Double.parseDouble(args[1]));
                    shown.setHeight(Double.parseDouble(args[2]));
                }
                shown.show();
                return shown;
            });
            Thread.sleep(300);
            snapshot(stage, out.resolve("performance-empty-" + theme + ".png"));
            onFx(() -> {
                boolean cacheOn = true;
                for (int second = 0; second < 360; second++) {
                    if (second == 150 || second == 250) {
                        cacheOn = !cacheOn;
                        model.readCacheProperty().set(cacheOn);
                    }
                    if (second == 200) {
                        model.candleLevelOfDetailProperty().set(false);
                    }
                    model.accept(PerformanceSamples.at(second, cacheOn));
                }
                return null;
            });
            Thread.sleep(600);
            snapshot(stage, out.resolve("performance-" + theme + ".png"));
            onFx(() -> {
                stage.close();
                return null;
            });
        }
        Platform.exit();
    }

    private static void snapshot(Stage stage, Path file) throws Exception {
        onFx(() -> ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().getRoot().snapshot(null, null), null),
                "png", new File(file.toString())));
        System.out.println("wrote " + file);
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error failure) {
                result.completeExceptionally(failure);
            }
        });
        return result.get();
    }
}
