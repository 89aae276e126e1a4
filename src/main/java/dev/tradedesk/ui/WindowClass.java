package dev.tradedesk.ui;

import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The X11 window class ({@code WM_CLASS}) of TradeDesk's windows on Linux, by which a desktop's
 * dock matches a running window to the installed menu entry ({@code StartupWMClass=} in
 * {@code installer/linux/tradedesk.desktop}): without it every window is class {@code java}, shown
 * with a generic icon beside the entry and not pinnable.
 *
 * <p>JavaFX has no public API for it. Its GTK windows take the class from the name of glass's
 * {@code com.sun.glass.ui.Application}, which {@code Application.launch} sets to the application
 * class and {@code Platform.startup}, which TradeDesk starts with, leaves at {@code java}. So
 * {@link #nameBeforeFirstWindow()} sets that internal name: accessible from the class path (the
 * jar, the installed launcher), and on the module path ({@code javafx:run}) only with
 * {@code --add-exports javafx.graphics/com.sun.glass.ui=ALL-UNNAMED}. Where it is not
 * accessible, or a later JavaFX drops it, the windows keep class {@code java}: logged at DEBUG,
 * never a failed start.
 *
 * <p>Not thread-safe: call on the JavaFX thread.
 */
public final class WindowClass {

    /**
     * The class both halves of {@code WM_CLASS} get. Not the main class's name, which is what
     * {@code Application.launch} would give: installed menu entries name this value, and a renamed
     * or moved class would silently unpin them. The app's name on Linux instead, as the command,
     * the package and the data folders spell it, lower case as an X11 instance name is.
     */
    public static final String NAME = "tradedesk";

    private WindowClass() {
    }

    /**
     * Names the windows the toolkit creates from now on (GTK reads the name as it creates a
     * window). Call on the JavaFX thread before the first {@code Stage} shows. A later call changes
     * nothing, since glass keeps the first name other than its default, so {@link DesktopLauncher}
     * calls it before each window it opens (once in a run of the app). Does nothing on Windows and
     * macOS, which know no {@code WM_CLASS} and use the name elsewhere (the macOS application menu's
     * Hide and Quit items, which the app bundle already names).
     */
    static void nameBeforeFirstWindow() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return;
        }
        try {
            com.sun.glass.ui.Application.GetApplication().setName(NAME);
        } catch (LinkageError | RuntimeException inaccessible) {
            LoggerFactory.getLogger(WindowClass.class)
                    .debug("windows keep the toolkit's WM_CLASS 'java', not '{}': {}", NAME, inaccessible.toString());
        }
    }
}
