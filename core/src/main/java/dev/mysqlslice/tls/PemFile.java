package dev.mysqlslice.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM text as the mysql client and OpenSSL write it: certificate bundles (text between the
 * blocks, such as "Bag Attributes" or comments, is ignored) and unencrypted private keys in PKCS#8
 * ({@code PRIVATE KEY}) or the traditional RSA form ({@code RSA PRIVATE KEY}, PKCS#1). Pure
 * functions; a problem is an {@link IllegalArgumentException} saying what the text holds instead.
 */
public final class PemFile {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R?(.*?)-----END \\1-----", Pattern.DOTALL);
    /** rsaEncryption, 1.2.840.113549.1.1.1, with NULL parameters: the AlgorithmIdentifier of a PKCS#8 RSA key. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private PemFile() {
    }

    /** The certificates in {@code text}, in order; at least one. */
    public static List<X509Certificate> certificates(String text) {
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("X.509 is not supported by this Java runtime", e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : blocks(text)) {
            if (!block.type().equals("CERTIFICATE") && !block.type().equals("TRUSTED CERTIFICATE")) {
                continue;
            }
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("certificate " + (certificates.size() + 1) + " cannot be read ("
                        + e.getMessage() + ")");
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("holds no PEM certificate (-----BEGIN CERTIFICATE-----)"
                    + describe(blocks(text)));
        }
        return certificates;
    }

    /** The one unencrypted private key in {@code text}. */
    public static PrivateKey privateKey(String text) {
        List<Block> blocks = blocks(text);
        for (Block block : blocks) {
            switch (block.type()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(block.der());
                }
                case "RSA PRIVATE KEY" -> {
                    if (block.headers().contains("ENCRYPTED")) {
                        throw encrypted("openssl rsa");
                    }
                    return pkcs8(pkcs8FromPkcs1(block.der()));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw encrypted("openssl pkcs8 -topk8 -nocrypt");
                case "EC PRIVATE KEY" -> throw new IllegalArgumentException("holds an EC key in the traditional"
                        + " (SEC1) form, which is not read; convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in"
                        + " KEY -out KEY.pk8");
                default -> {
                    // Not a key (e.g. a certificate in the same file): look further.
                }
            }
        }
        throw new IllegalArgumentException("holds no PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA"
                + " PRIVATE KEY-----)" + describe(blocks));
    }

    private static PrivateKey pkcs8(byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // Another algorithm, then.
            }
        }
        throw new IllegalArgumentException("holds a private key this Java runtime cannot read (not RSA, EC or EdDSA)");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo: SEQUENCE { 0, rsaEncryption, OCTET STRING }. */
    static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(derHeader(0x04, pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(derHeader(0x30, body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A DER tag and length (definite form). */
    static byte[] derHeader(int tag, int length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        byte[] header = new byte[2 + bytes];
        header[0] = (byte) tag;
        header[1] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            header[2 + i] = (byte) (length >>> (8 * (bytes - 1 - i)));
        }
        return header;
    }

    private static IllegalArgumentException encrypted(String command) {
        return new IllegalArgumentException("holds an encrypted private key; mysqlslice reads unencrypted keys only"
                + " (like the mysql client without a prompt): decrypt it with " + command + " -in KEY -out KEY.plain"
                + " and make that file readable by the mysqlslice user only");
    }

    private static String describe(List<Block> blocks) {
        if (blocks.isEmpty()) {
            return "; is it in PEM form (DER files must be converted: openssl x509 -inform der)?";
        }
        return "; it holds " + String.join(", ", blocks.stream().map(Block::type).distinct().toList());
    }

    private static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String body = matcher.group(2);
            StringBuilder headers = new StringBuilder();
            StringBuilder base64 = new StringBuilder();
            for (String line : body.split("\\R")) {
                if (line.contains(":")) {
                    headers.append(line).append('\n');
                } else {
                    base64.append(line.strip());
                }
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(base64.toString().replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("has a damaged " + matcher.group(1) + " block (not base64)");
            }
            blocks.add(new Block(matcher.group(1), headers.toString(), der));
        }
        return blocks;
    }

    private record Block(String type, String headers, byte[] der) {
    }
}
