package dev.mysqlslice.model;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One column as information_schema describes it.
 *
 * @param name       the column name
 * @param columnType the full type, e.g. "bigint(20) unsigned" or "varchar(64)"
 * @param kind       how values are handled
 * @param nullable   whether NULL is allowed
 * @param generated  whether it is a generated (virtual or stored) column, never copied
 * @param charset    the character set of character columns
 * @param collation  the collation of character columns
 */
public record Column(String name, String columnType, ColumnKind kind, boolean nullable, boolean generated,
                     Optional<String> charset, Optional<String> collation) {

    /** Whether it is an ENUM or a SET: ordered by member index in an index, compared as numbers there. */
    public boolean isEnumOrSet() {
        String type = columnType.toLowerCase(Locale.ROOT);
        return type.startsWith("enum(") || type.startsWith("set(");
    }

    /**
     * Whether it is an ENUM that can hold the empty error value {@code ''} (index 0) without ''
     * being a member: what a non-strict INSERT stores for an invalid value, and what a strict
     * session refuses to write back.
     */
    public boolean mayHoldEnumErrorValue() {
        String type = columnType.toLowerCase(Locale.ROOT);
        return type.startsWith("enum(") && !type.contains("''");
    }

    /**
     * The byte length of MariaDB's UUID (16), INET6 (16) and INET4 (4) types, whose binary form is
     * what the binlog and {@code CAST(... AS BINARY)} give and what a binary parameter is read as.
     */
    public OptionalInt nativeBinaryLength() {
        return switch (columnType.toLowerCase(Locale.ROOT)) {
            case "uuid", "inet6" -> OptionalInt.of(16);
            case "inet4" -> OptionalInt.of(4);
            default -> OptionalInt.empty();
        };
    }
}
