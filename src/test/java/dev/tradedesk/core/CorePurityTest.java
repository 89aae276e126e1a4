package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code core} stays pure: no JavaFX, JDBC, HTTP, JSON or cache API, imported or written out in full,
 * so the engine can be tested, benchmarked and reused without any of them.
 */
class CorePurityTest {

    private static final Path CORE_SOURCES = Path.of("src/main/java/dev/tradedesk/core");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(javafx|java\\.sql|javax\\.sql|okhttp3|okio|com\\.fasterxml\\.jackson|org\\.ehcache|javax\\.cache"
                    + "|com\\.zaxxer\\.hikari|org\\.h2|org\\.flywaydb)\\.[A-Za-z_]");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
    private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    @Test
    void coreImportsNoFrameworkOrIoLibrary() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORE_SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                violations.addAll(violationsIn(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(violations).as("core must not use these libraries").isEmpty();
    }

    @Test
    void coreSourcesAreFoundSoTheCheckCannotPassVacuously() throws IOException {
        try (Stream<Path> files = Files.walk(CORE_SOURCES)) {
            assertThat(files.filter(path -> path.toString().endsWith(".java")).count()).isGreaterThan(3);
        }
    }

    @Test
    void checkReportsImportsAndFullyQualifiedUsesWithTheirLine() {
        String source = """
                package dev.tradedesk.core;
                import javafx.scene.Node;
                // a comment about javafx.scene.Node is fine
                class Bad {
                    java.sql.Connection connection;
                    String text = "okhttp3.Call in a string is fine";
                    com.fasterxml.jackson.databind.ObjectMapper mapper;
                }
                """;
        assertThat(violationsIn("Bad.java", source)).containsExactly(
                "Bad.java:2 uses javafx.s", "Bad.java:5 uses java.sql.C", "Bad.java:7 uses com.fasterxml.jackson.d");
    }

    private static List<String> violationsIn(String name, String source) {
        String code = blankOut(blankOut(source, COMMENTS), STRINGS);
        List<String> violations = new ArrayList<>();
        Matcher matcher = FORBIDDEN.matcher(code);
        while (matcher.find()) {
            int line = 1 + (int) code.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
            violations.add(name + ":" + line + " uses " + matcher.group());
        }
        return violations;
    }

    /** Replaces matches with spaces, keeping newlines so line numbers stay right. */
    private static String blankOut(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group().replaceAll("[^\\n]", " ")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
