package dev.mysqlslice.testing;

import java.nio.file.Path;
import java.util.Optional;

/** Where a test server listens and how the tests log in to it as an administrator. */
public record ServerAddress(String host, int port, String user, String password, Optional<Path> socket, String kind) {

    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/";
    }
}
