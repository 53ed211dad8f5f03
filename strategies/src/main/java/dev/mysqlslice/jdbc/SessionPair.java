package dev.mysqlslice.jdbc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A session on the source and one on the target, opened at the same time (each costs a connection handshake). */
public record SessionPair(Session source, Session target) implements AutoCloseable {

    public static SessionPair open(Connector connector, Endpoint source, Endpoint target) {
        CompletableFuture<Session> targetSession = CompletableFuture.supplyAsync(() -> Session.open(connector, target));
        Session sourceSession;
        try {
            sourceSession = Session.open(connector, source);
        } catch (RuntimeException e) {
            targetSession.thenAccept(Session::close);
            throw e;
        }
        try {
            return new SessionPair(sourceSession, targetSession.join());
        } catch (CompletionException e) {
            sourceSession.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void close() {
        try {
            source.close();
        } finally {
            target.close();
        }
    }
}
