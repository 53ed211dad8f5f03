package dev.mysqlslice.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The TLS files an endpoint names, as the mysql client's {@code --ssl-ca}, {@code --ssl-cert} and
 * {@code --ssl-key}: PEM files that are only ever read, never written or copied.
 *
 * @param ca   the certificate authorities that may sign the server's certificate (a PEM bundle)
 * @param cert the client certificate (and its chain), for accounts created {@code REQUIRE X509}
 * @param key  the client certificate's private key (PKCS#8 or the traditional RSA form, unencrypted)
 */
public record TlsFiles(Optional<Path> ca, Optional<Path> cert, Optional<Path> key) {

    public static TlsFiles none() {
        return new TlsFiles(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return ca.isEmpty() && cert.isEmpty() && key.isEmpty();
    }

    /** These files, each one missing here taken from {@code fallback}. */
    public TlsFiles orElse(TlsFiles fallback) {
        return new TlsFiles(ca.or(fallback::ca), cert.or(fallback::cert), key.or(fallback::key));
    }
}
