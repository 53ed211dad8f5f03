package dev.mysqlslice.tls;

import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads an endpoint's TLS files into in-memory trust and key stores: nothing is written, copied
 * or cached, so a renewed certificate is picked up by the next connection. Each problem is one
 * line naming the setting and what to do (exit 3).
 */
final class TlsMaterial {

    private static final Map<String, String> PROBE_SIGNATURES = Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA",
            "Ed25519", "Ed25519", "EdDSA", "EdDSA", "Ed448", "Ed448");

    private TlsMaterial() {
    }

    static TlsContext context(EndpointConfig config) {
        String section = config.role().section();
        try {
            SSLContext context = TlsContext.newContext();
            context.init(keys(config, section), trust(config, section), new SecureRandom());
            return new TlsContext(context, config.sslMode(), TlsContext.PROTOCOLS.toArray(String[]::new),
                    ciphers(config, section, context));
        } catch (GeneralSecurityException e) {
            throw new MysqlsliceException(Failure.CONNECTION, section + ": this Java runtime cannot set up TLS ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The server check: the CAs in ssl-ca, else the JVM's trust store when verifying, else none. */
    private static TrustManager[] trust(EndpointConfig config, String section) throws GeneralSecurityException {
        if (!config.verifiesServer()) {
            return new TrustManager[] {new UncheckedTrust()};
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        Optional<Path> ca = config.tls().ca();
        if (ca.isEmpty()) {
            factory.init((KeyStore) null);
            return factory.getTrustManagers();
        }
        List<X509Certificate> authorities = certificates(ca.get(), section + ".ssl-ca");
        KeyStore store = emptyStore();
        for (int i = 0; i < authorities.size(); i++) {
            store.setCertificateEntry("ca-" + i, authorities.get(i));
        }
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** The client certificate, when ssl-cert and ssl-key are given. */
    private static KeyManager[] keys(EndpointConfig config, String section) throws GeneralSecurityException {
        if (config.tls().cert().isEmpty() || config.tls().key().isEmpty()) {
            return null;
        }
        Path certFile = config.tls().cert().get();
        Path keyFile = config.tls().key().get();
        List<X509Certificate> chain = certificates(certFile, section + ".ssl-cert");
        PrivateKey key;
        try {
            key = PemFile.privateKey(read(keyFile, section + ".ssl-key"));
        } catch (IllegalArgumentException e) {
            throw unusable(section + ".ssl-key", keyFile, e.getMessage());
        }
        if (!belongTogether(key, chain.get(0).getPublicKey())) {
            throw new MysqlsliceException(Failure.CONNECTION, section + ".ssl-key: " + keyFile + " is not the private key"
                    + " of the certificate in " + section + ".ssl-cert (" + certFile + "); give the key that was issued"
                    + " with that certificate");
        }
        // The store lives in memory only; its password protects nothing and is never kept.
        char[] password = randomPassword();
        KeyStore store = emptyStore();
        store.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    /** The cipher suites of the cipher setting (comma or colon separated), each one supported here. */
    private static Optional<String[]> ciphers(EndpointConfig config, String section, SSLContext context) {
        if (config.cipher().isEmpty()) {
            return Optional.empty();
        }
        List<String> supported = TlsContext.supportedCiphers(context);
        List<String> wanted = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : config.cipher().get().split("[,:\\s]+")) {
            if (name.isBlank()) {
                continue;
            }
            String cipher = name.strip().toUpperCase(Locale.ROOT);
            (supported.contains(cipher) ? wanted : unknown).add(cipher);
        }
        if (!unknown.isEmpty() || wanted.isEmpty()) {
            throw new MysqlsliceException(Failure.CONNECTION, section + ".cipher: " + (unknown.isEmpty() ? "no cipher"
                    : String.join(", ", unknown) + (unknown.size() == 1 ? " is not a" : " are not")) + " TLS cipher"
                    + " suite this Java runtime supports; use IANA names such as TLS_AES_256_GCM_SHA384 or"
                    + " TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (OpenSSL names such as ECDHE-RSA-AES256-GCM-SHA384 are not"
                    + " read), or remove the setting");
        }
        return Optional.of(wanted.toArray(String[]::new));
    }

    private static List<X509Certificate> certificates(Path file, String setting) {
        try {
            return PemFile.certificates(read(file, setting));
        } catch (IllegalArgumentException e) {
            throw unusable(setting, file, e.getMessage());
        }
    }

    private static String read(Path file, String setting) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new MysqlsliceException(Failure.CONNECTION, setting + ": cannot read " + file + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null || e.getMessage().equals(file.toString())
                    ? "" : ": " + e.getMessage()) + "); fix the path or let the mysqlslice user read the file", e);
        }
    }

    private static MysqlsliceException unusable(String setting, Path file, String reason) {
        return new MysqlsliceException(Failure.CONNECTION, setting + ": " + file + " " + reason);
    }

    /** Whether {@code key} signs what {@code publicKey} verifies (unknown algorithms are left to the handshake). */
    private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
        String algorithm = PROBE_SIGNATURES.get(key.getAlgorithm());
        if (algorithm == null || !key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return algorithm == null;
        }
        try {
            byte[] probe = "mysqlslice key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an in-memory key store", e);
        }
        return store;
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }
}
