package dev.mysqlslice.daemon.binlog;

import static dev.mysqlslice.error.Messages.oneLine;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializationException;
import com.github.shyiko.mysql.binlog.network.SSLMode;
import com.github.shyiko.mysql.binlog.network.ServerException;
import dev.mysqlslice.concurrent.DaemonThreads;
import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.config.SslMode;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.SqlErrors;
import dev.mysqlslice.tls.TlsContext;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection that streams the source's binlog into an {@link EventRouter}. The client's own
 * keep-alive is off: the daemon reconnects itself, always from the last transaction boundary.
 * Error 1236 (the position is gone) and access errors end the stream for good and are reported
 * as such; anything else is a transient disconnect.
 */
public final class BinlogStream {

    /** Told how the stream ends. */
    public interface Listener {
        /** The start position cannot be read (error 1236: purged, or beyond the end, or another server). */
        void positionLost(String reason);

        /** The account may not stream the binlog, or another error that retrying cannot fix. */
        void fatal(MysqlsliceException error);

        /**
         * The connection dropped; reconnecting may work.
         *
         * @param reason      what happened, one line
         * @param undecodable whether the stream broke on an event it could not decode (it will again)
         */
        void disconnected(String reason, boolean undecodable);
    }

    private static final Logger LOG = LoggerFactory.getLogger(BinlogStream.class);
    private static final long CONNECT_TIMEOUT_MILLIS = 15_000;

    private final BinaryLogClient client;
    private final DaemonSettings settings;
    private volatile boolean stopping;
    private volatile boolean ended;
    private volatile Exception lastFailure;

    private BinlogStream(BinaryLogClient client, DaemonSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * Connects from {@code from} (by GTID when {@code gtid}) and starts streaming on the client's
     * thread. Fails with exit 4 when the account may not stream the binlog.
     */
    public static BinlogStream start(Endpoint source, DaemonSettings settings, BinlogPosition from, boolean gtid,
                                     TableTracker tables, EventRouter router, BinlogFaults faults, Listener listener) {
        if (source.config().usesSocket()) {
            throw new MysqlsliceException(Failure.CONFIG, "source.socket: the daemon reads the binlog over TCP; set"
                    + " source.host and source.port");
        }
        String host = source.config().host().orElse("localhost");
        int port = source.config().portOrDefault();
        Optional<TlsContext> tls = TlsContext.of(source.config());
        BinaryLogClient client = new BinaryLogClient(host, port, source.user(), source.password().reveal());
        client.setServerId(settings.serverId());
        client.setKeepAlive(false);
        client.setHeartbeatInterval(settings.heartbeat().toMillis());
        client.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        client.setSSLMode(sslMode(source.config().sslMode()));
        tls.ifPresent(context -> client.setSslSocketFactory(new BinlogTlsSocketFactory(context, host, port)));
        if (gtid && from.gtids().isPresent()) {
            client.setGtidSet(from.gtids().get());
            client.setGtidSetFallbackToPurged(false);
        } else {
            client.setBinlogFilename(from.file());
            client.setBinlogPosition(from.position());
        }
        client.setEventDeserializer(BinlogDeserializer.create(tables, faults));
        BinlogStream stream = new BinlogStream(client, settings);
        client.registerEventListener(router);
        client.registerLifecycleListener(stream.lifecycle(listener, router));
        try {
            client.connect(CONNECT_TIMEOUT_MILLIS);
        } catch (IOException | TimeoutException e) {
            throw stream.connectFailure(e, source);
        }
        LOG.info("following the source binlog from {}{}", from, gtid ? " by GTID" : "");
        return stream;
    }

    /** The GTID set the client has seen, when following by MySQL GTID. */
    public Optional<String> gtids() {
        return Optional.ofNullable(client.getGtidSet()).filter(set -> !set.isBlank() && set.contains(":"));
    }

    public boolean isConnected() {
        return client.isConnected() && !ended;
    }

    /** Disconnects for good. */
    public void stop() {
        stopping = true;
        try {
            client.disconnect();
        } catch (IOException e) {
            LOG.debug("disconnecting the binlog client: {}", e.getMessage());
        }
    }

    private BinaryLogClient.AbstractLifecycleListener lifecycle(Listener listener, EventRouter router) {
        return new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onEventDeserializationFailure(BinaryLogClient client, Exception exception) {
                // The client skips the event after this call: it must not be skipped silently.
                router.undecodable(exception);
            }

            @Override
            public void onCommunicationFailure(BinaryLogClient client, Exception exception) {
                if (stopping || ended) {
                    return;
                }
                if (exception instanceof ServerException server) {
                    ended = true;
                    switch (SqlErrors.binlogStream(server.getErrorCode(), server.getMessage())) {
                        case POSITION_LOST -> listener.positionLost(oneLine(server.getMessage()));
                        case SERVER_ID_TAKEN -> listener.fatal(new MysqlsliceException(Failure.CONFIG, "daemon.server-id "
                                + settings.serverId() + " is taken: another replica (or another mysqlslice daemon) connected"
                                + " to the source with the same server id (error " + server.getErrorCode() + ": "
                                + oneLine(server.getMessage()) + "); give each daemon its own daemon.server-id, unique"
                                + " among the source's replicas", server));
                        case REFUSED -> listener.fatal(new MysqlsliceException(Failure.BINLOG, "the source refused to"
                                + " stream its binlog (error " + server.getErrorCode() + ": " + oneLine(server.getMessage())
                                + "); the source user needs REPLICATION SLAVE and REPLICATION CLIENT (MariaDB: BINLOG"
                                + " MONITOR)", server));
                    }
                    disconnectLater(client);
                } else {
                    lastFailure = exception;
                    LOG.debug("binlog stream failure: {}", exception.toString());
                }
            }

            @Override
            public void onDisconnect(BinaryLogClient client) {
                if (!stopping && !ended) {
                    ended = true;
                    Exception failure = lastFailure;
                    listener.disconnected(failure == null ? "the binlog connection closed"
                            : "the binlog connection failed: " + oneLine(failure.toString()), undecodable(failure));
                }
            }
        };
    }

    /**
     * The mode the client is told: whether TLS may be skipped. The certificate and host-name checks
     * are the {@link TlsContext}'s (the client's own name check uses a reverse lookup of the address).
     */
    static SSLMode sslMode(SslMode mode) {
        return switch (mode) {
            case DISABLED -> SSLMode.DISABLED;
            case PREFERRED -> SSLMode.PREFERRED;
            case REQUIRED, VERIFY_CA, VERIFY_IDENTITY -> SSLMode.REQUIRED;
        };
    }

    private MysqlsliceException connectFailure(Exception e, Endpoint source) {
        Optional<MysqlsliceException> tls = SqlErrors.tlsFailure(e, source);
        if (tls.isPresent()) {
            return tls.get();
        }
        String message = oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
        if (message.contains("REPLICATION") || message.contains("Access denied")) {
            return new MysqlsliceException(Failure.BINLOG, "the source refused the binlog connection (" + message
                    + "); GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + source.user() + "'", e);
        }
        return new MysqlsliceException(Failure.CONNECTION, "cannot stream the binlog of " + source.describe() + ": "
                + message + "; check that the source is reachable", e);
    }

    /** Whether the stream broke while decoding an event (rather than on the network). */
    private static boolean undecodable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventDataDeserializationException) {
                return true;
            }
        }
        return false;
    }

    private static void disconnectLater(BinaryLogClient client) {
        DaemonThreads.named("binlog-disconnect").newThread(() -> {
            try {
                client.disconnect();
            } catch (IOException ignored) {
                // Already going away.
            }
        }).start();
    }
}
