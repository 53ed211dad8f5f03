package dev.mysqlslice.transfer;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream read in blocks (the driver sends LOAD DATA input in blocks): a subclass
 * implements {@link #read(byte[], int, int)} and the single-byte read goes through it.
 */
abstract class BlockInputStream extends InputStream {

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] target, int offset, int wanted) throws IOException;
}
