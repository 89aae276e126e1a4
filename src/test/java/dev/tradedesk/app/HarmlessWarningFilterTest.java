package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class HarmlessWarningFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final HarmlessWarningFilter filter = new HarmlessWarningFilter();

    private FilterReply decide(String logger, String message) {
        return filter.decide(new LoggingEvent(getClass().getName(), context.getLogger(logger), Level.WARN, message, null, null));
    }

    @Test
    void javaFxClassPathWarningIsKeptOffTheConsole() {
        assertThat(decide("javafx", "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'"))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void flywaysNewerH2WarningIsKeptOffTheConsole() {
        assertThat(decide("org.flywaydb.core.internal.database.base.Database", "Using H2 2.4.240 which is newer than the"
                + " version Flyway has been verified with. The latest verified version of H2 is 2.3.232."))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void otherWarningsReachTheConsole() {
        assertThat(decide("org.flywaydb.core.internal.database.base.Database", "Using H2 in an unsupported mode"))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("dev.tradedesk.store", "Using H2 2.4.240 which is newer than the version Flyway has been"
                + " verified with.")).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("javafx", "Something else")).isEqualTo(FilterReply.NEUTRAL);
    }
}
