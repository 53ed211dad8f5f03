package dev.mysqlslice.config;

import java.nio.file.Path;
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
        boolean allowPublicKeyRetrieval) {

    public static final int DEFAULT_PORT = 3306;

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
        return new EndpointConfig(role, host, port, socket, user, newPassword, database, sslMode, cipher,
                allowPublicKeyRetrieval);
    }
}
