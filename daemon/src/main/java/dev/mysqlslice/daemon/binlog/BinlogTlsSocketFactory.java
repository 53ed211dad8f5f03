package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.network.SSLSocketFactory;
import dev.mysqlslice.tls.TlsContext;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLSocket;

/**
 * The binlog client's TLS upgrade through the endpoint's {@link TlsContext}, so the binlog
 * connection checks the server exactly as the JDBC connections do: against the configured host
 * name, not the one a reverse lookup of the address gives.
 */
final class BinlogTlsSocketFactory implements SSLSocketFactory {

    private final TlsContext context;
    private final String host;
    private final int port;

    BinlogTlsSocketFactory(TlsContext context, String host, int port) {
        this.context = context;
        this.host = host;
        this.port = port;
    }

    @Override
    public SSLSocket createSocket(Socket socket) throws SocketException {
        try {
            return context.wrap(socket, host, port);
        } catch (IOException e) {
            SocketException failure = new SocketException(e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }
}
