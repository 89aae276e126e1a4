package dev.tradedesk.app;

import dev.tradedesk.ui.Workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code workspace.json} beside the settings. A missing or unreadable file means
 * a fresh workspace (logged, never fatal); writes are atomic. Thread-safe for reads; callers
 * serialise writes.
 */
public final class WorkspaceStore {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceStore.class);
    static final String FILE_NAME = "workspace.json";

    private final Path file;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public WorkspaceStore(Path file) {
        this.file = file;
    }

    /** The store next to {@code settingsFile}. */
    public static WorkspaceStore besideSettings(Path settingsFile) {
        return new WorkspaceStore(settingsFile.toAbsolutePath().resolveSibling(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    public Workspace load() {
        try {
            Workspace workspace = mapper.readValue(Files.readAllBytes(file), Workspace.class);
            return workspace == null ? Workspace.EMPTY : workspace;
        } catch (NoSuchFileException firstStart) {
            return Workspace.EMPTY;
        } catch (IOException | RuntimeException unreadable) {
            log.warn("Workspace file {} could not be read, starting with a fresh layout: {}", file, unreadable.getMessage());
            return Workspace.EMPTY;
        }
    }

    public void save(Workspace workspace) throws IOException {
        AtomicFiles.write(file, mapper.writeValueAsBytes(workspace));
    }
}
