package dev.mysqlslice.model;

import java.util.Locale;

/**
 * The Java type a key column's values take, chosen so that equality in Java means equality of
 * the stored value and binding a value back into SQL compares exactly.
 */
public enum KeyType {
    /** Signed integers and unsigned integers narrower than BIGINT, YEAR. */
    LONG,
    /** BIGINT UNSIGNED and BIT: up to 18446744073709551615 (as Long when it fits, else BigInteger). */
    BIG_INTEGER,
    DECIMAL,
    /** FLOAT (read as DOUBLE) and DOUBLE. */
    DOUBLE,
    /** Character data, decoded from utf8mb4; compared by the column's collation in SQL. */
    STRING,
    /** Binary data. */
    BYTES,
    /** Temporal and other types kept as the server's exact text. */
    TEXT;

    public static KeyType of(Column column) {
        if (column.isEnumOrSet()) {
            // Member index (ENUM) or bit set (SET, up to 64 members): the order of the index.
            return column.columnType().toLowerCase(Locale.ROOT).startsWith("set(") ? BIG_INTEGER : LONG;
        }
        if (column.nativeBinaryLength().isPresent()) {
            return BYTES;
        }
        return switch (column.kind()) {
            case SIGNED_INTEGER, YEAR -> LONG;
            case UNSIGNED_INTEGER -> column.columnType().toLowerCase(Locale.ROOT).startsWith("bigint")
                    ? BIG_INTEGER : LONG;
            case BIT -> BIG_INTEGER;
            case DECIMAL -> DECIMAL;
            case FLOAT, DOUBLE -> DOUBLE;
            case STRING, JSON -> STRING;
            case BINARY, SPATIAL -> BYTES;
            case DATE, TIME, DATETIME, TIMESTAMP, OTHER -> TEXT;
        };
    }
}
