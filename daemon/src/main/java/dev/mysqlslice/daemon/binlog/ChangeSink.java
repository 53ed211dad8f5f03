package dev.mysqlslice.daemon.binlog;

import dev.mysqlslice.model.Key;

/** Where the event router puts what the binlog says changed, commit by commit (the daemon's dirty tracker). */
public interface ChangeSink {

    /** A row of {@code table} with this key changed. */
    void mark(String table, Key key);

    /** A row of a slice's member table changed (the slice decides what that touches). */
    void markMember(String slice, String table, Key key);

    /** The latest changed row whose key is known, of any tracked table. */
    void noteRow(String table, Key key);

    /** Something changed in {@code table} that cannot be told key by key: compare it in full. */
    void markWhole(String table);

    /** DDL touched {@code table}: every row of it is compared. */
    void markRewritten(String table);

    /** A transaction ended at {@code position} (its changes were all marked before). */
    void commit(BinlogPosition position, long eventTimeMillis);

    /** The source time of the last commit, in epoch milliseconds. */
    long committedEventTime();
}
