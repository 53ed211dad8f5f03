package dev.mysqlslice.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TsvEncoderTest {

    @Test
    void escapesOnlyWhatLoadDataReadsAsSpecialAndWritesNullAsBackslashN() {
        TsvEncoder encoder = new TsvEncoder(4);
        encoder.encode(row(bytes("plain"), null, bytes("a\tb\nc\\d"), new byte[] {0, 'x', 0}, bytes(""),
                bytes("\\N")));
        encoder.encode(row(bytes("second"), bytes("ü€😀")));
        String encoded = new String(encoder.take(4), StandardCharsets.UTF_8);
        assertThat(encoded).isEqualTo("plain\t\\N\ta\\tb\\nc\\\\d\t\\0x\\0\t\t\\\\N\nsecond\tü€😀\n");
    }

    private static RawRow row(byte[]... values) {
        return new RawRow(values, new byte[0][]);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
