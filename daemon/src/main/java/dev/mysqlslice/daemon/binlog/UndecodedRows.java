package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.EventData;

/**
 * The rows of a tracked table that could not be decoded (an unreadable table map, a rows event
 * the library cannot read, a MySQL partial JSON update): the table is known, its keys are not,
 * so the table must be compared in full.
 */
public record UndecodedRows(long tableId, String reason) implements EventData {
}
