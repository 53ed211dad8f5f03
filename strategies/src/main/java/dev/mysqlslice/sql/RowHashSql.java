package dev.mysqlslice.sql;

import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.jdbc.Identifiers;
import dev.mysqlslice.model.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact byte encoding of a row and the hashes over it. The encoding is
 * {@code CONCAT_WS('#', values..., lengths of variable-byte values..., null flags)}: the lengths
 * make separators inside values harmless ('a'+'b#c' differs from 'a#b'+'c'), the null flags tell
 * NULL from 'NULL' and from '', strings are hashed as raw bytes (so case and accent changes under
 * a _ci collation count), FLOAT is widened to DOUBLE (its own text rounds to 6 digits), TIMESTAMP
 * text is UTC (the session's zone), and generated columns are left out.
 */
public final class RowHashSql {

    /** The session variable that holds a row's encoding while two hashes are taken of it. */
    static final String ROW_VARIABLE = "@mss_row";
    static final String MD5_VARIABLE = "@mss_md5";

    private RowHashSql() {
    }

    /** The encoding of the row's stored columns, optionally qualified with a table alias. */
    public static String encoding(List<Column> columns, String alias) {
        String prefix = alias.isEmpty() ? "" : Identifiers.quote(alias) + ".";
        List<String> parts = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        List<String> nullFlags = new ArrayList<>();
        for (Column column : columns) {
            if (column.generated()) {
                continue;
            }
            String name = prefix + Identifiers.quote(column.name());
            parts.add(value(column, name));
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
     * number (crc32x2: the CRC32s of the encoding and of its bytes reversed, side by side) or 32
     * hex digits (md5). Two different rows of a key get the same crc32x2 only if both CRCs collide:
     * never for an edit within 32 bits, else about 1 in 2^64.
     *
     * <p>The encoding is built once into a session variable, assigned in the IF's condition: SQL
     * evaluates a condition before its branches, whereas the operands of {@code |} or {@code ^}
     * may be evaluated in either order (MariaDB 10.11 evaluates {@code ^} right first). Both
     * branches are BIGINT UNSIGNED: a plain 0 would make the IF a DECIMAL, which BIT_XOR clips to
     * the largest signed BIGINT, so every hash above 2^63 would look the same.
     */
    public static String rowHash(String encoding, HashAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32X2 -> crc32x2(encoding, "");
            case MD5 -> "MD5(" + encoding + ")";
        };
    }

    /**
     * Three aggregate select items summarising a set of rows: {@code COUNT(*)} and two 64-bit
     * XORs (the second is 0 for crc32x2). XOR is order-free, so both servers agree however they
     * scan. For crc32x2 each row's two CRCs are also XOR-ed with their product: CRC32 is linear,
     * so without it the XOR over a range would not change when two rows of equal length get the
     * same edit at the same place (qty 6 to 7 on both lines of an order) or swap values, because
     * their CRC differences cancel. The product is not linear, so nothing cancels but by chance.
     */
    public static String aggregates(String encoding, HashAlgorithm algorithm) {
        String row = ROW_VARIABLE;
        return switch (algorithm) {
            case CRC32X2 -> "COUNT(*), BIT_XOR(" + crc32x2(encoding, " ^ (CRC32(" + row + ") * CRC32(REVERSE(" + row + ")))")
                    + "), 0";
            case MD5 -> "COUNT(*), BIT_XOR(CAST(CONV(SUBSTRING(" + MD5_VARIABLE + " := MD5(" + encoding + "), 1, 16), 16, 10)"
                    + " AS UNSIGNED)), BIT_XOR(CAST(CONV(SUBSTRING(" + MD5_VARIABLE + ", 17, 16), 16, 10) AS UNSIGNED))";
        };
    }

    private static String crc32x2(String encoding, String mix) {
        String row = ROW_VARIABLE;
        return "IF((" + row + " := " + encoding + ") IS NULL, CAST(0 AS UNSIGNED), (CRC32(" + row + ") << 32 | CRC32(REVERSE("
                + row + ")))" + mix + ")";
    }

    private static String value(Column column, String name) {
        return switch (column.kind()) {
            case FLOAT -> "CAST(" + name + " AS DOUBLE)";
            case BIT -> "(" + name + " + 0)";
            case STRING -> "CAST(" + name + " AS BINARY)";
            default -> name;
        };
    }
}
