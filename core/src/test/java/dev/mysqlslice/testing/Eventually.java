package dev.mysqlslice.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits in tests for something that happens on another thread or server. */
public final class Eventually {

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails with "{@code what} did not happen" after {@code timeout}. */
    public static void await(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen");
            }
            Thread.sleep(20);
        }
    }
}
