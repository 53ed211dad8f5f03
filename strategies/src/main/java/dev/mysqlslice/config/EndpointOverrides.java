package dev.mysqlslice.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** Connection settings given on the command line; each one present wins over the config file. */
public record EndpointOverrides(
        Optional<String> host,
        OptionalInt port,
        Optional<Path> socket,
        Optional<String> user,
        Optional<PasswordSource> password,
        Optional<String> database,
        Optional<SslMode> sslMode,
        Optional<String> cipher) {

    public static EndpointOverrides none() {
        return new EndpointOverrides(Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return equals(none());
    }
}
