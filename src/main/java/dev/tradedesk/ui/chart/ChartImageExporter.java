package dev.tradedesk.ui.chart;

import dev.tradedesk.core.WriteFailures;
import dev.tradedesk.ui.FxThread;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javax.imageio.ImageIO;

/**
 * Renders a chart node to an image or a PNG file, of a given size or of the node's preferred size
 * at a screen's output scale, also headless (Monocle).
 *
 * <p>A ChartFX chart draws only while its scene is in a showing window (chartfx.md pitfall 4: a
 * snapshot of a scene never shown is blank), so the node is shown in a stage of its own (out of
 * sight: transparent and off-screen), left a few pulses to apply its data and lay out, then
 * snapshotted, and the stage is closed. The node must not be in a scene yet: export a fresh
 * {@link ChartView} over the same {@link ChartModel} rather than the one on screen.
 *
 * <p>Threading: {@link #render} and {@link #renderAtPreferredSize} may be called from any thread
 * and never block the JavaFX thread; {@link #writePng} blocks and must not be called on the JavaFX
 * thread. Colours follow the application's user-agent stylesheet (the AtlantaFX theme), which the
 * caller sets. A caller with no window of its own (a command line) should
 * {@code Platform.setImplicitExit(false)} first: closing the export stage would otherwise close
 * the last window and end the JavaFX runtime.
 */
public final class ChartImageExporter {

    /** Pulses to wait after showing: the chart applies data in the first, the overlay settles after layout. */
    static final int SETTLE_PULSES = 6;
    static final String CAPTION_STYLE = "chart-caption";
    private static final long TIMEOUT_SECONDS = 30;
    /**
     * The widest image a chart is rendered whole to: wider, Prism draws the chart only in its first
     * 4,096 pixels and leaves the rest blank (a 6,000-pixel snapshot was blank from x = 4,077 on,
     * with the software pipeline; images 8,000 pixels tall are drawn whole).
     */
    public static final int MAX_WIDTH = 4096;

    private ChartImageExporter() {
    }

    /**
     * {@code chart} under a caption line ("AAPL · 5Min"): on screen the chart's header names the
     * series, but an image has to name it itself. Build on the JavaFX thread.
     */
    public static Region captioned(Region chart, String caption) {
        Label title = new Label(caption);
        title.getStyleClass().add(CAPTION_STYLE);
        title.setStyle("-fx-font-weight: bold; -fx-padding: 6 10 2 10; -fx-text-fill: -color-fg-default;");
        title.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox captioned = new VBox(title, chart);
        captioned.setStyle("-fx-background-color: -color-bg-default;");
        return captioned;
    }

    /**
     * Renders {@code node} at {@code width} x {@code height} pixels. The future completes on the
     * JavaFX thread.
     *
     * @throws IllegalArgumentException when the size is not positive, or wider than {@link #MAX_WIDTH}
     */
    public static CompletableFuture<WritableImage> render(Region node, int width, int height) {
        Objects.requireNonNull(node, "node");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
        if (width > MAX_WIDTH) {
            throw new IllegalArgumentException("image width must be at most " + MAX_WIDTH + ", was " + width);
        }
        return start(() -> new Scene(node, width, height), node, 1);
    }

    /**
     * Renders {@code node} at its preferred size, {@code scale} image pixels to a layout pixel: a
     * chart given the size it has on screen, rendered at the output scale of the screen it is seen
     * on, has in the image the pixels it has there, a HiDPI screen's included. The future completes
     * on the JavaFX thread.
     *
     * @throws IllegalArgumentException when the scale is not positive
     */
    public static CompletableFuture<WritableImage> renderAtPreferredSize(Region node, double scale) {
        Objects.requireNonNull(node, "node");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive, was " + scale);
        }
        return start(() -> new Scene(node), node, scale);
    }

    private static CompletableFuture<WritableImage> start(Supplier<Scene> scene, Region node, double scale) {
        CompletableFuture<WritableImage> result = new CompletableFuture<>();
        FxThread.run(() -> {
            try {
                showAndSnapshot(scene, node, scale, result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Renders {@code node} and writes it to {@code file} as PNG, creating parent directories.
     * Blocks until written; not on the JavaFX thread.
     *
     * @throws IOException when rendering fails or times out, or the file cannot be written
     */
    public static void writePng(Region node, int width, int height, Path file) throws IOException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("writePng blocks: call it off the JavaFX thread, or use render()");
        }
        WritableImage image;
        try {
            image = render(node, width, height).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering the chart", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not render the chart to " + file, e);
        }
        write(image, file);
    }

    /**
     * {@code chosen} with ".png" added when its name does not end so (in any case): a save dialog
     * writes the name as typed, whatever its file type filter says, and "chart" made a file that
     * desktops do not open as an image. Pure; any thread.
     */
    public static Path withPngExtension(Path chosen) {
        String name = chosen.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".png") ? chosen : chosen.resolveSibling(name + ".png");
    }

    /**
     * Writes {@code image} to {@code file} as PNG. Any thread.
     *
     * @throws IOException saying why {@code file} could not be written ("cannot write FILE: permission
     *                     denied"), never naming the temporary file it is written through
     */
    public static void write(WritableImage image, Path file) throws IOException {
        try {
            replace(image, file);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + WriteFailures.reason(e, file), e);
        }
    }

    private static void replace(WritableImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        // Written beside the target and moved into place: no reader ever sees half a PNG.
        Path temp = Files.createTempFile(parent == null ? Path.of(".") : parent, ".export-", ".png");
        try {
            if (!ImageIO.write(buffered, "png", temp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            // The temporary file is owner-only; a new PNG gets the usual permissions, a replaced
            // one keeps its own.
            if (Files.getFileAttributeView(temp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, Files.exists(file) ? Files.getPosixFilePermissions(file)
                        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException notHere) {
                Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void showAndSnapshot(Supplier<Scene> sceneOfNode, Region node, double scale,
            CompletableFuture<WritableImage> result) {
        if (node.getScene() != null) {
            throw new IllegalArgumentException("the node is already in a scene; export a fresh ChartView");
        }
        Stage stage = new Stage(StageStyle.TRANSPARENT);
        Scene scene = sceneOfNode.get();
        stage.setScene(scene);
        stage.setOpacity(0);
        // A scene sized by its root has no size of its own until shown: the root's is near enough here.
        stage.setX(-4.0 * (scene.getWidth() > 0 ? scene.getWidth() : node.prefWidth(-1)));
        stage.setY(-4.0 * (scene.getHeight() > 0 ? scene.getHeight() : node.prefHeight(-1)));
        stage.show();
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < SETTLE_PULSES) {
                    return;
                }
                stop();
                try {
                    result.complete(snapshot(node, scene.getWidth(), scene.getHeight(), scale));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                } finally {
                    stage.close();
                    scene.setRoot(new Group()); // frees the node, so it may be exported again
                }
            }
        }.start();
    }

    /**
     * {@code node}, {@code width} x {@code height} layout pixels, drawn {@code scale} image pixels to
     * one. ChartFX draws on canvases, whose pixels JavaFX keeps at the highest scale of any screen
     * (rounded up), so at a screen's own scale they come out as sharp as on it.
     */
    private static WritableImage snapshot(Region node, double width, double height, double scale) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        return node.snapshot(parameters,
                new WritableImage((int) Math.ceil(width * scale - 1e-6), (int) Math.ceil(height * scale - 1e-6)));
    }
}
