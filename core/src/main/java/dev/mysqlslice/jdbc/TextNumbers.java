package dev.mysqlslice.jdbc;

import java.nio.charset.StandardCharsets;

/**
 * Decodes integers straight from the text protocol's bytes (mysqlslice never uses server-side
 * prepared statements, so a number arrives as its decimal digits). Connector/J's
 * {@code getString} on a BIGINT column parses the digits to a long and prints that back to a new
 * String, which the caller then parses again: for the tens of thousands of bucket rows a full
 * comparison reads, that was most of the client's CPU between the source's scan windows.
 * Anything that is not plain digits goes through the JDK's own parsers (and their errors).
 */
public final class TextNumbers {

    /** Digits of the largest value that cannot overflow a long (10^18 - 1). */
    private static final int SAFE_DIGITS = 18;

    /** Digits of 2^64 - 1. */
    private static final int MAX_UNSIGNED_DIGITS = 20;

    private TextNumbers() {
    }

    /** A signed decimal integer. */
    public static long parseLong(byte[] raw) {
        if (raw.length == 0 || raw.length > SAFE_DIGITS) {
            return Long.parseLong(ascii(raw));
        }
        int i = 0;
        boolean negative = raw[0] == '-';
        if (negative || raw[0] == '+') {
            i = 1;
        }
        if (i == raw.length) {
            return Long.parseLong(ascii(raw));
        }
        long value = 0;
        for (; i < raw.length; i++) {
            int digit = raw[i] - '0';
            if (digit < 0 || digit > 9) {
                return Long.parseLong(ascii(raw));
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** An unsigned 64-bit decimal integer (a BIGINT UNSIGNED value) in a long's bits; NULL is 0. */
    public static long parseUnsignedLong(byte[] raw) {
        if (raw == null) {
            return 0;
        }
        if (raw.length == 0 || raw.length > MAX_UNSIGNED_DIGITS) {
            return Long.parseUnsignedLong(ascii(raw));
        }
        long value = 0;
        for (int i = 0; i < raw.length; i++) {
            int digit = raw[i] - '0';
            if (digit < 0 || digit > 9
                    || i >= SAFE_DIGITS && Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, 10)) > 0) {
                return Long.parseUnsignedLong(ascii(raw));
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * A 64-bit integer, signed or unsigned (a BIGINT or BIGINT UNSIGNED value), as its two's
     * complement bits: the same bits whichever type it came from, so the difference of two of them
     * is exact modulo 2^64.
     */
    public static long parseLongBits(byte[] raw) {
        return raw.length > 0 && raw[0] == '-' ? parseLong(raw) : parseUnsignedLong(raw);
    }

    private static String ascii(byte[] raw) {
        return new String(raw, StandardCharsets.US_ASCII);
    }
}
