package dev.mysqlslice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.KeyType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

    @Test
    void integersDecodeToLongWheneverTheyFitSoEqualValuesHaveEqualTypes() {
        assertThat(KeyCodec.decode(bytes("-42"), KeyType.LONG)).isEqualTo(-42L);
        assertThat(KeyCodec.decode(bytes("9223372036854775807"), KeyType.LONG)).isEqualTo(Long.MAX_VALUE);
        assertThat(KeyCodec.decode(bytes("12345"), KeyType.BIG_INTEGER)).isEqualTo(12345L);
        assertThat(KeyCodec.decode(bytes("9223372036854775807"), KeyType.BIG_INTEGER)).isEqualTo(Long.MAX_VALUE);
        assertThat(KeyCodec.decode(bytes("9223372036854775808"), KeyType.BIG_INTEGER))
                .isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(KeyCodec.normalize(BigInteger.valueOf(7))).isEqualTo(7L);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
