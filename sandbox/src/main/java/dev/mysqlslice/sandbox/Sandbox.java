package dev.mysqlslice.sandbox;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** A source and a target server started side by side under one directory. */
public record Sandbox(LocalServer source, LocalServer target) {

    /** Starts both servers in parallel under {@code dir}/source and {@code dir}/target. */
    public static Sandbox start(Path dir, ServerSpec sourceSpec, ServerSpec targetSpec) {
        ServerBinaries binaries = ServerBinaries.require();
        CompletableFuture<LocalServer> source = CompletableFuture.supplyAsync(
                () -> LocalServer.create(binaries, sourceSpec, dir.resolve(sourceSpec.name())));
        CompletableFuture<LocalServer> target = CompletableFuture.supplyAsync(
                () -> LocalServer.create(binaries, targetSpec, dir.resolve(targetSpec.name())));
        try {
            return new Sandbox(source.join(), target.join());
        } catch (RuntimeException e) {
            source.thenAccept(LocalServer::destroy);
            target.thenAccept(LocalServer::destroy);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof SandboxException sandbox ? sandbox : new SandboxException(cause.getMessage(), cause);
        }
    }

    /** Attaches to a sandbox started earlier in {@code dir}. */
    public static Sandbox attach(Path dir) {
        return new Sandbox(LocalServer.attach(dir.resolve("source")), LocalServer.attach(dir.resolve("target")));
    }

    /** Stops both servers, keeping their data. */
    public void stop() {
        source.stop();
        target.stop();
    }

    /** Stops both servers and deletes their data. */
    public void destroy() {
        source.destroy();
        target.destroy();
    }
}
