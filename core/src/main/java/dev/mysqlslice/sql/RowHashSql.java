package dev.mysqlslice.sql;

import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.jdbc.Identifiers;
import dev.mysqlslice.model.Column;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The exact byte encoding of a row and the hashes over it. The encoding is
 * {@code CONCAT_WS('#', values..., lengths of variable-byte values..., null flags)}: the lengths
 * make separators inside values harmless ('a'+'b#c' differs from 'a#b'+'c'), the null flags tell
 * NULL from 'NULL' and from '', strings are hashed as raw bytes (so case and accent changes under
 * a _ci collation count; cast to BINARY where a table mixes collations), FLOAT is widened to
 * DOUBLE (its own text rounds to 6 digits), TIMESTAMP
 * text is UTC (the session's zone), and generated columns are left out.
 */
public final class RowHashSql {

    /**
     * An odd constant below 2^32 (the 32-bit golden-ratio multiplier): a CRC32 times it fits in 64
     * bits, and integer multiplication (its carries) is not linear under XOR.
     */
    static final long MIX = 2654435761L;

    private RowHashSql() {
    }

    /** The encoding of the row's stored columns, optionally qualified with a table alias. */
    public static String encoding(List<Column> columns, String alias) {
        boolean castStrings = !oneByteCompatibleCollation(columns);
        String prefix = alias.isEmpty() ? "" : Identifiers.quote(alias) + ".";
        List<String> parts = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        List<String> nullFlags = new ArrayList<>();
        for (Column column : columns) {
            if (column.generated()) {
                continue;
            }
            String name = prefix + Identifiers.quote(column.name());
            parts.add(value(column, name, castStrings));
            if (column.kind().isVariableBytes()) {
                lengths.add("LENGTH(" + name + ")");
            }
            if (column.nullable()) {
                nullFlags.add("ISNULL(" + name + ")");
            }
        }
        parts.addAll(lengths);
        if (!nullFlags.isEmpty()) {
            parts.add(nullFlags.size() == 1 ? nullFlags.get(0) : "CONCAT(" + String.join(", ", nullFlags) + ")");
        }
        return "CONCAT_WS('#', " + String.join(", ", parts) + ")";
    }

    /**
     * One row's hash, to compare a row with its namesake on the other server: an unsigned 64-bit
     * number (the CRC32s of the encoding and of its bytes reversed, side by side) or 32 hex digits
     * (md5). A changed row keeps its crc32 hash only if both CRCs collide: never for an edit within
     * 32 bits, else about 1 in 2^64. No user variables: each CRC reads the encoding itself, so
     * nothing depends on the order the server evaluates operands in.
     */
    public static String rowHash(String encoding, HashAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> "(CRC32(" + encoding + ") << 32 | CRC32(REVERSE(" + encoding + ")))";
            case MD5 -> "MD5(" + encoding + ")";
        };
    }

    /**
     * Three aggregate select items summarising a set of rows: {@code COUNT(*)} and two 64-bit
     * XORs (the second is 0 for crc32). XOR is order-free, so both servers agree however they scan.
     * crc32: each row contributes its CRC32 times {@link #MIX}. CRC32 is linear, so a plain XOR of
     * CRCs (pt-table-checksum's) does not change when two rows of equal length get the same edit at
     * the same place or swap values; multiplication is not linear under XOR, so nothing cancels but
     * by chance. A range with one changed row looks unchanged only if that row's CRC32 collides
     * (about 1 in 2^32); the rows of a differing range are then compared with 64-bit row hashes.
     * md5: each row contributes the first 64 bits of its MD5 (about 2.2x the cost).
     */
    public static String aggregates(String encoding, HashAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> "COUNT(*), BIT_XOR(CRC32(" + encoding + ") * " + MIX + "), 0";
            case MD5 -> "COUNT(*), BIT_XOR(CAST(CONV(LEFT(MD5(" + encoding + "), 16), 16, 10) AS UNSIGNED)), 0";
        };
    }

    private static String value(Column column, String name, boolean castStrings) {
        return switch (column.kind()) {
            case FLOAT -> "(" + name + " + 0e0)";
            case BIT -> "(" + name + " + 0)";
            case STRING -> castStrings ? "CAST(" + name + " AS BINARY)" : name;
            default -> name;
        };
    }

    /**
     * Whether the strings of a row can go into the encoding as they are: every stored string
     * column has one and the same ASCII-compatible charset and collation, and nothing else is
     * text (JSON, spatial, unknown types). CRC32 and MD5 read a string's bytes whatever its
     * collation, so the hash is the same as with {@code CAST(... AS BINARY)} (about a tenth of the
     * bucket query's cost, measured); with two collations CONCAT_WS would be an "illegal mix of
     * collations", so each string is cast then.
     */
    static boolean oneByteCompatibleCollation(List<Column> columns) {
        Set<String> seen = new HashSet<>();
        for (Column column : columns) {
            if (column.generated()) {
                continue;
            }
            switch (column.kind()) {
                case JSON, SPATIAL, OTHER -> {
                    return false;
                }
                case STRING -> {
                    String charset = column.charset().orElse("").toLowerCase(Locale.ROOT);
                    if (!PLAIN_CHARSETS.contains(charset) || column.collation().isEmpty()) {
                        return false;
                    }
                    seen.add(charset + "/" + column.collation().get().toLowerCase(Locale.ROOT));
                }
                default -> {
                }
            }
        }
        return seen.size() <= 1;
    }

    /** Charsets whose digits, signs and '#' are the ASCII bytes, so numbers read the same in them. */
    private static final Set<String> PLAIN_CHARSETS = Set.of("utf8mb4", "utf8mb3", "utf8", "latin1", "ascii");
}
