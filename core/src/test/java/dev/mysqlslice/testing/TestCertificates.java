package dev.mysqlslice.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for the TLS tests, issued afresh in each run (never checked in): a CA, a server
 * certificate for localhost and 127.0.0.1, one for another host name, a client certificate, and a
 * second CA that signed none of them. Keys are RSA; files are PEM, keys in PKCS#8 unless named
 * {@code -pkcs1} (the traditional "RSA PRIVATE KEY" form).
 */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** The files written. */
    public record Files(Path ca, Path serverCert, Path serverKey, Path otherHostCert, Path otherHostKey,
                        Path clientCert, Path clientKey, Path clientKeyPkcs1, Path otherCa, Path otherCaClientCert,
                        Path otherCaClientKey) {
    }

    private TestCertificates() {
    }

    /** Issues everything into {@code dir}. */
    public static Files issue(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            KeyPair caKeys = rsa();
            X509Certificate ca = certificate("CN=mysqlslice test CA", caKeys, "CN=mysqlslice test CA", caKeys.getPrivate(),
                    true, null, null);
            KeyPair serverKeys = rsa();
            X509Certificate server = certificate("CN=localhost", serverKeys, "CN=mysqlslice test CA", caKeys.getPrivate(),
                    false, KeyPurposeId.id_kp_serverAuth, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            KeyPair otherHostKeys = rsa();
            X509Certificate otherHost = certificate("CN=db.other.example", otherHostKeys, "CN=mysqlslice test CA",
                    caKeys.getPrivate(), false, KeyPurposeId.id_kp_serverAuth,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "db.other.example")));
            KeyPair clientKeys = rsa();
            X509Certificate client = certificate("CN=mysqlslice-client", clientKeys, "CN=mysqlslice test CA",
                    caKeys.getPrivate(), false, KeyPurposeId.id_kp_clientAuth, null);
            KeyPair otherCaKeys = rsa();
            X509Certificate otherCa = certificate("CN=some other CA", otherCaKeys, "CN=some other CA",
                    otherCaKeys.getPrivate(), true, null, null);
            KeyPair strangerKeys = rsa();
            X509Certificate stranger = certificate("CN=mysqlslice-client", strangerKeys, "CN=some other CA",
                    otherCaKeys.getPrivate(), false, KeyPurposeId.id_kp_clientAuth, null);
            return new Files(
                    write(dir.resolve("ca.pem"), pem("CERTIFICATE", ca.getEncoded())),
                    write(dir.resolve("server-cert.pem"), pem("CERTIFICATE", server.getEncoded())),
                    write(dir.resolve("server-key.pem"), pkcs8(serverKeys.getPrivate())),
                    write(dir.resolve("other-host-cert.pem"), pem("CERTIFICATE", otherHost.getEncoded())),
                    write(dir.resolve("other-host-key.pem"), pkcs8(otherHostKeys.getPrivate())),
                    write(dir.resolve("client-cert.pem"), pem("CERTIFICATE", client.getEncoded())),
                    write(dir.resolve("client-key.pem"), pkcs8(clientKeys.getPrivate())),
                    write(dir.resolve("client-key-pkcs1.pem"), pkcs1(clientKeys.getPrivate())),
                    write(dir.resolve("other-ca.pem"), pem("CERTIFICATE", otherCa.getEncoded())),
                    write(dir.resolve("other-ca-client-cert.pem"), pem("CERTIFICATE", stranger.getEncoded())),
                    write(dir.resolve("other-ca-client-key.pem"), pkcs8(strangerKeys.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot issue test certificates: " + e.getMessage(), e);
        }
    }

    /** A PEM block of {@code der}. */
    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** A key in PKCS#8 PEM ("PRIVATE KEY"). */
    public static String pkcs8(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** An RSA key in the traditional PKCS#1 PEM form ("RSA PRIVATE KEY"). */
    public static String pkcs1(PrivateKey key) throws IOException {
        return pem("RSA PRIVATE KEY", PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey()
                .toASN1Primitive().getEncoded());
    }

    /** A new 2048-bit RSA key pair. */
    public static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A certificate for {@code subject}'s keys, signed by {@code issuerKey}, valid from an hour ago for a day. */
    public static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
                                              boolean authority, KeyPurposeId purpose, GeneralNames names)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        }
        if (names != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, names);
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static Path write(Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Concatenates PEM files into one bundle (like the RDS bundle of many CAs). */
    public static Path bundle(Path file, List<Path> parts) {
        StringBuilder text = new StringBuilder("# a bundle of CAs\n");
        for (Path part : parts) {
            try {
                text.append(java.nio.file.Files.readString(part, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return write(file, text.toString());
    }
}
