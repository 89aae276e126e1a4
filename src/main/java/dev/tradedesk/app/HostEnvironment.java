package dev.tradedesk.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher reads from the machine it runs on: the OS name, the user's home and the
 * environment variables. A value, so tests can describe any machine without touching the real one.
 */
public record HostEnvironment(String osName, Path userHome, Map<String, String> variables) {

    public HostEnvironment {
        variables = Map.copyOf(variables);
    }

    public static HostEnvironment current() {
        return new HostEnvironment(System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")), System.getenv());
    }

    /** The variable's value, if it is set and not blank. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    public boolean isWindows() {
        return osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    public boolean isMac() {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        return os.startsWith("mac") || os.startsWith("darwin");
    }
}
