package dev.mysqlslice.daemon.binlog;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the parts MariaDB compresses when {@code log_bin_compress} is on: the row data of a
 * rows event (after its column bitmaps) and the statement text of a query event. A compressed
 * part starts with one byte {@code 0x80 | n} (the algorithm in bits 4-6, 0 for zlib), then the
 * uncompressed length in {@code n} big-endian bytes, then a zlib stream.
 */
final class MariadbCompression {

    private MariadbCompression() {
    }

    /** The uncompressed bytes of the compressed part {@code data[from..to)}. */
    static byte[] inflate(byte[] data, int from, int to) throws IOException {
        if (to <= from) {
            throw new IOException("compressed part is empty");
        }
        int header = data[from] & 0xff;
        if ((header & 0x80) == 0 || (header & 0x70) != 0) {
            throw new IOException("compressed part has an unknown header byte 0x" + Integer.toHexString(header));
        }
        int lengthBytes = header & 0x07;
        if (lengthBytes < 1 || lengthBytes > 4 || from + 1 + lengthBytes > to) {
            throw new IOException("compressed part has a bad length size " + lengthBytes);
        }
        long length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length = (length << 8) | (data[from + 1 + i] & 0xff);
        }
        if (length > Integer.MAX_VALUE - 64) {
            throw new IOException("compressed part claims " + length + " bytes");
        }
        byte[] out = new byte[(int) length];
        Inflater inflater = new Inflater();
        try {
            int start = from + 1 + lengthBytes;
            inflater.setInput(data, start, to - start);
            int filled = 0;
            while (filled < out.length) {
                int read = inflater.inflate(out, filled, out.length - filled);
                if (read == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                filled += read;
            }
            if (filled != out.length) {
                throw new IOException("compressed part inflated to " + filled + " bytes, expected " + out.length);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException("compressed part is not a valid zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
