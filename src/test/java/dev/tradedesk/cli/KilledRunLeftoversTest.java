package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.tradedesk.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with kill -9 leaves its temporary output beside the target; the next run into that
 * target ({@link OutputTarget#temporaryBeside}) removes it, and nothing else.
 */
class KilledRunLeftoversTest {

    private static long deadPid;

    @TempDir
    Path dir;

    @BeforeAll
    static void endAProcess() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(child.waitFor(ChildCommand.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        deadPid = child.pid();
        assertThat(ProcessHandle.of(deadPid)).as("the child has ended and been reaped").isEmpty();
    }

    private Path leftOver(String name, long pid) throws IOException {
        return Files.writeString(dir.resolve(new TemporaryOutputName(name, pid, -42L).fileName()), "half an export");
    }

    private void runInto(Path target) throws IOException {
        try (OutputTarget.Temporary temporary = OutputTarget.temporaryBeside(target)) {
            temporary.writer().write("values");
            temporary.moveOver(target);
        }
    }

    @Test
    void theFileOfAKilledRunIsRemovedByTheNextRunIntoTheSameTargetAndSaidOnceInTheLog() throws IOException {
        Path first = leftOver("out.csv", deadPid);
        Path second = Files.writeString(dir.resolve(".out.csv." + deadPid + ".123456789.tmp"), "another");

        try (LogCapture log = new LogCapture(KilledRunLeftovers.class, Level.INFO)) {
            runInto(dir.resolve("out.csv"));

            assertThat(log.lines()).filteredOn(line -> line.contains("killed runs")).singleElement().asString().startsWith("INFO Removed 2 temporary files beside ")
                    .contains(dir.resolve("out.csv").toString(), first.getFileName().toString(),
                            second.getFileName().toString());
        }
        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
        assertThat(dir.resolve("out.csv")).hasContent("values");
    }

    @Test
    void theFileOfARunThatStillRunsIsKept() throws IOException {
        Path running = leftOver("out.csv", ProcessHandle.current().pid());

        try (LogCapture log = new LogCapture(KilledRunLeftovers.class, Level.INFO)) {
            runInto(dir.resolve("out.csv"));

            assertThat(log.lines()).filteredOn(line -> line.contains("killed runs")).isEmpty();
        }
        assertThat(running).hasContent("half an export");
    }

    @Test
    void namesThatAreNotExactlyTheTargetsTemporaryFilesAreLeftAlone() throws IOException {
        List<Path> lookalikes = List.of(
                leftOver("other.csv", deadPid),
                leftOver("out.csv.5", deadPid), // ".out.csv.5.<pid>.-42.tmp": a target named out.csv.5
                Files.writeString(dir.resolve("out.csv." + deadPid + ".1.tmp"), "not hidden"),
                Files.writeString(dir.resolve(".out.csv." + deadPid + ".1.tmp.bak"), "a user's copy"),
                Files.writeString(dir.resolve(".out.csv.x" + deadPid + ".1.tmp"), "not a pid"),
                Files.writeString(dir.resolve(".out.csv." + deadPid + ".tmp"), "no time"),
                Files.writeString(dir.resolve(".out.csv.99999999999999999999.1.tmp"), "beyond a long"));
        Path folder = Files.createDirectory(dir.resolve(new TemporaryOutputName("out.csv", deadPid, 7).fileName()));

        runInto(dir.resolve("out.csv"));

        assertThat(lookalikes).allSatisfy(file -> assertThat(file).exists());
        assertThat(folder).isDirectory();
    }

    @Test
    void aLinkNamedAsAKilledRunsFileIsNeitherFollowedNorRemoved() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "the user's file");
        Path link = Files.createSymbolicLink(dir.resolve(new TemporaryOutputName("out.csv", deadPid, 1).fileName()), victim);

        runInto(dir.resolve("out.csv"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(victim).hasContent("the user's file");
    }

    @Test
    void aNameReadsBackAsTheTargetPidAndTimeItWasMadeOf() {
        TemporaryOutputName name = new TemporaryOutputName("out.csv", 4242, -17);

        assertThat(name.fileName()).isEqualTo(".out.csv.4242.-17.tmp");
        assertThat(TemporaryOutputName.parse(name.fileName(), "out.csv")).contains(name);
        assertThat(TemporaryOutputName.parse(name.fileName(), "out")).isEmpty();
    }
}
