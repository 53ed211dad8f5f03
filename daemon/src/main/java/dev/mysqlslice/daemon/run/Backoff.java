package dev.mysqlslice.daemon.run;

import java.time.Duration;

/**
 * How long to wait before trying again: {@code delay} now, twice as long after each further
 * failure, never more than {@code max}; a success starts over from the first delay.
 */
record Backoff(Duration delay, Duration first, Duration max) {

    /** Retrying the daemon's loop after a cycle failed (the servers may be restarting). */
    static final Backoff CYCLE = starting(Duration.ofMillis(200), Duration.ofSeconds(30));
    /** Reconnecting to the source's binlog. */
    static final Backoff RECONNECT = starting(Duration.ofMillis(500), Duration.ofSeconds(30));
    /** Spacing cycles while a unit's sync keeps leaving rows different. */
    static final Backoff DIFFERENT = starting(Duration.ofMillis(200), Duration.ofSeconds(5));

    static Backoff starting(Duration first, Duration max) {
        return new Backoff(first, first, max);
    }

    /** The wait after one more failure. */
    Backoff failedAgain() {
        Duration next = delay.multipliedBy(2);
        return new Backoff(next.compareTo(max) > 0 ? max : next, first, max);
    }

    /** The wait after {@code failures} failures in a row (at least one): the first delay after one. */
    Backoff afterFailures(int failures) {
        Backoff backoff = starting(first, max);
        for (int i = 1; i < failures && backoff.delay.compareTo(max) < 0; i++) {
            backoff = backoff.failedAgain();
        }
        return backoff;
    }

    /** The wait after a success. */
    Backoff succeeded() {
        return starting(first, max);
    }
}
