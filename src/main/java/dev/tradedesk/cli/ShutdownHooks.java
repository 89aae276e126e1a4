package dev.tradedesk.cli;

/** The JVM's shutdown hooks, for commands that hold one only while they run. */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    /**
     * Removes {@code hook}, unless the JVM is already ending (SIGHUP, or a second Ctrl-C): the hook
     * is then running or has run, and there is nothing left to undo.
     */
    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException jvmEnding) {
            // the hook is running or has run
        }
    }
}
