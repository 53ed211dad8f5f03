package dev.mysqlslice.model;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string with value equality, for binary key parts. */
public final class Bytes implements Comparable<Bytes> {

    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    public static Bytes of(byte[] value) {
        return new Bytes(value.clone());
    }

    /** Wraps without copying; the caller must not change the array afterwards. */
    public static Bytes wrap(byte[] value) {
        return new Bytes(value);
    }

    public byte[] toArray() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes bytes && Arrays.equals(bytes.value, value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return "0x" + HexFormat.of().formatHex(value);
    }
}
