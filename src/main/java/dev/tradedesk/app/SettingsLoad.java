package dev.tradedesk.app;

import java.util.List;

/**
 * The outcome of reading the settings file: the settings to run with and what happened.
 *
 * @param settings the settings in effect (the defaults unless the file was read)
 * @param status   whether the file was read, missing or broken
 * @param problem  for a broken file, what is wrong and where (line and column); otherwise empty
 * @param warnings non-fatal findings, such as unknown keys that were ignored
 */
public record SettingsLoad(Settings settings, Status status, String problem, List<String> warnings) {

    public enum Status {
        /** The file was read. */
        LOADED,
        /** There is no settings file yet: the defaults apply. */
        MISSING,
        /** The file could not be used: the defaults apply and the file is left alone. */
        BROKEN
    }

    public SettingsLoad {
        warnings = List.copyOf(warnings);
        problem = problem == null ? "" : problem;
    }

    /**
     * Whether changes may be written back. Never over a broken file: the user's text, with the
     * mistake in it, is worth more than our defaults.
     */
    public boolean canSave() {
        return status != Status.BROKEN;
    }
}
