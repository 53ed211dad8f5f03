package dev.mysqlslice.jdbc;

import java.util.function.Function;

/**
 * One session to an endpoint kept open between uses (a probe asked every few seconds): opened on
 * first use, dropped after a use fails, so the next use connects again. Callers synchronize.
 */
public final class KeptSession implements AutoCloseable {

    private final Connector connector;
    private final Endpoint endpoint;
    private Session session;

    public KeptSession(Connector connector, Endpoint endpoint) {
        this.connector = connector;
        this.endpoint = endpoint;
    }

    /** Runs {@code work} on the session, opening it first if needed; a failure closes it and is rethrown. */
    public <T> T use(Function<Session, T> work) {
        try {
            if (session == null) {
                session = Session.open(connector, endpoint);
            }
            return work.apply(session);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (session != null) {
            try {
                session.closeConnection();
            } catch (RuntimeException ignored) {
                // Closing a broken connection: nothing to do.
            }
            session = null;
        }
    }
}
