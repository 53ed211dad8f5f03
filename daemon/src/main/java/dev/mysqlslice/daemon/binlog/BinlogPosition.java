package dev.mysqlslice.daemon.binlog;

import java.util.Optional;

/**
 * A point in the source's binlog at a transaction boundary: file and position, and the GTID set
 * (MySQL) or GTID position (MariaDB, e.g. {@code 0-1-42}) when known.
 */
public record BinlogPosition(String file, long position, Optional<String> gtids) {

    public static BinlogPosition of(String file, long position) {
        return new BinlogPosition(file, position, Optional.empty());
    }

    public BinlogPosition withPosition(String newFile, long newPosition) {
        return new BinlogPosition(newFile, newPosition, gtids);
    }

    public BinlogPosition withGtids(String newGtids) {
        return new BinlogPosition(file, position, Optional.ofNullable(newGtids).filter(text -> !text.isBlank()));
    }

    /** Whether this is at or after {@code other} in file/position order (file names sort by their number). */
    public boolean isAtOrAfter(BinlogPosition other) {
        int files = file.compareTo(other.file);
        return files > 0 || files == 0 && position >= other.position;
    }

    @Override
    public String toString() {
        return file + ":" + position + gtids.map(gtid -> " (gtid " + gtid + ")").orElse("");
    }
}
