package dev.tradedesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build, filtered into {@code build.properties} by Maven. */
public record BuildInfo(String version) {

    private static final String RESOURCE = "build.properties";

    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + ": broken build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new BuildInfo(properties.getProperty("version", "unknown"));
    }

    /** What {@code tradedesk --version} prints. */
    public String versionLine() {
        return "tradedesk " + version;
    }
}
