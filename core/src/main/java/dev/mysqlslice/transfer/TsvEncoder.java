package dev.mysqlslice.transfer;

import java.util.Arrays;

/**
 * Encodes rows as the tab-separated raw bytes {@code LOAD DATA} reads: backslash, tab, newline
 * and NUL escaped, NULL as {@code \N}, one line per row. Grows its buffer as needed.
 */
final class TsvEncoder {

    /** The bytes LOAD DATA needs escaped: backslash, tab, newline and NUL. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        SPECIAL['\\'] = true;
        SPECIAL['\t'] = true;
        SPECIAL['\n'] = true;
        SPECIAL[0] = true;
    }

    private byte[] buffer;
    private int length;

    TsvEncoder(int capacity) {
        buffer = new byte[capacity];
    }

    int length() {
        return length;
    }

    byte[] buffer() {
        return buffer;
    }

    /** Starts over with an empty buffer (shrunk back when a huge row grew it). */
    void reset(int capacity) {
        if (buffer.length > 4 * capacity) {
            buffer = new byte[capacity];
        }
        length = 0;
    }

    /** Takes the encoded bytes and starts a fresh buffer. */
    byte[] take(int capacity) {
        byte[] taken = Arrays.copyOf(buffer, length);
        length = 0;
        if (buffer.length > 4 * capacity) {
            buffer = new byte[capacity];
        }
        return taken;
    }

    void encode(RawRow row) {
        byte[][] values = row.values();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            byte[] value = values[i];
            if (value == null) {
                put((byte) '\\');
                put((byte) 'N');
                continue;
            }
            ensure(value.length * 2);
            // Runs without special bytes (nearly everything) are copied whole.
            int run = 0;
            for (int j = 0; j < value.length; j++) {
                byte b = value[j];
                if (SPECIAL[b & 0xff]) {
                    System.arraycopy(value, run, buffer, length, j - run);
                    length += j - run;
                    buffer[length++] = '\\';
                    buffer[length++] = b == '\\' ? (byte) '\\' : b == '\t' ? (byte) 't' : b == '\n' ? (byte) 'n' : (byte) '0';
                    run = j + 1;
                }
            }
            System.arraycopy(value, run, buffer, length, value.length - run);
            length += value.length - run;
        }
        put((byte) '\n');
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
