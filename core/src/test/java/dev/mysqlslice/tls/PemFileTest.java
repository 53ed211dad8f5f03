package dev.mysqlslice.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mysqlslice.testing.TestCertificates;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PemFileTest {

    private static KeyPair keys;
    private static X509Certificate ca;
    private static X509Certificate other;

    @BeforeAll
    static void issue() throws Exception {
        keys = TestCertificates.rsa();
        ca = TestCertificates.certificate("CN=first", keys, "CN=first", keys.getPrivate(), true, null, null);
        other = TestCertificates.certificate("CN=second", keys, "CN=second", keys.getPrivate(), true, null, null);
    }

    @Test
    void aBundleGivesEveryCertificateInOrderWhateverTextSurroundsThem() throws Exception {
        String bundle = "Bag Attributes\n    friendlyName: first\nsubject=/CN=first\n"
                + TestCertificates.pem("CERTIFICATE", ca.getEncoded()).replace("\n", "\r\n")
                + "\n# the next one\n" + TestCertificates.pem("CERTIFICATE", other.getEncoded());

        List<X509Certificate> certificates = PemFile.certificates(bundle);

        assertThat(certificates).containsExactly(ca, other);
    }

    @Test
    void privateKeysAreReadInPkcs8AndInTheTraditionalRsaForm() throws Exception {
        PrivateKey fromPkcs8 = PemFile.privateKey(TestCertificates.pkcs8(keys.getPrivate()));
        PrivateKey fromPkcs1 = PemFile.privateKey(TestCertificates.pem("CERTIFICATE", ca.getEncoded())
                + TestCertificates.pkcs1(keys.getPrivate()));

        assertThat(fromPkcs8.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        assertThat(fromPkcs1.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void whatCannotBeUsedIsNamedWithTheFix() {
        assertThatThrownBy(() -> PemFile.certificates("not a certificate"))
                .hasMessage("holds no PEM certificate (-----BEGIN CERTIFICATE-----); is it in PEM form (DER files must"
                        + " be converted: openssl x509 -inform der)?");
        assertThatThrownBy(() -> PemFile.certificates(TestCertificates.pkcs8(keys.getPrivate())))
                .hasMessage("holds no PEM certificate (-----BEGIN CERTIFICATE-----); it holds PRIVATE KEY");
        assertThatThrownBy(() -> PemFile.privateKey(TestCertificates.pem("CERTIFICATE", ca.getEncoded())))
                .hasMessage("holds no PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----);"
                        + " it holds CERTIFICATE");
        assertThatThrownBy(() -> PemFile.privateKey(TestCertificates.pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2})))
                .hasMessageStartingWith("holds an encrypted private key; mysqlslice reads unencrypted keys only")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.plain");
        assertThatThrownBy(() -> PemFile.privateKey("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n"))
                .hasMessageContaining("decrypt it with openssl rsa -in KEY");
        assertThatThrownBy(() -> PemFile.privateKey(TestCertificates.pem("EC PRIVATE KEY", new byte[] {1})))
                .hasMessageContaining("convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt");
        assertThatThrownBy(() -> PemFile.certificates("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n"))
                .hasMessage("has a damaged CERTIFICATE block (not base64)");
    }

    @Test
    void derLengthsUseTheShortAndTheLongForm() {
        assertThat(PemFile.derHeader(0x04, 0x7f)).containsExactly(0x04, 0x7f);
        assertThat(PemFile.derHeader(0x04, 0x80)).containsExactly(0x04, 0x81, 0x80);
        assertThat(PemFile.derHeader(0x30, 0x04a8)).containsExactly(0x30, 0x82, 0x04, 0xa8);
        assertThat(PemFile.derHeader(0x30, 0x012345)).containsExactly(0x30, 0x83, 0x01, 0x23, 0x45);
    }
}
