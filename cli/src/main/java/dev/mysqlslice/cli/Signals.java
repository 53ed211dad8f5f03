package dev.mysqlslice.cli;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a request to stop, so that a daemon finishes its step, writes
 * its checkpoint and exits 0 instead of being cut off by the JVM's default handling.
 */
final class Signals {

    private Signals() {
    }

    static void onStop(Runnable stop) {
        onSignal("TERM", stop);
        onSignal("INT", stop);
    }

    /** Runs {@code action} when the signal {@code name} (e.g. "TERM") arrives. */
    static void onSignal(String name, Runnable action) {
        try {
            Signal.handle(new Signal(name), signal -> action.run());
        } catch (IllegalArgumentException e) {
            // The signal does not exist on this platform; the default handling stays.
        }
    }
}
