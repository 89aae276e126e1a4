package dev.tradedesk.ui.workstation;

import java.nio.file.Path;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.ThemeStylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Shows the chart export's "Replace?" alert for a file in a deep folder over a window, to look at
 * on a real display (Xvfb with a window manager): {@code ReplaceAlertDemo /a/deep/folder/file.png LIGHT|DARK [maximized]}.
 * Run it with the test classpath.
 */
public final class ReplaceAlertDemo {

    private ReplaceAlertDemo() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(ThemeStylesheets.userAgentStylesheet(Theme.valueOf(args[1])));
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(), 1400, 900));
            stage.setMaximized(args.length > 2 && args[2].equals("maximized"));
            stage.show();
            Alert alert = WorkstationMenus.replaceAlert(Path.of(args[0]));
            alert.initOwner(stage);
            new MainWindowHold(stage).over(alert);
            Platform.runLater(alert::showAndWait); // as the export asks, in a nested event loop
        });
    }
}
