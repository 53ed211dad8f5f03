package dev.mysqlslice.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How rows are hashed when ranges are compared. */
public enum HashAlgorithm {
    /**
     * The default: two CRC32s of the row encoding (its bytes in order and reversed) give 64 bits per
     * row, mixed with their product so that equal edits on several rows cannot cancel out; building
     * the encoding costs far more than hashing it.
     */
    CRC32X2("crc32x2"),
    /** MD5 of the row encoding, 128 bits per row, about twice the cost; the original tool's choice. */
    MD5("md5");

    private final String configName;

    HashAlgorithm(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<HashAlgorithm> parse(String name) {
        return Arrays.stream(values()).filter(hash -> hash.configName.equals(name)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(HashAlgorithm::configName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return configName;
    }
}
