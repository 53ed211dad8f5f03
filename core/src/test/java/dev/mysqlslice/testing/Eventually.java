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
        await(condition, what, timeout, () -> { });
    }

    /**
     * Like {@link #await(BooleanSupplier, String, Duration)}, calling {@code stillRunning} before
     * each look: it throws when whatever should make the condition true has died (a daemon, a
     * process), so the test fails at once with that reason instead of at the timeout.
     */
    public static void await(BooleanSupplier condition, String what, Duration timeout, Runnable stillRunning)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            stillRunning.run();
            if (condition.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
