package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tradedesk.ui.WindowClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux installer built by {@code mvn -Pinstaller verify}: the app image's launchers run the
 * same commands as {@code java -jar}, the command-line launcher maps the AppCDS archive made at
 * build time, and the {@code .deb} and {@code .rpm} hold the expected layout and scripts and run
 * once unpacked (each only where its build tools are installed). Runs only in
 * the installer profile (the default build excludes it); skips, saying why, when this JDK has no
 * jpackage or the OS is not Linux, as the profile then builds no Linux image.
 */
class InstallerImageIT {

    private static final Path INSTALLER_DIR = Path.of(System.getProperty("tradedesk.installer.dir", "target/installer"));
    private static final Path IMAGE = INSTALLER_DIR.resolve("tradedesk");

    @TempDir
    Path dir;

    private record Result(int exitCode, String stdout, String stderr) {
    }

    @BeforeAll
    static void requireTheLinuxImage() {
        Path javaHome = Path.of(System.getProperty("java.home"));
        assumeTrue(Files.isExecutable(javaHome.resolve("bin/jpackage")),
                "jpackage is not in this JDK (" + javaHome + "), so -Pinstaller built no app image");
        assumeTrue(System.getProperty("os.name").startsWith("Linux"),
                "the app image checks are written for the Linux image; on " + System.getProperty("os.name")
                        + " -Pinstaller builds the .msi or .dmg instead");
        assertThat(IMAGE.resolve("bin/tradedesk")).as("the app image built by -Pinstaller package").isExecutable();
    }

    private Result run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private Result run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    private static String expectedVersionLine() {
        return "tradedesk " + System.getProperty("tradedesk.version", "");
    }

    @Test
    void theNativeLauncherPrintsTheProjectVersion() throws Exception {
        Result result = run(IMAGE.resolve("bin/tradedesk").toString(), "--version");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().strip()).isEqualTo(expectedVersionLine());
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void theCommandLineLauncherStartsFromTheAppCdsArchive() throws Exception {
        assertThat(IMAGE.resolve("lib/app/tradedesk.jsa")).as("the archive of the build's training run").isRegularFile();
        // Not a lone --version: the launcher answers that one without the archive.
        Result result = run(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"),
                IMAGE.resolve("lib/tradedesk-launcher.sh").toString(), "--help");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Usage: tradedesk")
                .contains("dev.tradedesk.app.Main source: shared objects file (top)");
    }

    @Test
    void theCommandLineLauncherAnswersALoneVersionWithTheSameLine() throws Exception {
        for (String option : List.of("--version", "-V")) {
            Result result = run(IMAGE.resolve("lib/tradedesk-launcher.sh").toString(), option);
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout().strip()).isEqualTo(expectedVersionLine());
            assertThat(result.stderr()).isEmpty();
        }
    }

    @Test
    void theWorkstationsHeapIsInHugePagesButALoneVersionsIsNot() throws Exception {
        Map<String, String> printFlags = Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal");
        Result workstation = run(printFlags, IMAGE.resolve("lib/tradedesk-launcher.sh").toString(), "--help");
        assertThat(workstation.exitCode()).as(workstation.stderr()).isZero();
        assertThat(workstation.stdout()).containsPattern("bool UseTransparentHugePages\\s+= true");

        Result version = run(printFlags, IMAGE.resolve("lib/tradedesk-launcher.sh").toString(), "--version");
        assertThat(version.exitCode()).as(version.stderr()).isZero();
        assertThat(version.stdout()).containsPattern("bool UseTransparentHugePages\\s+= false")
                .contains(expectedVersionLine());
    }

    @Test
    void theImageHoldsExactlyTheJarsOnTheAppClassPath() throws Exception {
        Set<String> manifestClassPath;
        try (JarFile jar = new JarFile(IMAGE.resolve("lib/app/tradedesk.jar").toFile())) {
            manifestClassPath = Set.of(jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH).split(" "));
        }
        Set<String> launcherClassPath = Files.readAllLines(IMAGE.resolve("lib/app/tradedesk.cfg")).stream()
                .filter(line -> line.startsWith("app.classpath=$APPDIR/lib/"))
                .map(line -> line.substring("app.classpath=$APPDIR/".length()))
                .collect(Collectors.toSet());
        Set<String> shipped;
        try (Stream<Path> jars = Files.list(IMAGE.resolve("lib/app/lib"))) {
            shipped = jars.map(jar -> "lib/" + jar.getFileName()).collect(Collectors.toSet());
        }
        assertThat(launcherClassPath).as("the launcher's class path").isEqualTo(manifestClassPath);
        assertThat(shipped).as("no jar of an earlier build left in the image").isEqualTo(manifestClassPath);
    }

    @Test
    void theImageNamesEachLibraryItShipsWithItsLicense() throws Exception {
        String notices = Files.readString(IMAGE.resolve("lib/app/THIRD-PARTY.txt"));
        try (Stream<Path> jars = Files.list(IMAGE.resolve("lib/app/lib"))) {
            for (Path jar : jars.toList()) {
                // openjfx jars carry their platform in the name (javafx-base-21.0.11-linux.jar); the notice names the artifact.
                String artifact = jar.getFileName().toString().replaceFirst("-\\d.*$", "");
                assertThat(notices).as(jar.getFileName().toString()).contains(":" + artifact + ":");
            }
        }
        assertThat(notices).contains("(GPLv2+CE) javafx graphics", "(EPL 1.0) (MPL 2.0) H2 Database Engine",
                "(LGPLv3) chartfx-chart");
        Path licenses = IMAGE.resolve("lib/app/licenses");
        for (String text : List.of("Apache-2.0.txt", "GPL-3.0.txt", "LGPL-3.0.txt", "LGPL-2.1.txt", "MPL-2.0.txt",
                "MIT-atlantafx.txt", "slf4j-LICENSE.txt", "HdrHistogram-LICENSE.txt", "README.txt")) {
            assertThat(licenses.resolve(text)).as("the license text %s", text).isNotEmptyFile();
        }
        assertThat(Files.readString(licenses.resolve("slf4j-LICENSE.txt"))).as("from the jar").contains("Permission is hereby granted");
        assertThat(IMAGE.resolve("lib/runtime/legal/java.base/LICENSE")).as("GPLv2 with the Classpath Exception, as README.txt says")
                .content().contains("\"CLASSPATH\" EXCEPTION TO THE GPL");
        assertThat(Files.readString(INSTALLER_DIR.resolve("tradedesk/lib/app/tradedesk.cfg")))
                .as("a notice, not a library").doesNotContain("THIRD-PARTY");
    }

    @Test
    void theLauncherRecordsFromTheSimulatedExchangeIntoTheGivenDataDir() throws Exception {
        Path dataDir = dir.resolve("td");
        Result result = run(IMAGE.resolve("bin/tradedesk").toString(), "--data-dir", dataDir.toString(),
                "record", "--provider", "sim", "--symbols", "AAPL", "--duration", "5s");
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("record.provider: sim", "errors.total: 0", "store.failures: 0")
                .containsPattern("stored\\.total: [1-9]\\d*").containsPattern("written\\.AAPL: [1-9]\\d*");
        assertThat(dataDir.resolve("simulated/history.mv.db")).as("simulated bars, apart from real ones").isRegularFile();
        assertThat(dataDir.resolve("logs/tradedesk.log")).isRegularFile();
        assertThat(dir.resolve("data")).as("nothing written to the default data dir").doesNotExist();
    }

    @Test
    void theDebInstallsTheImageUnderOptWithTheCommandAndTheMenuEntry() throws Exception {
        assumeTrue(onPath("dpkg-deb") && onPath("fakeroot"),
                "dpkg-deb or fakeroot is not installed, so -Pinstaller built no .deb");
        Path deb = onlyPackage(".deb");

        Result contents = run("dpkg-deb", "--contents", deb.toString());
        assertThat(contents.exitCode()).as(contents.stderr()).isZero();
        assertThat(contents.stdout()).contains(
                "./opt/tradedesk/bin/tradedesk", "./opt/tradedesk/lib/app/tradedesk.cfg",
                "./opt/tradedesk/lib/app/tradedesk.jar", "./opt/tradedesk/lib/app/lib/javafx-graphics-",
                "./opt/tradedesk/lib/runtime/lib/server/libjvm.so", "./opt/tradedesk/lib/runtime/lib/server/classes.jsa",
                "./opt/tradedesk/lib/tradedesk-tradedesk.desktop", "./opt/tradedesk/share/doc/copyright",
                "./opt/tradedesk/lib/app/THIRD-PARTY.txt", "./opt/tradedesk/lib/app/licenses/LGPL-3.0.txt")
                .containsPattern("-rwxr-xr-x .* \\./opt/tradedesk/lib/tradedesk-launcher\\.sh")
                .containsPattern("-rwxr-xr-x .* \\./opt/tradedesk/lib/create-cds-archive\\.sh")
                // Made by postinst for /opt, and never needed with a 1 GB heap.
                .doesNotContain("tradedesk.jsa", "classes_nocoops.jsa");
        Result copyright = run("sh", "-c", "dpkg-deb --fsys-tarfile '" + deb + "' | tar -xO ./opt/tradedesk/share/doc/copyright");
        assertThat(copyright.stdout()).as("the .deb's copyright: TradeDesk's license, then where the libraries' are")
                .contains("Apache License", "Third-party software", "/opt/tradedesk/lib/app", "licenses/");

        Result postrm = run("dpkg-deb", "--info", deb.toString(), "postrm");
        assertThat(postrm.stdout()).as("uninstall says where user data stays")
                .contains("~/.config/tradedesk/", "~/.local/share/tradedesk/");
        Result postinst = run("dpkg-deb", "--info", deb.toString(), "postinst");
        assertThat(postinst.stdout())
                .as("an upgrade rolled back sets the kept version up again: prerm took its command, archive and entry")
                .contains("configure|abort-upgrade|abort-remove|abort-deconfigure)")
                .as("the menu entry where xdg-desktop-menu finds no menu folders")
                .contains("cp /opt/tradedesk/lib/tradedesk-tradedesk.desktop /usr/share/applications/");

        Path root = dir.resolve("root");
        assertThat(run("dpkg-deb", "-x", deb.toString(), root.toString()).exitCode()).isZero();
        assertThat(Files.readString(root.resolve("opt/tradedesk/lib/tradedesk-tradedesk.desktop")))
                .contains("Name=TradeDesk", "Exec=/opt/tradedesk/lib/tradedesk-launcher.sh", "Categories=Office;Finance;",
                        "StartupWMClass=" + WindowClass.NAME);
        Result version = run(root.resolve("opt/tradedesk/lib/tradedesk-launcher.sh").toString(), "--version");
        assertThat(version.exitCode()).as(version.stderr()).isZero();
        assertThat(version.stdout().strip()).isEqualTo(expectedVersionLine());
    }

    @Test
    void theRpmInstallsTheSameLayoutWithTheCommandTheArchiveAndTheUninstallNote() throws Exception {
        assumeTrue(onPath("rpmbuild") && onPath("rpm2archive"),
                "rpmbuild or rpm2archive is not installed, so -Pinstaller built no .rpm or it cannot be unpacked here");
        Path rpm = onlyPackage(".rpm");

        Result files = run("rpm", "-qp", "--qf", "[%{FILEMODES:perms} %{FILEFLAGS:fflags} %{FILENAMES}\\n]", rpm.toString());
        assertThat(files.exitCode()).as(files.stderr()).isZero();
        assertThat(files.stdout()).contains(
                "/opt/tradedesk/bin/tradedesk", "/opt/tradedesk/lib/app/tradedesk.cfg", "/opt/tradedesk/lib/app/tradedesk.jar",
                "/opt/tradedesk/lib/runtime/lib/server/libjvm.so", "/opt/tradedesk/lib/tradedesk-tradedesk.desktop")
                .containsPattern("-rwxr-xr-x +/opt/tradedesk/lib/tradedesk-launcher\\.sh")
                .containsPattern("-rwxr-xr-x +/opt/tradedesk/lib/create-cds-archive\\.sh")
                // Made by %post for the installed paths; named as a ghost so that erasing removes it.
                .containsPattern("-r--r--r-- g /opt/tradedesk/lib/app/tradedesk\\.jsa")
                .doesNotContainPattern("(?m) /opt$").doesNotContainPattern("(?m) /usr$").doesNotContainPattern("(?m) /usr/share$")
                .doesNotContain("classes_nocoops.jsa");

        Result scripts = run("rpm", "-qp", "--scripts", rpm.toString());
        assertThat(scripts.stdout())
                .contains("ln -sf /opt/tradedesk/lib/tradedesk-launcher.sh /usr/bin/tradedesk",
                        "/opt/tradedesk/lib/create-cds-archive.sh /opt/tradedesk",
                        "~/.config/tradedesk/", "~/.local/share/tradedesk/")
                .containsPattern("(?s)preuninstall scriptlet.*if \\[ \"\\$1\" -eq 0 \\]");
        Result requires = run("rpm", "-qpR", rpm.toString());
        assertThat(requires.stdout()).contains("libgtk-3.so.0()(64bit)", "libGL.so.1()(64bit)", "libXtst.so.6()(64bit)");
        Result info = run("rpm", "-qp", "--qf", "%{PREFIXES}", rpm.toString());
        assertThat(info.stdout()).as("not relocatable: the scripts and the menu entry name /opt/tradedesk").isEqualTo("(none)");

        Path root = Files.createDirectories(dir.resolve("root"));
        Result unpacked = run("sh", "-c", "rpm2archive - <\"$1\" | tar -xzf - -C \"$0\"", root.toString(), rpm.toString());
        assertThat(unpacked.exitCode()).as(unpacked.stderr()).isZero();
        assertThat(Files.readString(root.resolve("opt/tradedesk/lib/tradedesk-tradedesk.desktop")))
                .contains("Name=TradeDesk", "Exec=/opt/tradedesk/lib/tradedesk-launcher.sh", "Categories=Office;Finance;",
                        "StartupWMClass=" + WindowClass.NAME);
        Result version = run(root.resolve("opt/tradedesk/lib/tradedesk-launcher.sh").toString(), "--version");
        assertThat(version.exitCode()).as(version.stderr()).isZero();
        assertThat(version.stdout().strip()).isEqualTo(expectedVersionLine());
    }

    private static Path onlyPackage(String extension) throws IOException {
        try (Stream<Path> files = Files.list(INSTALLER_DIR)) {
            List<Path> packages = files.filter(file -> file.getFileName().toString().endsWith(extension)).toList();
            assertThat(packages).as("the " + extension + " in " + INSTALLER_DIR).hasSize(1);
            return packages.get(0);
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, program)));
    }
}
