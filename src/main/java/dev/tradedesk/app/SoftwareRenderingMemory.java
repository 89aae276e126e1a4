package dev.tradedesk.app;

import dev.tradedesk.ui.DesktopLauncher;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers that the workstation's last start on this machine and display ended in software
 * rendering, so that the next start asks JavaFX for it at once. Prism tries its OpenGL pipeline
 * first; where the only OpenGL is a software one it refuses (Mesa's llvmpipe in a virtual machine,
 * a remote desktop, Xvfb), that try loads Mesa and makes a context before falling back, every start
 * (about 0.15 s of the toolkit start here, docs/PERFORMANCE.md). A fallback is remembered for a week and
 * then tried again, so a graphics driver installed meanwhile is found; a start that got hardware
 * rendering forgets it. A {@code prism.order} the user gives always wins. X11 and Wayland systems
 * only, where it was seen; Windows and macOS start as before.
 *
 * <p>Kept in {@value #FILE_NAME} in the data dir, keyed by the machine's id and the display, since
 * a home folder may be shared by machines and a user may start over {@code ssh -X}. A file that
 * cannot be read or written only costs the try: never an error. Not thread-safe: the launching
 * thread uses it, before the toolkit starts and once the window is open.
 */
public final class SoftwareRenderingMemory {

    private static final Logger log = LoggerFactory.getLogger(SoftwareRenderingMemory.class);
    static final String FILE_NAME = "software-rendering.properties";
    static final Duration REMEMBERED_FOR = Duration.ofDays(7);
    private static final Path MACHINE_ID = Path.of("/etc/machine-id");

    private final Path file;
    private final Optional<String> place;
    private final Clock clock;
    private final Properties systemProperties;
    /** This start tries OpenGL: the user chose no pipeline and no fallback was remembered. */
    private boolean trying;

    /**
     * @param file  where the fallback is remembered
     * @param place            the machine and display this start draws on; empty where nothing is
     *                         remembered (Windows, macOS, no display)
     * @param systemProperties where JavaFX reads {@code prism.order}: {@link System#getProperties()}
     */
    SoftwareRenderingMemory(Path file, Optional<String> place, Clock clock, Properties systemProperties) {
        this.file = Objects.requireNonNull(file);
        this.place = Objects.requireNonNull(place);
        this.clock = Objects.requireNonNull(clock);
        this.systemProperties = Objects.requireNonNull(systemProperties);
    }

    /** For the workstation of {@code paths} on this machine's display. */
    public static SoftwareRenderingMemory of(AppPaths paths, HostEnvironment host) {
        return new SoftwareRenderingMemory(paths.dataDir().resolve(FILE_NAME), place(host, readMachineId()), Clock.systemUTC(),
                System.getProperties());
    }

    /** "machine id, display": empty on Windows and macOS or without a display. */
    static Optional<String> place(HostEnvironment host, String machineId) {
        if (host.isWindows() || host.isMac()) {
            return Optional.empty();
        }
        Optional<String> display = host.variable("WAYLAND_DISPLAY").filter(value -> !value.isBlank())
                .or(() -> host.variable("DISPLAY").filter(value -> !value.isBlank()));
        return display.map(shown -> machineId + " " + shown);
    }

    private static String readMachineId() {
        try {
            return Files.readString(MACHINE_ID, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException unknown) {
            return "unknown-machine";
        }
    }

    /**
     * Before the toolkit starts: asks for software rendering if the last try on this machine and
     * display, less than a week ago, fell back to it and the user chose no pipeline.
     *
     * @return whether it did
     */
    public boolean skipTheTryIfItFailedLastTime() {
        if (place.isEmpty() || systemProperties.getProperty(DesktopLauncher.PRISM_ORDER) != null) {
            return false;
        }
        Optional<Instant> fellBack = lastFallback();
        if (fellBack.isEmpty() || !clock.instant().isBefore(fellBack.get().plus(REMEMBERED_FOR))) {
            trying = true;
            return false;
        }
        systemProperties.setProperty(DesktopLauncher.PRISM_ORDER, "sw");
        log.info("Software rendering, as at the start on {} (JavaFX's OpenGL pipeline refused this display; tried again after {})",
                fellBack.get(), fellBack.get().plus(REMEMBERED_FOR));
        return true;
    }

    /**
     * After the window showed: remembers a fallback to software rendering that a try found, and
     * forgets one when hardware rendering came up. A start that did not try (the user chose a
     * pipeline, or a fallback was remembered) learns nothing.
     */
    public void rememberOutcome(boolean softwareRendering) {
        if (!trying) {
            return;
        }
        try {
            if (softwareRendering) {
                Properties remembered = new Properties();
                remembered.setProperty("place", place.get());
                remembered.setProperty("fellBackAt", clock.instant().toString());
                StringWriter text = new StringWriter();
                remembered.store(text, "JavaFX fell back to software rendering on this display; see " + getClass().getName());
                AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.ISO_8859_1));
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException cannot) {
            log.info("Could not note how {} renders in {}: {}; the next start tries OpenGL again", place.get(), file,
                    cannot.getMessage());
        }
    }

    private Optional<Instant> lastFallback() {
        Properties remembered = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            remembered.load(in);
            if (!place.get().equals(remembered.getProperty("place"))) {
                return Optional.empty();
            }
            return Optional.of(Instant.parse(remembered.getProperty("fellBackAt", "")));
        } catch (IOException | IllegalArgumentException | DateTimeParseException noneOrUnreadable) {
            return Optional.empty(); // a first start, or a file not ours: the try costs no more than it did
        }
    }
}
