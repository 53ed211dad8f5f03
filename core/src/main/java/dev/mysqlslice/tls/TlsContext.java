package dev.mysqlslice.tls;

import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.SslMode;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * How an endpoint's connections do TLS: one {@link SSLContext} built from its {@code ssl-ca},
 * {@code ssl-cert} and {@code ssl-key} in memory, the protocols and cipher suites allowed, and
 * whether the server's name is checked. Connector/J and the binlog client both wrap their socket
 * here, so the two connections verify the server the same way.
 */
public final class TlsContext {

    /** As Connector/J: TLS 1.2 and 1.3 only. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SSLContext context;
    private final SslMode mode;
    private final String[] protocols;
    private final Optional<String[]> ciphers;

    TlsContext(SSLContext context, SslMode mode, String[] protocols, Optional<String[]> ciphers) {
        this.context = context;
        this.mode = mode;
        this.protocols = protocols.clone();
        this.ciphers = ciphers.map(String[]::clone);
    }

    /**
     * The TLS set-up of {@code config}, reading its files now; empty when it does not use TLS (a
     * unix socket, or DISABLED). A file that cannot be read or used fails with a one-line
     * {@link dev.mysqlslice.error.MysqlsliceException} naming the setting.
     */
    public static Optional<TlsContext> of(EndpointConfig config) {
        if (config.usesSocket() || config.sslMode() == SslMode.DISABLED) {
            return Optional.empty();
        }
        return Optional.of(TlsMaterial.context(config));
    }

    public SslMode mode() {
        return mode;
    }

    /**
     * A TLS socket layered over the connected {@code raw} socket to {@code host} (the name the
     * user configured, which VERIFY_IDENTITY checks the certificate against). The handshake is
     * left to the caller.
     */
    public SSLSocket wrap(Socket raw, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        List<String> supported = Arrays.asList(socket.getSupportedProtocols());
        parameters.setProtocols(Arrays.stream(protocols).filter(supported::contains).toArray(String[]::new));
        ciphers.ifPresent(parameters::setCipherSuites);
        if (mode == SslMode.VERIFY_IDENTITY) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        socket.setSSLParameters(parameters);
        return socket;
    }

    /** The cipher suites this context can use (for checking the {@code cipher} setting). */
    static List<String> supportedCiphers(SSLContext context) {
        return List.of(context.getSupportedSSLParameters().getCipherSuites());
    }

    static SSLContext newContext() throws GeneralSecurityException {
        return SSLContext.getInstance("TLS");
    }
}
