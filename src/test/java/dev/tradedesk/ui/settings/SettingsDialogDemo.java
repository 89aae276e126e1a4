package dev.tradedesk.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.alpaca.AlpacaBaseUrl;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders every tab of the settings dialog to PNGs in light and dark, valid and with typing
 * mistakes, for a look by eye: {@code SettingsDialogDemo outDir}. Run it with the test classpath
 * and the Monocle flags of the pom's {@code headless.jvm.args}.
 */
public final class SettingsDialogDemo {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/settings-demo");
        Files.createDirectories(out);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        for (String theme : new String[] {"light", "dark"}) {
            SettingsViewModel model = new SettingsViewModel(sample(), parameters -> { }, chosen -> { }, new HandQuietPeriod());
            SettingsDialog dialog = onFx(() -> {
                Application.setUserAgentStylesheet(theme.equals("light") ? new PrimerLight().getUserAgentStylesheet()
                        : new PrimerDark().getUserAgentStylesheet());
                Stage owner = new Stage();
                owner.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 900, 700));
                owner.show();
                SettingsDialog created = new SettingsDialog(owner, model);
                created.show(values -> { });
                return created;
            });
            TabPane tabs = (TabPane) dialog.dialog().getDialogPane().getContent();
            for (int i = 0; i < tabs.getTabs().size(); i++) {
                int index = i;
                onFx(() -> {
                    tabs.getSelectionModel().select(index);
                    return null;
                });
                snapshot(dialog, out.resolve(theme + "-" + index + "-" + tabs.getTabs().get(i).getId() + ".png"));
            }
            onFx(() -> {
                model.textProperty(SettingsField.RSI_PERIOD).set("3000");
                tabs.getSelectionModel().select(3);
                return null;
            });
            snapshot(dialog, out.resolve(theme + "-long-warm-up.png"));
            onFx(() -> {
                model.textProperty(SettingsField.RSI_PERIOD).set("0");
                model.textProperty(SettingsField.BASE_LOWER).set("80");
                model.textProperty(SettingsField.BASE_UPPER).set("70");
                model.textProperty(SettingsField.SENSITIVITY).set("abc");
                model.textProperty(SettingsField.ALPACA_BASE_URL).set("ftp://x");
                model.textProperty(SettingsField.WATCHLIST).set("AAPL, MSFT\nBTC$USD, ../x");
                tabs.getSelectionModel().select(3);
                return null;
            });
            snapshot(dialog, out.resolve(theme + "-invalid-indicators.png"));
            onFx(() -> {
                tabs.getSelectionModel().select(0);
                return null;
            });
            snapshot(dialog, out.resolve(theme + "-invalid-provider.png"));
            onFx(() -> {
                tabs.getSelectionModel().select(1);
                return null;
            });
            snapshot(dialog, out.resolve(theme + "-invalid-watchlist.png"));
            onFx(() -> {
                dialog.dialog().close();
                return null;
            });
        }
        Platform.exit();
    }

    static SettingsValues sample() {
        return new SettingsValues(ProviderKind.ALPACA, Secret.of("PKTESTKEYID"), Secret.of("very-secret"),
                AlpacaBaseUrl.DEFAULT, "iex",
                Watchlists.DEFAULTS.with(ProviderKind.ALPACA, List.of(Symbol.of("AAPL"), Symbol.of("MSFT"), Symbol.of("BTC-USD"))),
                Timeframe.FIVE_MINUTES,
                IndicatorParameters.DEFAULTS, Theme.LIGHT, "Europe/Berlin", 60);
    }

    private static void snapshot(SettingsDialog dialog, Path file) throws Exception {
        Thread.sleep(250);
        onFx(() -> {
            ImageIO.write(SwingFXUtils.fromFXImage(dialog.dialog().getDialogPane().snapshot(null, null), null),
                    "png", new File(file.toString()));
            return null;
        });
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
