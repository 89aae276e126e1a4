package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareRenderingMemoryTest {

    private static final Instant FIRST_START = Instant.parse("2026-12-01T09:00:00Z");
    private static final Optional<String> HERE = Optional.of("0123abcd :0");

    @TempDir
    Path dataDir;

    private final Properties systemProperties = new Properties();

    private SoftwareRenderingMemory startAt(Instant now, Optional<String> place) {
        return new SoftwareRenderingMemory(dataDir.resolve(SoftwareRenderingMemory.FILE_NAME), place,
                Clock.fixed(now, ZoneOffset.UTC), systemProperties);
    }

    /** A start that tried OpenGL and got {@code software} rendering. */
    private void triedAt(Instant now, boolean software) {
        SoftwareRenderingMemory start = startAt(now, HERE);
        assertThat(start.skipTheTryIfItFailedLastTime()).isFalse();
        start.rememberOutcome(software);
    }

    @Test
    void afterAFallbackTheNextStartsOnTheSameDisplayAskForSoftwareRenderingAtOnce() {
        triedAt(FIRST_START, true);
        assertThat(systemProperties.getProperty("prism.order")).as("the first start chose nothing").isNull();

        SoftwareRenderingMemory next = startAt(FIRST_START.plus(Duration.ofDays(3)), HERE);

        assertThat(next.skipTheTryIfItFailedLastTime()).isTrue();
        assertThat(systemProperties.getProperty("prism.order")).isEqualTo("sw");
    }

    @Test
    void aWeekAfterTheFallbackOpenGlIsTriedAgainAndAHardwareStartForgetsIt() {
        triedAt(FIRST_START, true);
        // The starts in between skipped the try: they do not renew the week.
        SoftwareRenderingMemory between = startAt(FIRST_START.plus(Duration.ofDays(6)), HERE);
        assertThat(between.skipTheTryIfItFailedLastTime()).isTrue();
        between.rememberOutcome(true);
        systemProperties.clear();

        triedAt(FIRST_START.plus(SoftwareRenderingMemory.REMEMBERED_FOR), false); // a driver installed meanwhile

        assertThat(dataDir.resolve(SoftwareRenderingMemory.FILE_NAME)).doesNotExist();
        assertThat(startAt(FIRST_START.plus(Duration.ofDays(8)), HERE).skipTheTryIfItFailedLastTime()).isFalse();
    }

    @Test
    void anotherDisplayOrMachineTriesForItself() {
        triedAt(FIRST_START, true);

        assertThat(startAt(FIRST_START.plusSeconds(60), Optional.of("0123abcd localhost:10.0"))
                .skipTheTryIfItFailedLastTime()).as("the same machine over ssh -X").isFalse();
        assertThat(startAt(FIRST_START.plusSeconds(60), Optional.of("4567ef01 :0"))
                .skipTheTryIfItFailedLastTime()).as("another machine sharing the home folder").isFalse();
        assertThat(systemProperties.getProperty("prism.order")).isNull();
    }

    @Test
    void aPipelineTheUserChoseWinsAndTeachesNothing() {
        systemProperties.setProperty("prism.order", "es2,sw");
        SoftwareRenderingMemory start = startAt(FIRST_START, HERE);

        assertThat(start.skipTheTryIfItFailedLastTime()).isFalse();
        start.rememberOutcome(true);

        assertThat(systemProperties.getProperty("prism.order")).isEqualTo("es2,sw");
        assertThat(dataDir.resolve(SoftwareRenderingMemory.FILE_NAME)).doesNotExist();
    }

    @Test
    void aFileThatCannotBeReadOnlyCostsTheTry() throws IOException {
        Files.writeString(dataDir.resolve(SoftwareRenderingMemory.FILE_NAME), "place=0123abcd :0\nfellBackAt=yesterday\n",
                StandardCharsets.ISO_8859_1);

        assertThat(startAt(FIRST_START, HERE).skipTheTryIfItFailedLastTime()).isFalse();
        assertThat(systemProperties.getProperty("prism.order")).isNull();
    }

    @Test
    void aDataDirThatCannotBeWrittenOnlyCostsTheNextTry() throws IOException {
        SoftwareRenderingMemory start = new SoftwareRenderingMemory(dataDir.resolve("missing").resolve("folder")
                .resolve(SoftwareRenderingMemory.FILE_NAME), HERE, Clock.fixed(FIRST_START, ZoneOffset.UTC), systemProperties);
        Files.writeString(dataDir.resolve("missing"), "a file where the folder would be");

        assertThat(start.skipTheTryIfItFailedLastTime()).isFalse();
        start.rememberOutcome(true); // logged, not thrown
    }

    @Test
    void theDisplayIsWaylandsOrElseX11sAndWindowsAndMacRememberNothing() {
        Path home = Path.of("/home/trader");
        assertThat(SoftwareRenderingMemory.place(new HostEnvironment("Linux", home, Map.of("DISPLAY", ":1")), "m"))
                .contains("m :1");
        assertThat(SoftwareRenderingMemory.place(new HostEnvironment("Linux", home,
                Map.of("DISPLAY", ":1", "WAYLAND_DISPLAY", "wayland-0")), "m")).contains("m wayland-0");
        assertThat(SoftwareRenderingMemory.place(new HostEnvironment("Linux", home, Map.of()), "m")).isEmpty();
        assertThat(SoftwareRenderingMemory.place(new HostEnvironment("Windows 11", home, Map.of("DISPLAY", ":1")), "m"))
                .isEmpty();
        assertThat(SoftwareRenderingMemory.place(new HostEnvironment("Mac OS X", home, Map.of("DISPLAY", ":1")), "m"))
                .isEmpty();
    }
}
