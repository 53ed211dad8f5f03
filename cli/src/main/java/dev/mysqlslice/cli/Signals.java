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
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException e) {
                // The signal does not exist on this platform; the default handling stays.
            }
        }
    }
}
