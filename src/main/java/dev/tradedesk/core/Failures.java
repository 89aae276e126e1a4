package dev.tradedesk.core;

import java.util.concurrent.CompletionException;

/** What a background task failed with. Stateless. */
public final class Failures {

    private Failures() {
    }

    /**
     * The exception a task threw, not the {@link CompletionException} a future wraps it in on its
     * way through a later stage (whose message starts with the class's name); {@code failure}
     * itself otherwise.
     */
    public static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
