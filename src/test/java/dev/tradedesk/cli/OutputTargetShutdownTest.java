package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.testing.ChildOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temporary output file asked for once the JVM is ending (Ctrl-C or SIGTERM came while export or
 * indicators was starting, and its thread runs on while the JVM's hooks run), in a child JVM: no hook
 * can be registered then, so nothing would delete the file.
 */
class OutputTargetShutdownTest {

    @TempDir
    Path dir;

    @Test
    void aTemporaryFileAskedForWhileTheJvmEndsIsNotLeftBehind() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectory(out);
        Path stderr = dir.resolve("child.err");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                AtShutdown.class.getName(), out.resolve("values.csv").toString()))
                .redirectErrorStream(true).redirectOutput(stderr.toFile()).start();
        try {
            assertThat(child.waitFor(ChildCommand.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly().waitFor();
        }

        assertThat(ChildOutput.read(stderr)).as("the child's output").contains("temporaryBeside failed: ");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).as("left beside the target; the child said:%n%s", ChildOutput.read(stderr)).isEmpty();
        }
    }

    /** The child: asks for a temporary file from a shutdown hook, as a command's thread does once the JVM ends. */
    static final class AtShutdown {

        private AtShutdown() {
        }

        public static void main(String[] args) {
            Path target = Path.of(args[0]);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    OutputTarget.temporaryBeside(target).writer().write("values");
                    System.out.println("temporaryBeside failed: no, it returned a file");
                } catch (Exception | Error e) {
                    System.out.println("temporaryBeside failed: " + e);
                }
            }, "output-target-shutdown-test"));
        }
    }
}
