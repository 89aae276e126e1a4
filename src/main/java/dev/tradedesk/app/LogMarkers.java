package dev.tradedesk.app;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** Markers that change where a log event goes. */
public final class LogMarkers {

    /**
     * The user has already been told on the console, in one plain line: the event (usually with its
     * stack trace) goes to the log file only, so the terminal does not show the same failure twice.
     */
    public static final Marker TOLD_ON_CONSOLE = MarkerFactory.getMarker("TOLD_ON_CONSOLE");

    private LogMarkers() {
    }
}
