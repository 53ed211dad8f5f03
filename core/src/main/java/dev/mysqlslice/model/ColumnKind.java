package dev.mysqlslice.model;

import java.util.Locale;

/**
 * How a column's values are read, hashed, bound and written. Decided once from
 * information_schema so that every SQL builder treats a type the same way.
 */
public enum ColumnKind {
    SIGNED_INTEGER,
    UNSIGNED_INTEGER,
    DECIMAL,
    /** FLOAT: its text form rounds to 6 digits, so it is read and hashed as DOUBLE. */
    FLOAT,
    DOUBLE,
    BIT,
    YEAR,
    DATE,
    TIME,
    DATETIME,
    /** TIMESTAMP: text depends on the session time zone, which mysqlslice pins to UTC. */
    TIMESTAMP,
    /** Character data (CHAR, VARCHAR, TEXT, ENUM, SET, MariaDB JSON): bytes in the column's charset. */
    STRING,
    /** BINARY, VARBINARY, BLOB. */
    BINARY,
    /** MySQL's binary JSON type: written through utf8mb4 text. */
    JSON,
    /** Geometry types: their raw internal bytes. */
    SPATIAL,
    /** Anything else (e.g. MariaDB INET6, UUID): handled through its text form. */
    OTHER;

    /** The kind of a column from information_schema's DATA_TYPE and COLUMN_TYPE. */
    public static ColumnKind of(String dataType, String columnType) {
        String type = dataType.toLowerCase(Locale.ROOT);
        boolean unsigned = columnType.toLowerCase(Locale.ROOT).contains("unsigned");
        return switch (type) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint" -> unsigned ? UNSIGNED_INTEGER : SIGNED_INTEGER;
            case "decimal", "numeric" -> DECIMAL;
            case "float" -> FLOAT;
            case "double", "real", "double precision" -> DOUBLE;
            case "bit" -> BIT;
            case "year" -> YEAR;
            case "date" -> DATE;
            case "time" -> TIME;
            case "datetime" -> DATETIME;
            case "timestamp" -> TIMESTAMP;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> STRING;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> BINARY;
            case "json" -> JSON;
            case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                 "geometrycollection", "geomcollection" -> SPATIAL;
            default -> OTHER;
        };
    }

    /** Whether values can contain arbitrary bytes (and so need a length in the row encoding). */
    public boolean isVariableBytes() {
        return this == STRING || this == BINARY || this == JSON || this == SPATIAL || this == OTHER;
    }

    /** Whether the key values of this kind can be split arithmetically into ranges. */
    public boolean isInteger() {
        return this == SIGNED_INTEGER || this == UNSIGNED_INTEGER;
    }
}
