package dev.mysqlslice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNumbersTest {

    @Test
    void signedIntegersOfEveryLength() {
        assertThat(TextNumbers.parseLong(bytes("0"))).isZero();
        assertThat(TextNumbers.parseLong(bytes("-42"))).isEqualTo(-42L);
        assertThat(TextNumbers.parseLong(bytes("999999999999999999"))).isEqualTo(999_999_999_999_999_999L);
        assertThat(TextNumbers.parseLong(bytes("9223372036854775807"))).isEqualTo(Long.MAX_VALUE);
        assertThat(TextNumbers.parseLong(bytes("-9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> TextNumbers.parseLong(bytes("9223372036854775808")))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> TextNumbers.parseLong(bytes("12a"))).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> TextNumbers.parseLong(bytes("-"))).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> TextNumbers.parseLong(bytes(""))).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void unsignedSixtyFourBitValuesKeepTheirBits() {
        assertThat(TextNumbers.parseUnsignedLong(null)).isZero();
        assertThat(TextNumbers.parseUnsignedLong(bytes("0"))).isZero();
        assertThat(TextNumbers.parseUnsignedLong(bytes("4294967295"))).isEqualTo(0xFFFF_FFFFL);
        assertThat(TextNumbers.parseUnsignedLong(bytes("9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
        assertThat(TextNumbers.parseUnsignedLong(bytes("18446744073709551615"))).isEqualTo(-1L);
        assertThat(TextNumbers.parseUnsignedLong(bytes("18446744073709551610"))).isEqualTo(-6L);
        assertThat(TextNumbers.parseUnsignedLong(bytes("12345678901234567890")))
                .isEqualTo(Long.parseUnsignedLong("12345678901234567890"));
        assertThatThrownBy(() -> TextNumbers.parseUnsignedLong(bytes("18446744073709551616")))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> TextNumbers.parseUnsignedLong(bytes("99999999999999999999")))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> TextNumbers.parseUnsignedLong(bytes("-1"))).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void signedAndUnsignedValuesAsTheirBits() {
        assertThat(TextNumbers.parseLongBits(bytes("-1"))).isEqualTo(-1L);
        assertThat(TextNumbers.parseLongBits(bytes("18446744073709551615"))).isEqualTo(-1L);
        assertThat(TextNumbers.parseLongBits(bytes("-9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
        assertThat(TextNumbers.parseLongBits(bytes("9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
        assertThat(TextNumbers.parseLongBits(bytes("42"))).isEqualTo(42L);
        // The largest signed key's offset from the smallest: 2^64 - 1, exact in wrapping arithmetic.
        assertThat(TextNumbers.parseLongBits(bytes("9223372036854775807")) - TextNumbers.parseLongBits(
                bytes("-9223372036854775808"))).isEqualTo(-1L);
    }

    @Test
    void everyUnsignedValueAroundTheOverflowDigitsMatchesTheJdk() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long bits = random.nextLong();
            assertThat(TextNumbers.parseUnsignedLong(bytes(Long.toUnsignedString(bits)))).isEqualTo(bits);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
