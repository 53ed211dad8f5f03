package dev.mysqlslice.daemon.checkpoint;

import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The exclusive right to run on one checkpoint: a named lock ({@code GET_LOCK}) held by a session
 * of its own on the target for as long as the daemon (or a catch-up run) runs. A second one on the
 * same target database and checkpoint name is refused before it writes anything, and the first
 * keeps running. The server releases the lock when the holding session ends, so a crashed daemon
 * never blocks its successor. If the session is lost (a target restart), the lock is taken again;
 * if another run took it meanwhile, this one must stop.
 */
public final class CheckpointLease implements AutoCloseable {

    /** GET_LOCK names are at most 64 characters on MySQL. */
    static final int MAX_NAME = 64;

    private final Connector connector;
    private final Endpoint target;
    private final String checkpoint;
    private final String lock;
    private Session session;

    private CheckpointLease(Connector connector, Endpoint target, String checkpoint) {
        this.connector = connector;
        this.target = target;
        this.checkpoint = checkpoint;
        this.lock = lockName(target.database(), checkpoint);
    }

    /** Takes the lease, or fails (exit code of another writer) naming who holds it. */
    public static CheckpointLease acquire(Connector connector, Endpoint target, String checkpoint) {
        CheckpointLease lease = new CheckpointLease(connector, target, checkpoint);
        lease.take();
        return lease;
    }

    /** The lock's name: the target database and checkpoint name, hashed when too long for GET_LOCK. */
    static String lockName(String database, String checkpoint) {
        String name = "mysqlslice/" + database + "/" + checkpoint;
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "mysqlslice/" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks that the lease is still held, taking it again when its session was lost; fails when
     * another run holds it now.
     */
    public void renew() {
        if (session == null) {
            take();
            return;
        }
        try {
            boolean mine = session.queryOne("SELECT IS_USED_LOCK(?) = CONNECTION_ID()", statement -> statement.setString(1,
                    lock), row -> row.getInt(1) == 1, "checking the checkpoint lease").orElse(false);
            if (mine) {
                return;
            }
        } catch (MysqlsliceException e) {
            if (e.failure() != Failure.CONNECTION) {
                throw e;
            }
        }
        closeSession();
        take();
    }

    private void take() {
        Session opened = Session.open(connector, target);
        boolean taken;
        try {
            taken = opened.queryOne("SELECT GET_LOCK(?, 0)", statement -> statement.setString(1, lock),
                    row -> row.getInt(1) == 1, "taking the checkpoint lease").orElse(false);
        } catch (RuntimeException e) {
            opened.closeConnection();
            throw e;
        }
        if (!taken) {
            Optional<String> holder = holder(opened);
            opened.closeConnection();
            throw new MysqlsliceException(Failure.ANOTHER_WRITER, "another daemon or `sync --incremental` is running on"
                    + " checkpoint '" + checkpoint + "' of target database " + target.database()
                    + holder.map(who -> " (" + who + ")").orElse("") + "; only one may run on a checkpoint. Stop it,"
                    + " or give this one its own daemon.checkpoint-name (and its own tables)");
        }
        session = opened;
    }

    private Optional<String> holder(Session opened) {
        try {
            return opened.queryOne("SELECT CONCAT('target connection ', p.ID, ' from ', p.HOST) FROM"
                    + " information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)", statement -> statement.setString(1,
                    lock), row -> row.getString(1), "finding the checkpoint lease's holder");
        } catch (MysqlsliceException e) {
            return Optional.empty();
        }
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.closeConnection();
            } catch (MysqlsliceException ignored) {
                // Already gone.
            }
            session = null;
        }
    }

    /** Gives the lease up (closing its session releases the lock). */
    @Override
    public void close() {
        closeSession();
    }
}
