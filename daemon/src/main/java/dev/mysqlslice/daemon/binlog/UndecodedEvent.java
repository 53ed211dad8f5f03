package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.EventData;

/**
 * An event whose data could not be decoded and whose table cannot be told: every tracked table
 * must be compared in full. It still ends a transaction when its kind does (a QUERY).
 */
public record UndecodedEvent(String reason) implements EventData {
}
