package dev.tradedesk.feed.sim;

import dev.tradedesk.core.Spaces;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ways the simulated exchange can fail a response on purpose, each one a way real market data
 * providers have been seen to fail. The label is how {@code --fault-kinds} names it.
 */
public enum FaultKind {
    /** 429 with {@code Retry-After: 1}. */
    RATE_LIMITED_RETRY_AFTER("429-retry-after", false),
    /** 429 without a {@code Retry-After}: the client must back off on its own. */
    RATE_LIMITED("429", false),
    SERVER_ERROR("500", false),
    BAD_GATEWAY("502", false),
    UNAVAILABLE("503", false),
    /** 401 once per exchange: a spurious rejection of a key that works (seen during provider deploys). */
    UNAUTHORIZED_ONCE("401-once", false),
    /** No answer until after the client's read timeout. */
    STALL("stall", false),
    /** Headers and half the body, then the connection drops. */
    RESET_MID_BODY("reset", false),
    /** A complete 200 response whose JSON stops halfway. */
    TRUNCATED_JSON("truncated", false),
    /** An HTML page instead of JSON (a proxy or a maintenance page), with 200 or 502. */
    HTML_PAGE("html", false),
    /** 200 with an empty body. */
    EMPTY_BODY("empty", false),
    /** One bar with a NaN (as the string "NaN") or negative close. */
    INVALID_PRICE("bad-price", true),
    /** One bar sent twice. */
    DUPLICATE_BARS("duplicate", true),
    /** Two bars swapped. */
    OUT_OF_ORDER("out-of-order", true),
    /** A {@code next_page_token} that leads back to a page already served. */
    REPEATED_PAGE_TOKEN("repeat-token", true);

    private final String label;
    private final boolean inBody;

    FaultKind(String label, boolean inBody) {
        this.label = label;
        this.inBody = inBody;
    }

    public String label() {
        return label;
    }

    /** Whether the fault is in the bars of a well-formed 200 response rather than in the transport. */
    boolean inBody() {
        return inBody;
    }

    /** Whether the fault can happen to a latest-bars response (which has no pages and one bar per symbol). */
    boolean appliesToLatest() {
        return !inBody || this == INVALID_PRICE;
    }

    /** Parses a label such as {@code 429} or {@code bad-price} (case-insensitive). */
    public static FaultKind parse(String text) {
        String wanted = Spaces.trimmed(text).toLowerCase(Locale.ROOT);
        for (FaultKind kind : values()) {
            if (kind.label.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + text + "': use some of " + labels());
    }

    public static String labels() {
        return Arrays.stream(values()).map(FaultKind::label).collect(Collectors.joining(", "));
    }
}
