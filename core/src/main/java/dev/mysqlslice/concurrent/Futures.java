package dev.mysqlslice.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for a future and getting its failure as it was thrown, not wrapped. */
public final class Futures {

    private Futures() {
    }

    /**
     * The future's value; a runtime exception it failed with is rethrown as it is (the
     * {@link CompletionException} around it dropped), anything else stays wrapped.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
