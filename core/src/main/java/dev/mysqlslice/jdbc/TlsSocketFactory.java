package dev.mysqlslice.jdbc;

import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.ServerSession;
import com.mysql.cj.protocol.SocketConnection;
import com.mysql.cj.protocol.StandardSocketFactory;
import dev.mysqlslice.tls.TlsContext;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocket;

/**
 * Connector/J's TCP socket factory with the TLS handshake done by a {@link TlsContext}: the driver
 * can only read trust and key stores from files, while mysqlslice reads the user's PEM files into
 * memory. The driver creates this class by name, so the context of a connection is handed over
 * through a registry keyed by the {@value #CONTEXT_PROPERTY} connection property, for the time the
 * connection takes to open.
 */
public final class TlsSocketFactory extends StandardSocketFactory {

    /** The connection property naming the registered context. */
    static final String CONTEXT_PROPERTY = "mysqlslice.tls";

    private static final Map<String, TlsContext> CONTEXTS = new ConcurrentHashMap<>();

    /** Makes {@code context} available to the connection that carries the returned id. */
    static String register(TlsContext context) {
        String id = UUID.randomUUID().toString();
        CONTEXTS.put(id, context);
        return id;
    }

    static void unregister(String id) {
        CONTEXTS.remove(id);
    }

    @Override
    public <T extends Closeable> T performTlsHandshake(SocketConnection connection, ServerSession session)
            throws IOException {
        return performTlsHandshake(connection, session, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Closeable> T performTlsHandshake(SocketConnection connection, ServerSession session, Log log)
            throws IOException {
        String id = connection.getPropertySet().getStringProperty(CONTEXT_PROPERTY).getValue();
        TlsContext context = id == null ? null : CONTEXTS.get(id);
        if (context == null) {
            throw new IOException("no TLS context registered for this connection");
        }
        SSLSocket socket = context.wrap(rawSocket, connection.getHost(), connection.getPort());
        socket.startHandshake();
        sslSocket = socket;
        return (T) socket;
    }
}
