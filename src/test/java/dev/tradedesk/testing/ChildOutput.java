package dev.tradedesk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;

/** Reading what a child JVM of a crash test prints, without ever failing the reader itself. */
public final class ChildOutput {

    private ChildOutput() {
    }

    /** Queues each line the child prints on stdout until it exits or is killed. */
    public static void readLines(Process child, BlockingQueue<String> lines) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("READ FAILED " + e);
        }
    }

    /** The file's text for a failure message, or why it could not be read. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
