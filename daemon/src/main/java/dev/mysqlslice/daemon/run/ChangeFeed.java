package dev.mysqlslice.daemon.run;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.cascade.CascadeGraph;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.model.TablePlan;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The source's changes as the daemon's loop reads them: the dirty keys, and what the stream
 * reported. {@link BinlogFollower} reads them from the source's binlog; a test drives the loop
 * with a scripted feed.
 */
interface ChangeFeed {

    /** Opens the feed of one daemon run. */
    interface Opener {
        /** {@code gtid}: follow by GTID; {@code plans}: the sync units to track. */
        ChangeFeed open(boolean gtid, Collection<TablePlan> plans, DaemonMetrics metrics);
    }

    /** Something the stream reported, in the order it happened. */
    sealed interface Signal {
        /** The start position cannot be read (purged, beyond the end, another server). */
        record PositionLost(String reason) implements Signal {
        }

        /** The stream ended with an error retrying cannot fix. */
        record Fatal(MysqlsliceException error) implements Signal {
        }

        /** The connection dropped; {@code undecodable} when it broke on an event it could not decode. */
        record Disconnected(String reason, boolean undecodable) implements Signal {
        }

        /** A DDL statement changed (or may have changed) the shape of this sync unit. */
        record Ddl(String unit) implements Signal {
        }
    }

    /** The changed keys marked so far and the last commit they belong to. */
    DirtyTracker dirty();

    /** Tracks a sync unit again with a freshly read shape. */
    void track(TablePlan plan);

    /** Watches the parents of {@code graph}'s cascades from now on. */
    void watchCascades(CascadeGraph graph);

    /** What the stream reported since the last call, oldest first. */
    List<Signal> takeSignals();

    /** Events read in this run, over every reconnect. */
    long eventsRead();

    /** How long the stream has been silent (not even a heartbeat); zero while not following. */
    Duration silence();

    /** Starts (or restarts) following at {@code from}. */
    void follow(BinlogPosition from);

    /** Stops following (the dirty keys stay). */
    void stop();
}
