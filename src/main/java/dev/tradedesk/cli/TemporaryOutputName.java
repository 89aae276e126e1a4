package dev.tradedesk.cli;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an output's temporary file ({@link OutputTarget#temporaryBeside}): hidden, and the
 * writing run's own, {@code .NAME.<pid>.<nanoTime>.tmp} beside the target {@code NAME}. The pid says
 * which process may still be writing it ({@link KilledRunLeftovers}).
 *
 * @param target the target's file name, without a folder
 * @param pid    the process that made the file
 * @param nanos  {@link System#nanoTime()} when it was made (negative values are valid)
 */
record TemporaryOutputName(String target, long pid, long nanos) {

    // Exactly two numbers: "out.csv"'s ".out.csv.5.123.456.tmp" is the file of a target named "out.csv.5".
    private static final Pattern NUMBERS = Pattern.compile("(\\d{1,18})\\.(-?\\d{1,19})\\.tmp");

    TemporaryOutputName {
        if (target.isEmpty() || target.contains("/")) {
            throw new IllegalArgumentException("not a file name: '" + target + "'");
        }
    }

    /** A new name for this process's temporary file beside {@code target}. */
    static TemporaryOutputName ofThisRun(String target) {
        return new TemporaryOutputName(target, ProcessHandle.current().pid(), System.nanoTime());
    }

    /**
     * @return the name {@code fileName} stands for if it is exactly a temporary file of {@code target}'s
     *         ({@code .NAME.<pid>.<nanoTime>.tmp}), else empty
     */
    static Optional<TemporaryOutputName> parse(String fileName, String target) {
        String prefix = "." + target + ".";
        if (!fileName.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher numbers = NUMBERS.matcher(fileName).region(prefix.length(), fileName.length());
        if (!numbers.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TemporaryOutputName(target, Long.parseLong(numbers.group(1)),
                    Long.parseLong(numbers.group(2))));
        } catch (NumberFormatException beyondLong) {
            return Optional.empty(); // no process or clock of ours wrote that
        }
    }

    String fileName() {
        return "." + target + "." + pid + "." + nanos + ".tmp";
    }
}
