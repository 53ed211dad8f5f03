package dev.mysqlslice.daemon.run;

import dev.mysqlslice.concurrent.DaemonThreads;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.strategy.ServerSettings;
import dev.mysqlslice.strategy.Servers;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link Servers} for a long-running daemon: sessions are kept open between cycles (a cycle pays
 * no connection set-up), and dropped all at once after a connection failure.
 */
public final class SessionPool implements Servers, AutoCloseable {

    /** Sessions idle longer than this are checked before they are handed out (the server may have restarted). */
    private static final long VALIDATE_AFTER_MILLIS = 2000;

    private final ServerSettings settings;
    private final Deque<Session> idleSources = new ArrayDeque<>();
    private final Deque<Session> idleTargets = new ArrayDeque<>();
    private final Map<Session, Long> idleSince = new IdentityHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.numbered("mysqlslice-daemon-io"));

    public SessionPool(ServerSettings settings) {
        this.settings = settings;
    }

    @Override
    public Session openSource() {
        return borrow(idleSources, settings.source()).gated(settings.sourceGate());
    }

    @Override
    public Session openTarget() {
        return borrow(idleTargets, settings.target());
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public ServerSettings settings() {
        return settings;
    }

    /** Closes every idle session, e.g. after a server restart left them broken. */
    public synchronized void reset() {
        closeAll(idleSources);
        closeAll(idleTargets);
    }

    @Override
    public void close() {
        reset();
        executor.shutdownNow();
    }

    private Session borrow(Deque<Session> idle, Endpoint endpoint) {
        while (true) {
            Session session;
            long since;
            synchronized (this) {
                session = idle.pollFirst();
                if (session == null) {
                    break;
                }
                since = idleSince.remove(session);
            }
            if (System.currentTimeMillis() - since < VALIDATE_AFTER_MILLIS || isValid(session)) {
                return session;
            }
            session.closeConnection();
        }
        Session opened = Session.open(settings.connector(), endpoint);
        return new Session(endpoint, opened.connection(), session -> giveBack(idle, session));
    }

    private synchronized void giveBack(Deque<Session> idle, Session session) {
        try {
            if (session.connection().isClosed() || !session.connection().getAutoCommit()) {
                session.closeConnection();
                return;
            }
        } catch (SQLException e) {
            session.closeConnection();
            return;
        }
        idle.addFirst(session);
        idleSince.put(session, System.currentTimeMillis());
    }

    private static boolean isValid(Session session) {
        try {
            return session.connection().isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void closeAll(Deque<Session> sessions) {
        while (!sessions.isEmpty()) {
            idleSince.remove(sessions.peekFirst());
            try {
                sessions.pollFirst().closeConnection();
            } catch (RuntimeException ignored) {
                // It is being thrown away.
            }
        }
    }
}
