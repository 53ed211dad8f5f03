package dev.mysqlslice.concurrent;

import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Runs the same work on the source and the target at the same time and waits for both. */
public record Both<T>(T source, T target) {

    public static <T> Both<T> run(Executor executor, Supplier<T> onSource, Supplier<T> onTarget) {
        CompletableFuture<T> source = CompletableFuture.supplyAsync(onSource, executor);
        T target;
        try {
            target = onTarget.get();
        } catch (RuntimeException e) {
            source.cancel(true);
            join(source, true);
            throw e;
        }
        return new Both<>(join(source, false), target);
    }

    private static <T> T join(CompletableFuture<T> future, boolean quietly) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            if (quietly) {
                return null;
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new MysqlsliceException(Failure.INTERNAL, "comparison failed: " + cause, cause);
        }
    }
}
