package dev.mysqlslice.model;

import java.util.Optional;

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
}
