package dev.tradedesk.ui;

import java.nio.file.Path;

/** What Help → About shows: the version and where the user's files are. */
public record AboutInfo(String version, Path dataDir, Path settingsFile, Path logFile) {
}
