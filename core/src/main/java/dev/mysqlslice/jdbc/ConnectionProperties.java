package dev.mysqlslice.jdbc;

import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.config.SslMode;
import java.util.Properties;

/** Builds the Connector/J URL and properties for an endpoint (pure functions, no password in the URL). */
public final class ConnectionProperties {

    /** junixsocket's socket factory for Connector/J 8+. */
    public static final String UNIX_SOCKET_FACTORY = "org.newsclub.net.mysql.AFUNIXDatabaseSocketFactoryCJ";

    private ConnectionProperties() {
    }

    /** The JDBC URL: host, port and database only. */
    public static String url(EndpointConfig config) {
        String host = config.usesSocket() ? "localhost" : config.host().orElse("localhost");
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "jdbc:mysql://" + host + ":" + config.portOrDefault() + "/";
    }

    /** Driver properties without user and password (the connector adds those). */
    public static Properties driverProperties(EndpointConfig config) {
        Properties properties = new Properties();
        properties.setProperty("characterEncoding", "UTF-8");
        properties.setProperty("connectionTimeZone", "+00:00");
        properties.setProperty("rewriteBatchedStatements", "true");
        properties.setProperty("useServerPrepStmts", "false");
        properties.setProperty("cachePrepStmts", "true");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10000");
        properties.setProperty("useLocalSessionState", "true");
        properties.setProperty("zeroDateTimeBehavior", "CONVERT_TO_NULL");
        properties.setProperty("allowLoadLocalInfile", Boolean.toString(config.role() == Role.TARGET));
        // MySQL 8's caching_sha2_password sends a password in clear only over TLS; a unix socket is
        // private to the machine, so fetching the server's RSA key there is safe (Connector/J does
        // not count a junixsocket socket as secure). Over TCP it takes the documented setting.
        properties.setProperty("allowPublicKeyRetrieval",
                Boolean.toString(config.allowPublicKeyRetrieval() || config.usesSocket()));
        properties.setProperty("connectionAttributes", "program_name:mysqlslice");
        properties.setProperty("dontTrackOpenResources", "true");
        // The session keeps net_write_timeout (SessionSettings): no SET around each streamed statement.
        properties.setProperty("netTimeoutForStreamingResults", "0");
        if (config.usesSocket()) {
            properties.setProperty("socketFactory", UNIX_SOCKET_FACTORY);
            properties.setProperty("junixsocket.file", config.socket().orElseThrow().toString());
            properties.setProperty("sslMode", SslMode.DISABLED.name());
        } else {
            properties.setProperty("sslMode", driverSslMode(config.sslMode()).name());
            if (config.sslMode() != SslMode.DISABLED) {
                // The handshake, the server check and the ciphers are the TlsContext's (see TlsSocketFactory).
                properties.setProperty("socketFactory", TlsSocketFactory.class.getName());
            }
        }
        return properties;
    }

    /**
     * The mode the driver is told: whether to fall back to plain text (PREFERRED) or insist on TLS.
     * Checking the certificate and the host name is left to the {@link dev.mysqlslice.tls.TlsContext}.
     */
    static SslMode driverSslMode(SslMode mode) {
        return switch (mode) {
            case DISABLED, PREFERRED -> mode;
            case REQUIRED, VERIFY_CA, VERIFY_IDENTITY -> SslMode.REQUIRED;
        };
    }
}
