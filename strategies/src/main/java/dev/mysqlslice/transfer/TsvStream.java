package dev.mysqlslice.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

/**
 * Feeds rows from a {@link RowCursor} to {@code LOAD DATA LOCAL INFILE} as tab-separated raw
 * bytes: backslash, tab, newline and NUL escaped, NULL as {@code \N}. Rows are pulled from the
 * source only as the driver reads, so nothing but one buffer is held in memory.
 */
public final class TsvStream extends InputStream {

    private static final int BUFFER = 256 * 1024;

    private final RowCursor cursor;
    private byte[] buffer = new byte[BUFFER];
    private int length;
    private int position;
    private boolean finished;
    private SQLException failure;

    public TsvStream(RowCursor cursor) {
        this.cursor = cursor;
    }

    /** A source error seen while streaming (the driver only sees an I/O error). */
    public SQLException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int wanted) throws IOException {
        if (wanted == 0) {
            return 0;
        }
        while (position == length) {
            if (finished) {
                return -1;
            }
            fill();
        }
        int count = Math.min(wanted, length - position);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    private void fill() throws IOException {
        position = 0;
        length = 0;
        if (buffer.length > 4 * BUFFER) {
            buffer = new byte[BUFFER];
        }
        try {
            while (length < BUFFER / 2) {
                RawRow row = cursor.next();
                if (row == null) {
                    finished = true;
                    return;
                }
                encode(row);
            }
        } catch (SQLException e) {
            failure = e;
            throw new IOException("reading the source failed: " + e.getMessage(), e);
        }
    }

    private void encode(RawRow row) {
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
            for (byte b : value) {
                switch (b) {
                    case '\\' -> { buffer[length++] = '\\'; buffer[length++] = '\\'; }
                    case '\t' -> { buffer[length++] = '\\'; buffer[length++] = 't'; }
                    case '\n' -> { buffer[length++] = '\\'; buffer[length++] = 'n'; }
                    case 0 -> { buffer[length++] = '\\'; buffer[length++] = '0'; }
                    default -> buffer[length++] = b;
                }
            }
        }
        put((byte) '\n');
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            byte[] bigger = new byte[Math.max(buffer.length * 2, length + more)];
            System.arraycopy(buffer, 0, bigger, 0, length);
            buffer = bigger;
        }
    }
}
