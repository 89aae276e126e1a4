package dev.tradedesk.cli;

import dev.tradedesk.app.TradeDesk;
import dev.tradedesk.ui.DesktopLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tradedesk gui}: opens the workstation window and returns when it is closed. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the workstation window (the default when no command is given).")
final class GuiCommand implements Callable<Integer> {

    @ParentCommand
    private TradeDeskCommand root;

    GuiCommand() {
    }

    GuiCommand(TradeDeskCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        try (TradeDesk desk = new TradeDesk(root.context())) {
            desk.prepareWorkstation();
            new DesktopLauncher().runUntilClosed(desk::openMainWindow);
        }
        return 0;
    }
}
