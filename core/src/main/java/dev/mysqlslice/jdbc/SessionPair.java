package dev.mysqlslice.jdbc;

import dev.mysqlslice.concurrent.Futures;
import java.util.concurrent.CompletableFuture;

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
            return new SessionPair(sourceSession, Futures.join(targetSession));
        } catch (RuntimeException e) {
            sourceSession.close();
            throw e;
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
