package dev.mysqlslice.testing;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a test server listens and how the tests log in to it as an administrator.
 *
 * @param tls whether administrator connections must use TLS (a server that requires it)
 */
public record ServerAddress(String host, int port, String user, String password, Optional<Path> socket, String kind,
                            boolean tls) {

    public ServerAddress(String host, int port, String user, String password, Optional<Path> socket, String kind) {
        this(host, port, user, password, socket, kind, false);
    }

    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/";
    }

    /** The same server, logged in to as another account. */
    public ServerAddress as(String otherUser, String otherPassword) {
        return new ServerAddress(host, port, otherUser, otherPassword, socket, kind, tls);
    }
}
