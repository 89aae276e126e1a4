package dev.tradedesk.ui;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Starts the JavaFX toolkit from a plain {@code main} (the app runs from the class path, so no
 * {@code Application} subclass), opens one window and blocks the calling thread until that
 * window closes. Stops the toolkit again only if it started it. Names the windows' X11 class
 * first ({@link WindowClass}), which {@code Application.launch} would have done.
 *
 * <p>Call from a non-JavaFX thread; not reentrant.
 */
public final class DesktopLauncher {

    /** The system property that picks Prism's rendering pipelines, in the order they are tried. */
    public static final String PRISM_ORDER = "prism.order";

    /** The window could not be opened: no display, or the window failed to build. */
    public static final class WindowUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WindowUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Opens a window with {@code openWindow} on the JavaFX thread and waits until it is closed.
     *
     * @throws WindowUnavailableException if there is no display or {@code openWindow} throws
     * @throws InterruptedException       if the waiting thread is interrupted
     */
    public void runUntilClosed(Consumer<Stage> openWindow) throws InterruptedException {
        runUntilClosed(openWindow, () -> { });
    }

    /**
     * As {@link #runUntilClosed(Consumer)}, and runs {@code whenOpened} on the calling thread once
     * {@code openWindow} has returned (work that must not hold up the JavaFX thread, such as a file
     * write), while the window is open.
     */
    public void runUntilClosed(Consumer<Stage> openWindow, Runnable whenOpened) throws InterruptedException {
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable open = () -> {
            try {
                WindowClass.nameBeforeFirstWindow();
                Stage stage = new Stage();
                stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> closed.countDown());
                openWindow.accept(stage);
            } catch (RuntimeException | Error e) {
                failure.set(e);
                closed.countDown();
            } finally {
                opened.countDown();
            }
        };
        boolean startedHere = startToolkit(open);
        try {
            opened.await();
            if (failure.get() == null) {
                whenOpened.run();
            }
            closed.await();
        } finally {
            if (startedHere) {
                Platform.exit();
            }
        }
        if (failure.get() != null) {
            throw new WindowUnavailableException("the main window failed to open: " + failure.get(), failure.get());
        }
    }

    /**
     * Makes the toolkit start on Monocle's headless screen (software rendering, no display needed)
     * at least {@code width} × {@code height} large. Only effective before the toolkit starts.
     */
    public static void useHeadlessScreen(int width, int height) {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty(PRISM_ORDER, "sw");
        System.setProperty("headless.geometry", Math.max(1920, width) + "x" + Math.max(1200, height) + "-32");
    }

    /**
     * Makes the toolkit render in software (Prism's {@code sw} pipeline) without trying OpenGL
     * first, unless a pipeline was chosen already ({@code -Dprism.order}). Only effective before
     * the toolkit starts.
     */
    public static void useSoftwareRendering() {
        if (System.getProperty(PRISM_ORDER) == null) {
            System.setProperty(PRISM_ORDER, "sw");
        }
    }

    /**
     * Whether the running toolkit renders in software, Prism's {@code sw} pipeline; empty when it
     * cannot be told. Reads a JavaFX internal: no public API says which pipeline was chosen, and
     * {@code ConditionalFeature.SCENE3D} is also off on OpenGL without shaders. The class path runs
     * JavaFX unencapsulated; on the module path ({@code javafx:run}) the package must be exported to
     * the app ({@code --add-exports javafx.graphics/com.sun.prism=ALL-UNNAMED}), or this is empty.
     */
    public static Optional<Boolean> rendersInSoftware() {
        try {
            com.sun.prism.GraphicsPipeline pipeline = com.sun.prism.GraphicsPipeline.getPipeline();
            return pipeline == null ? Optional.empty()
                    : Optional.of(pipeline.getClass().getName().equals("com.sun.prism.sw.SWPipeline"));
        } catch (LinkageError | RuntimeException unknown) {
            return Optional.empty();
        }
    }

    /** @throws WindowUnavailableException at once when no display is reachable, before any other work starts */
    public static void requireDisplay() {
        if (!hasDisplay()) {
            throw new WindowUnavailableException("cannot open a window (no DISPLAY). Start TradeDesk from a desktop "
                    + "session, or under a virtual display: " + virtualDisplayCommand(), null);
        }
    }

    /**
     * The command that starts TradeDesk under a virtual display, as this copy was started: the
     * installed launcher (its jpackage configuration names the app's version) has no jar or Java
     * of its own for the user to type.
     */
    static String virtualDisplayCommand() {
        return System.getProperty("jpackage.app-version") != null ? "xvfb-run -a tradedesk"
                : "xvfb-run -a java -jar tradedesk.jar";
    }

    /** Whether a windowing system is reachable: a display on Linux/Unix; always on Windows and macOS. */
    public static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        return (display != null && !display.isBlank()) || (wayland != null && !wayland.isBlank())
                || "Monocle".equals(System.getProperty("glass.platform"));
    }

    /**
     * Starts the toolkit if it is not running yet (implicit exit off), for commands that render
     * without a window of their own.
     *
     * @return whether this call started it (the caller then calls {@link Platform#exit()} at the end)
     */
    public static boolean ensureToolkit() {
        try {
            Platform.startup(WindowClass::nameBeforeFirstWindow);
            Platform.setImplicitExit(false);
            return true;
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
    }

    /** @return whether this call started the toolkit (false if it was already running, as in tests) */
    private static boolean startToolkit(Runnable firstTask) {
        try {
            Platform.startup(firstTask);
            // We own the toolkit's lifetime and end it explicitly once our window closes.
            Platform.setImplicitExit(false);
            return true;
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(firstTask);
            return false;
        } catch (UnsupportedOperationException | UnsatisfiedLinkError noDisplay) {
            throw new WindowUnavailableException("cannot open a window (" + noDisplay.getMessage()
                    + "). Start TradeDesk from a desktop session, or under a virtual display: "
                    + virtualDisplayCommand(), noDisplay);
        }
    }
}
