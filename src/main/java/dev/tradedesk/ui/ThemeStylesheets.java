package dev.tradedesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.css.Stylesheet;

/**
 * The AtlantaFX theme stylesheets, as JavaFX binary stylesheets built with the app. JavaFX parses a
 * text stylesheet on first use, on the JavaFX thread; AtlantaFX's 170 KB, 1,013 rules took 320 ms
 * of a cold start to parse, where its binary form loads in about 13 ms. The build writes the binary
 * forms ({@link #main}, bound to {@code process-classes} in the pom); without them (a build that
 * skipped that step) the text stylesheets are used, with the same rules.
 */
public final class ThemeStylesheets {

    static final String DIRECTORY = "dev/tradedesk/ui/theme/";

    private ThemeStylesheets() {
    }

    /** The user-agent stylesheet for {@code theme}: the binary form when the build made it. */
    public static String userAgentStylesheet(Theme theme) {
        URL binary = ThemeStylesheets.class.getClassLoader().getResource(binaryName(theme));
        return binary != null ? binary.toExternalForm() : textStylesheet(theme);
    }

    static String textStylesheet(Theme theme) {
        return theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    static String binaryName(Theme theme) {
        return DIRECTORY + "primer-" + theme.label() + ".bss";
    }

    /** Build step: writes each theme's binary stylesheet under the class output directory {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        for (Theme theme : Theme.values()) {
            String text = textStylesheet(theme);
            URL source = ThemeStylesheets.class.getResource(text.startsWith("/") ? text : "/" + text);
            if (source == null) {
                throw new IOException("AtlantaFX stylesheet " + text + " is not on the class path");
            }
            Path css = Files.createTempFile("tradedesk-theme-", ".css");
            try (InputStream in = source.openStream()) {
                Files.copy(in, css, StandardCopyOption.REPLACE_EXISTING);
                Path binary = classes.resolve(binaryName(theme));
                Files.createDirectories(binary.getParent());
                Stylesheet.convertToBinary(css.toFile(), new File(binary.toString()));
            } finally {
                Files.deleteIfExists(css);
            }
        }
    }
}
