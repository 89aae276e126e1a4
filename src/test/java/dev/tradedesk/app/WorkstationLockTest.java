package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationLockTest {

    @TempDir
    Path dir;

    @Test
    void oneHolderPerSettingsFileUntilItLetsGo() throws Exception {
        Path settings = dir.resolve("config").resolve("settings.json");
        Path other = dir.resolve("other").resolve("settings.json");

        Optional<WorkstationLock> first = WorkstationLock.tryTake(settings);
        assertThat(first).as("taken, its folder made").isPresent();
        assertThat(WorkstationLock.fileFor(settings)).isEqualTo(dir.resolve("config").resolve("settings.json.lock")).exists();
        assertThat(WorkstationLock.tryTake(settings)).as("a second window on the same settings").isEmpty();
        try (WorkstationLock elsewhere = WorkstationLock.tryTake(other).orElseThrow()) {
            assertThat(elsewhere).as("settings of its own").isNotNull();
        }

        first.get().close();
        try (WorkstationLock again = WorkstationLock.tryTake(settings).orElseThrow()) {
            assertThat(again).as("once the first window closed").isNotNull();
        }
    }
}
