package dev.tradedesk.app;

import dev.tradedesk.ui.Workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsEveryField() throws IOException {
        WorkspaceStore store = WorkspaceStore.besideSettings(dir.resolve("settings.json"));
        Workspace workspace = new Workspace(10.0, 20.0, 1400.0, 900.0, false, 0.22, 300.0, "MSFT", "5Min", 1L, 2L, true, true,
                "rsi", true);
        store.save(workspace);
        assertThat(store.file()).isEqualTo(dir.resolve("workspace.json"));
        assertThat(store.load()).isEqualTo(workspace);
    }

    @Test
    void missingOrBrokenFilesMeanAFreshWorkspace() throws IOException {
        WorkspaceStore store = new WorkspaceStore(dir.resolve("workspace.json"));
        assertThat(store.load()).isEqualTo(Workspace.EMPTY);
        Files.writeString(store.file(), "{\"windowX\": \"left\"");
        assertThat(store.load()).isEqualTo(Workspace.EMPTY);
        Files.writeString(store.file(), "{\"symbol\": \"AAPL\", \"unknown\": 1}");
        assertThat(store.load().symbol()).isEqualTo("AAPL");
    }
}
