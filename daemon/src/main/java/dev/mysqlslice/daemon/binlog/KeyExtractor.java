package dev.mysqlslice.daemon.binlog;

import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.model.Bytes;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyType;
import dev.mysqlslice.model.TableShape;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a row's key from a binlog row image into the same {@link Key} values the SQL side reads:
 * unsigned integers corrected (the binlog delivers them signed), strings decoded from the
 * column's charset, BINARY(n) padded back to n bytes (the binlog strips trailing zeros),
 * DATETIME/TIMESTAMP microseconds formatted as the server's text (UTC session). A key column
 * that cannot be decoded exactly ({@link #exact()} false) means its table is tracked whole.
 */
public final class KeyExtractor {

    private static final Pattern LENGTH = Pattern.compile("\\((\\d+)\\)");

    private final int[] positions;
    private final List<Function<Serializable, Object>> converters;
    private final int columnCount;
    private final boolean exact;

    private KeyExtractor(int[] positions, List<Function<Serializable, Object>> converters, int columnCount, boolean exact) {
        this.positions = positions;
        this.converters = converters;
        this.columnCount = columnCount;
        this.exact = exact;
    }

    /** The extractor for a table's key, or one that is not exact when some key column type cannot be decoded. */
    public static KeyExtractor of(TableShape shape) {
        if (!shape.hasKey()) {
            return new KeyExtractor(new int[0], List.of(), shape.columns().size(), false);
        }
        int[] positions = new int[shape.keyColumns().size()];
        List<Function<Serializable, Object>> converters = new ArrayList<>();
        boolean exact = true;
        for (int i = 0; i < positions.length; i++) {
            Column key = shape.keys().get(i);
            positions[i] = shape.columns().indexOf(key);
            Optional<Function<Serializable, Object>> converter = converter(key);
            exact &= converter.isPresent();
            converters.add(converter.orElse(value -> null));
        }
        return new KeyExtractor(positions, converters, shape.columns().size(), exact);
    }

    /** Whether every key column of this table can be read exactly from the binlog. */
    public boolean exact() {
        return exact;
    }

    /**
     * The key of one row image, or empty when it cannot be read (a key column missing from the
     * image, a column count that does not match the table, or a value that does not decode).
     *
     * @param row         the image's values, one per included column
     * @param included    which of the table's columns the image includes
     * @param mapColumns  how many columns the table map event lists
     */
    public Optional<Key> keyOf(Serializable[] row, BitSet included, int mapColumns) {
        return keyOf(row, included, null, null, mapColumns);
    }

    /**
     * The key of an UPDATE's after image: a key column the after image leaves out (it did not
     * change, under {@code binlog_row_image=MINIMAL}) is read from the before image.
     */
    public Optional<Key> keyOf(Serializable[] after, BitSet afterIncluded, Serializable[] before, BitSet beforeIncluded,
                               int mapColumns) {
        if (!exact || mapColumns != columnCount) {
            return Optional.empty();
        }
        List<Object> parts = new ArrayList<>(positions.length);
        for (int i = 0; i < positions.length; i++) {
            int position = positions[i];
            Serializable value;
            if (afterIncluded.get(position)) {
                value = valueAt(after, afterIncluded, position);
            } else if (before != null && beforeIncluded.get(position)) {
                value = valueAt(before, beforeIncluded, position);
            } else {
                return Optional.empty();
            }
            Object part = value == null ? null : converters.get(i).apply(value);
            if (part == null) {
                return Optional.empty();
            }
            parts.add(part);
        }
        return Optional.of(new Key(parts));
    }

    private static Serializable valueAt(Serializable[] row, BitSet included, int position) {
        int index = included.get(0, position).cardinality();
        return index < row.length ? row[index] : null;
    }

    static Optional<Function<Serializable, Object>> converter(Column column) {
        String type = column.columnType().toLowerCase(Locale.ROOT);
        KeyType keyType = KeyType.of(column);
        if (column.isEnumOrSet()) {
            // The binlog gives the member index (ENUM) or bit set (SET), which is what the SQL side reads.
            return Optional.of(value -> value instanceof Number number
                    ? KeyCodec.normalize(new BigInteger(Long.toUnsignedString(number.longValue())))
                    : null);
        }
        if (column.nativeBinaryLength().isPresent()) {
            int length = column.nativeBinaryLength().getAsInt();
            return Optional.of(value -> value instanceof byte[] bytes && bytes.length <= length
                    ? Bytes.of(Arrays.copyOf(bytes, length)) : null);
        }
        return switch (column.kind()) {
            case SIGNED_INTEGER -> Optional.of(value -> ((Number) value).longValue());
            case UNSIGNED_INTEGER -> Optional.of(unsigned(type, keyType == KeyType.BIG_INTEGER));
            case DECIMAL -> Optional.of(value -> value instanceof BigDecimal decimal ? decimal : null);
            case STRING -> charset(column).map(charset -> value -> value instanceof byte[] bytes
                    ? new String(bytes, charset) : value instanceof String text ? text : null);
            case BINARY -> Optional.of(binary(type));
            case DATE -> Optional.of(value -> value instanceof Long micros && micros != Long.MIN_VALUE
                    ? dateText(micros) : null);
            case DATETIME, TIMESTAMP -> Optional.of(value -> value instanceof Long micros && micros != Long.MIN_VALUE
                    ? dateTimeText(micros, fractionDigits(type)) : null);
            default -> Optional.empty();
        };
    }

    private static Function<Serializable, Object> unsigned(String type, boolean big) {
        int bits = type.startsWith("tinyint") ? 8 : type.startsWith("smallint") ? 16 : type.startsWith("mediumint") ? 24
                : type.startsWith("int") || type.startsWith("integer") ? 32 : 64;
        if (big) {
            return value -> KeyCodec.normalize(
                    new BigInteger(Long.toUnsignedString(((Number) value).longValue())));
        }
        long mask = (1L << bits) - 1;
        return value -> ((Number) value).longValue() & mask;
    }

    private static Function<Serializable, Object> binary(String type) {
        boolean fixed = type.startsWith("binary");
        int length = fixed ? length(type) : 0;
        return value -> {
            if (!(value instanceof byte[] bytes)) {
                return null;
            }
            if (fixed && bytes.length < length) {
                byte[] padded = new byte[length];
                System.arraycopy(bytes, 0, padded, 0, bytes.length);
                return Bytes.of(padded);
            }
            return Bytes.of(bytes);
        };
    }

    static Optional<Charset> charset(Column column) {
        String name = column.charset().orElse("utf8mb4").toLowerCase(Locale.ROOT);
        return switch (name) {
            case "utf8mb4", "utf8mb3", "utf8" -> Optional.of(StandardCharsets.UTF_8);
            case "latin1" -> Optional.of(Charset.forName("windows-1252"));
            case "ascii" -> Optional.of(StandardCharsets.US_ASCII);
            case "binary" -> Optional.of(StandardCharsets.ISO_8859_1);
            default -> Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        };
    }

    static String dateText(long micros) {
        return LocalDateTime.ofInstant(Instant.EPOCH.plusNanos(micros * 1000), ZoneOffset.UTC).toLocalDate().toString();
    }

    static String dateTimeText(long micros, int digits) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        String text = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", time.getYear(), time.getMonthValue(),
                time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond());
        if (digits > 0) {
            String fraction = String.format(Locale.ROOT, "%06d", time.getNano() / 1000);
            text += "." + fraction.substring(0, digits);
        }
        return text;
    }

    private static int fractionDigits(String type) {
        Matcher matcher = LENGTH.matcher(type);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static int length(String type) {
        Matcher matcher = LENGTH.matcher(type);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
