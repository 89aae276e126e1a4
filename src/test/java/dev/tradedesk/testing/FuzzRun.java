package dev.tradedesk.testing;

import java.util.Random;

/**
 * Runs numbered fuzz cases, each with its own {@link Random} derived from one seed and the case
 * number, so any failure is reproduced by that pair alone: {@code -Dfuzz.seed=S -Dfuzz.case=N}
 * runs just case N of seed S. A failing case is reported with the seed, the case number and what
 * the case logged about its input. Not thread-safe: one run per test.
 */
public final class FuzzRun {

    /** The case body: generate from {@code random}, describe the input in {@code log}, assert. */
    @FunctionalInterface
    public interface Case {
        void run(int number, Random random, StringBuilder log) throws Exception;
    }

    private static final long DEFAULT_SEED = 20_261_125L;
    private static final int LOGGED_INPUT_CHARS = 1_500;

    private final String name;
    private final long seed;
    private final int only;

    public FuzzRun(String name) {
        this.name = name;
        this.seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        this.only = Integer.getInteger("fuzz.case", -1);
    }

    public long seed() {
        return seed;
    }

    /** Runs cases {@code 0 .. cases-1} (or only the one asked for) and returns how many ran. */
    public int run(int cases, Case body) {
        int ran = 0;
        for (int number = 0; number < cases; number++) {
            if (only >= 0 && number != only) {
                continue;
            }
            StringBuilder log = new StringBuilder();
            try {
                body.run(number, new Random(seed * 0x9E37_79B9_7F4A_7C15L + number), log);
            } catch (Throwable failure) {
                throw new AssertionError(name + " failed at seed " + seed + ", case " + number
                        + " (rerun with -Dfuzz.seed=" + seed + " -Dfuzz.case=" + number + ")\n" + log + "\n" + failure,
                        failure);
            }
            ran++;
        }
        return ran;
    }

    /** {@code text} cut to a loggable length with control and non-ASCII characters escaped. */
    public static String printable(CharSequence text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(text.length(), LOGGED_INPUT_CHARS); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (text.length() > LOGGED_INPUT_CHARS) {
            out.append("… (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
