package dev.mysqlslice.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How rows are hashed when ranges are compared. */
public enum HashAlgorithm {
    /**
     * The default: ranges are summed from each row's CRC32, mixed by a multiplication so that equal
     * edits on several rows cannot cancel out (32 bits per row); rows are compared one by one by
     * two CRC32s (64 bits). Building the encoding costs more than hashing it.
     */
    CRC32("crc32"),
    /** MD5 of the row encoding: 64 bits per row in range sums, 128 per row compared; about 2.2x the cost. */
    MD5("md5");

    private final String configName;

    HashAlgorithm(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The algorithm of a config value; {@code crc32x2}, the name of 0.1's default, is the default still. */
    public static Optional<HashAlgorithm> parse(String name) {
        if ("crc32x2".equals(name)) {
            return Optional.of(CRC32);
        }
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
