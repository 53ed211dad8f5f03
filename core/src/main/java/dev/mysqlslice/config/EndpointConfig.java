package dev.mysqlslice.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to reach one server, as configured. TCP ({@code host}/{@code port}) or, for the target, a
 * local unix socket. {@code toString()} is safe to log: the password is a {@link PasswordSource}.
 */
public record EndpointConfig(
        Role role,
        Optional<String> host,
        OptionalInt port,
        Optional<Path> socket,
        String user,
        PasswordSource password,
        String database,
        SslMode sslMode,
        Optional<String> cipher,
        TlsFiles tls,
        boolean allowPublicKeyRetrieval) {

    public static final int DEFAULT_PORT = 3306;

    /** An endpoint without TLS files (the server's certificate is checked against the JVM's trust store, if at all). */
    public EndpointConfig(Role role, Optional<String> host, OptionalInt port, Optional<Path> socket, String user,
                          PasswordSource password, String database, SslMode sslMode, Optional<String> cipher,
                          boolean allowPublicKeyRetrieval) {
        this(role, host, port, socket, user, password, database, sslMode, cipher, TlsFiles.none(),
                allowPublicKeyRetrieval);
    }

    /** The TCP port, 3306 unless configured. */
    public int portOrDefault() {
        return port.orElse(DEFAULT_PORT);
    }

    /** Whether this endpoint is reached through a local unix socket. */
    public boolean usesSocket() {
        return socket.isPresent();
    }

    /** "127.0.0.1:3306" or "socket /run/mysqld/mysqld.sock", for messages. */
    public String address() {
        return socket.map(path -> "socket " + path).orElseGet(() -> host.orElse("localhost") + ":" + portOrDefault());
    }

    public EndpointConfig withPassword(PasswordSource newPassword) {
        return new EndpointConfig(role, host, port, socket, user, newPassword, database, sslMode, cipher, tls,
                allowPublicKeyRetrieval);
    }

    /** Whether TLS is used and the server's certificate checked against a CA (VERIFY_CA or VERIFY_IDENTITY). */
    public boolean verifiesServer() {
        return !usesSocket() && (sslMode == SslMode.VERIFY_CA || sslMode == SslMode.VERIFY_IDENTITY);
    }

    /** Whether the server is on this machine: a unix socket, "localhost" or a loopback address. */
    public boolean isLocal() {
        if (usesSocket()) {
            return true;
        }
        String name = host.orElse("localhost").toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.startsWith("127.") || name.equals("::1")
                || name.equals("0:0:0:0:0:0:0:1");
    }
}
