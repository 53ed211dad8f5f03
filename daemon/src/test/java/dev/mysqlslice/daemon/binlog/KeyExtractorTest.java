package dev.mysqlslice.daemon.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.Bytes;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.TableShape;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyExtractorTest {

    @Test
    void correctsUnsignedIntegersThatTheBinlogDeliversSigned() {
        assertThat(key(column("u", "int(10) unsigned", null), -1)).contains(Key.of(4294967295L));
        assertThat(key(column("t", "tinyint(3) unsigned", null), -56)).contains(Key.of(200L));
        assertThat(key(column("b", "bigint(20) unsigned", null), -1L)).contains(Key.of(new BigInteger("18446744073709551615")));
        assertThat(key(column("b", "bigint(20) unsigned", null), 5L)).contains(Key.of(5L));
        assertThat(key(column("s", "bigint(20)", null), -7L)).contains(Key.of(-7L));
    }

    @Test
    void decodesStringsInTheirCharsetAndPadsFixedBinary() {
        assertThat(key(column("l", "varchar(10)", "latin1"), new byte[] {'c', 'a', 'f', (byte) 0xe9})).contains(Key.of("caf\u00e9"));
        assertThat(key(column("u", "varchar(10)", "utf8mb4"), "é😀".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .contains(Key.of("é😀"));
        assertThat(key(column("b", "binary(4)", null), new byte[] {'A', 'B'}))
                .contains(Key.of(Bytes.of(new byte[] {'A', 'B', 0, 0})));
        assertThat(key(column("v", "varbinary(4)", null), new byte[] {'A', 0})).contains(Key.of(Bytes.of(new byte[] {'A', 0})));
    }

    @Test
    void readsEnumAndSetKeysAsTheirIndexAndMariadbNativeTypesAsTheirBinaryForm() {
        assertThat(key(column("e", "enum('red','green','blue')", "utf8mb4"), 3)).contains(Key.of(3L));
        assertThat(key(column("s", "set('z','a','m')", "utf8mb4"), 6L)).contains(Key.of(6L));
        // The binlog strips trailing zero bytes of fixed-length strings: 10.0.0.0 is padded back.
        assertThat(key(column("ip", "inet4", null), new byte[] {10})).contains(Key.of(Bytes.of(new byte[] {10, 0, 0, 0})));
        byte[] uuid = java.util.HexFormat.of().parseHex("a0a2cb0ced7b11f1a69202fc00000001");
        assertThat(key(column("id", "uuid", null), uuid)).contains(Key.of(Bytes.of(uuid)));
    }

    @Test
    void formatsTemporalKeysAsTheServersText() {
        assertThat(key(column("d", "datetime(6)", null), 1577934245000006L)).contains(Key.of("2020-01-02 03:04:05.000006"));
        assertThat(key(column("d", "datetime(3)", null), 1577934245500000L)).contains(Key.of("2020-01-02 03:04:05.500"));
        assertThat(key(column("t", "timestamp", null), 0L)).contains(Key.of("1970-01-01 00:00:00"));
        assertThat(key(column("x", "decimal(10,2)", null), new BigDecimal("-1.50"))).contains(Key.of(new BigDecimal("-1.50")));
    }

    @Test
    void aKeyTypeTheBinlogCannotRenderExactlyMakesTheExtractorInexact() {
        TableShape shape = new TableShape("t", List.of(column("f", "float", null)), List.of("f"), "PRIMARY");

        assertThat(KeyExtractor.of(shape).exact()).isFalse();
    }

    @Test
    void readsKeysFromMinimalImagesAndRefusesImagesWithoutTheKey() {
        TableShape shape = new TableShape("t", List.of(column("v", "int", null), column("id", "int", null)),
                List.of("id"), "PRIMARY");
        KeyExtractor extractor = KeyExtractor.of(shape);
        BitSet onlyId = new BitSet();
        onlyId.set(1);
        BitSet onlyV = new BitSet();
        onlyV.set(0);

        assertThat(extractor.keyOf(new Serializable[] {42}, onlyId, 2)).contains(Key.of(42L));
        assertThat(extractor.keyOf(new Serializable[] {7}, onlyV, 2)).isEmpty();
        assertThat(extractor.keyOf(new Serializable[] {42}, onlyId, 3)).isEmpty();
    }

    private static Optional<Key> key(Column column, Serializable value) {
        KeyExtractor extractor = KeyExtractor.of(new TableShape("t", List.of(column), List.of(column.name()), "PRIMARY"));
        BitSet all = new BitSet();
        all.set(0);
        return extractor.keyOf(new Serializable[] {value}, all, 1);
    }

    private static Column column(String name, String type, String charset) {
        return new Column(name, type, ColumnKind.of(type.split("[( ]")[0], type), false, false,
                Optional.ofNullable(charset), Optional.empty());
    }
}
