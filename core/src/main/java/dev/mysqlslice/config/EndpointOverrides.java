package dev.mysqlslice.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Connection settings from outside the config file: flags and DSNs (each one present wins over the
 * config file) or option files (used where the config file says nothing).
 */
public record EndpointOverrides(
        Optional<String> host,
        OptionalInt port,
        Optional<Path> socket,
        Optional<String> user,
        Optional<PasswordSource> password,
        Optional<String> database,
        Optional<SslMode> sslMode,
        Optional<String> cipher,
        TlsFiles tls) {

    public static EndpointOverrides none() {
        return new EndpointOverrides(Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), TlsFiles.none());
    }

    public boolean isEmpty() {
        return equals(none());
    }

    /**
     * These settings, with the ones they lack taken from {@code fallback}. Host and socket go
     * together: when either is set here, neither comes from the fallback.
     */
    public EndpointOverrides orElse(EndpointOverrides fallback) {
        boolean addressed = host.isPresent() || socket.isPresent();
        return new EndpointOverrides(addressed ? host : fallback.host, port.isPresent() ? port : fallback.port,
                addressed ? socket : fallback.socket, user.or(fallback::user), password.or(fallback::password),
                database.or(fallback::database), sslMode.or(fallback::sslMode), cipher.or(fallback::cipher),
                tls.orElse(fallback.tls));
    }
}
