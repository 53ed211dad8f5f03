package dev.mysqlslice.transfer;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Feeds rows from a {@link RowCursor} to {@code LOAD DATA LOCAL INFILE} as tab-separated raw
 * bytes ({@link TsvEncoder}). Rows are pulled from the source only as the driver reads, so
 * nothing but one buffer is held in memory.
 */
public final class TsvStream extends BlockInputStream {

    private static final int BUFFER = 256 * 1024;

    private final RowCursor cursor;
    private final TsvEncoder encoder = new TsvEncoder(BUFFER);
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
    public int read(byte[] target, int offset, int wanted) throws IOException {
        if (wanted == 0) {
            return 0;
        }
        while (position == encoder.length()) {
            if (finished) {
                return -1;
            }
            fill();
        }
        int count = Math.min(wanted, encoder.length() - position);
        System.arraycopy(encoder.buffer(), position, target, offset, count);
        position += count;
        return count;
    }

    private void fill() throws IOException {
        position = 0;
        encoder.reset(BUFFER);
        try {
            while (encoder.length() < BUFFER / 2) {
                RawRow row = cursor.next();
                if (row == null) {
                    finished = true;
                    return;
                }
                encoder.encode(row);
            }
        } catch (SQLException e) {
            failure = e;
            throw new IOException("reading the source failed: " + e.getMessage(), e);
        }
    }
}
