package dev.mysqlslice.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyTest {

    @Test
    void equalKeysAreEqualPartByPartAndHashAlike() {
        assertThat(Key.of(7L)).isEqualTo(Key.of(7L)).hasSameHashCodeAs(Key.of(7L));
        assertThat(Key.of(7L, "a")).isEqualTo(new Key(List.of(7L, "a"))).hasSameHashCodeAs(Key.of(7L, "a"));
        assertThat(Key.of(Bytes.wrap(new byte[] {1, 2}))).isEqualTo(Key.of(Bytes.wrap(new byte[] {1, 2})));
    }

    @Test
    void keysDifferingInAnyPartTypeOrLengthDiffer() {
        assertThat(Key.of(7L)).isNotEqualTo(Key.of(8L)).isNotEqualTo(Key.of(7L, 0L)).isNotEqualTo(Key.of("7"))
                .isNotEqualTo(7L);
        assertThat(Key.of(7L, "a")).isNotEqualTo(Key.of(7L, "A"));
        // Exact values, as List.equals compared them (a DECIMAL column gives all its keys one scale).
        assertThat(Key.of(new BigDecimal("1.0"))).isNotEqualTo(Key.of(new BigDecimal("1.00")));
    }
}
