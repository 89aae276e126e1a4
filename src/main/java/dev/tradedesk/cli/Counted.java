package dev.tradedesk.cli;

/** A count with its noun, singular for one: "1 symbol", "3 symbols", "0 rows". Stateless and thread-safe. */
final class Counted {

    private Counted() {
    }

    /** {@code count} and {@code singular}, with an "s" unless the count is one; for nouns with a regular plural. */
    static String of(long count, String singular) {
        return count + " " + (count == 1 ? singular : singular + "s");
    }
}
