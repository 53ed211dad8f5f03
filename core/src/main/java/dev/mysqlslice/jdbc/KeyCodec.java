package dev.mysqlslice.jdbc;

import dev.mysqlslice.model.Bytes;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads key values from the server's exact text (text protocol bytes) and binds them back so that
 * comparisons in SQL are exact: integers as numbers (BIGINT UNSIGNED via DECIMAL), strings as
 * strings (compared by the column's collation), binaries as {@code _binary} literals, temporal
 * values as their text (never as Java time objects, which Connector/J truncates).
 */
public final class KeyCodec {

    /** Charsets whose bytes are already UTF-8 text. */
    private static final Set<String> UTF8 = Set.of("utf8mb4", "utf8mb3", "utf8", "binary");

    private KeyCodec() {
    }

    /** The expression that selects a key column so that its text is exact. */
    public static String selectExpression(Column column) {
        String quoted = Identifiers.quote(column.name());
        if (column.isEnumOrSet()) {
            return "(" + quoted + " + 0)";
        }
        if (column.nativeBinaryLength().isPresent()) {
            return "CAST(" + quoted + " AS BINARY)";
        }
        if (column.kind() == ColumnKind.STRING && !UTF8.contains(column.charset().orElse("utf8mb4")
                .toLowerCase(Locale.ROOT))) {
            // Results come in the column's own charset (character_set_results is NULL); keys are text.
            return "CONVERT(" + quoted + " USING utf8mb4)";
        }
        return switch (column.kind()) {
            case FLOAT -> "(" + quoted + " + 0e0)";
            case BIT -> "(" + quoted + " + 0)";
            default -> quoted;
        };
    }

    /**
     * Decodes one key value from the raw text-protocol bytes of {@link #selectExpression(Column)}.
     * Integers become {@code Long} whenever they fit (BIGINT UNSIGNED values of 2^63 and more stay
     * {@code BigInteger}), so the same value always decodes to the same type.
     */
    public static Object decode(byte[] raw, KeyType type) {
        return switch (type) {
            case LONG -> TextNumbers.parseLong(raw);
            case BIG_INTEGER -> raw.length < 19 ? TextNumbers.parseLong(raw) : normalize(new BigInteger(ascii(raw)));
            case DECIMAL -> new BigDecimal(ascii(raw));
            case DOUBLE -> Double.parseDouble(ascii(raw));
            case STRING -> new String(raw, StandardCharsets.UTF_8);
            case BYTES -> Bytes.of(raw);
            case TEXT -> ascii(raw);
        };
    }

    /** A BIG_INTEGER key value as Long when it fits, so that equal values have equal types. */
    public static Object normalize(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** Reads a key from {@code columns.size()} result columns starting at {@code firstIndex}. */
    public static Key read(ResultSet row, int firstIndex, List<KeyType> types) throws SQLException {
        List<Object> parts = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            byte[] raw = row.getBytes(firstIndex + i);
            if (raw == null) {
                throw new SQLException("NULL in key column " + (i + 1) + "; key columns must be NOT NULL");
            }
            parts.add(decode(raw, types.get(i)));
        }
        return new Key(parts);
    }

    /** Binds one key value at {@code index}. */
    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof BigInteger number) {
            statement.setBigDecimal(index, new BigDecimal(number));
        } else if (value instanceof BigDecimal number) {
            statement.setBigDecimal(index, number);
        } else if (value instanceof Double number) {
            statement.setDouble(index, number);
        } else if (value instanceof Bytes bytes) {
            statement.setBytes(index, bytes.toArray());
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else {
            throw new IllegalArgumentException("not a key value: " + value);
        }
    }

    public static List<KeyType> types(List<Column> keyColumns) {
        return keyColumns.stream().map(KeyType::of).toList();
    }


    private static String ascii(byte[] raw) {
        return new String(raw, StandardCharsets.US_ASCII);
    }
}
