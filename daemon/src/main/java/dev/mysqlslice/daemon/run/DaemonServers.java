package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.cascade.CascadeGraph;
import dev.mysqlslice.daemon.checkpoint.Checkpoint;
import dev.mysqlslice.daemon.dirty.CascadeChange;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.model.TablePlan;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the daemon's loop does on the source and target servers, one call per step, for one run
 * (opened when the run starts, closed when it ends). {@link LiveServers} runs the steps on the
 * servers; a test drives the loop with a fake.
 */
interface DaemonServers extends AutoCloseable {

    /** Opens the servers of one daemon run (taking the checkpoint's lease first). */
    interface Opener {
        DaemonServers open();
    }

    /** Where to start reading and what to do first. */
    Start decide(DaemonSettings settings, List<String> units);

    /** The source's cascading foreign keys into or out of {@code plans}. */
    CascadeGraph cascadeGraph(Collection<TablePlan> plans);

    /** The child rows the parent changes cascaded into. */
    Map<String, TableChange> cascaded(CascadeGraph graph, List<CascadeChange> changes);

    /** The source's binlog position now. */
    BinlogPosition currentEnd();

    /** Waits for the changed rows to be committed; the units whose rows an open transaction still locks. */
    Set<String> locked(Map<String, TableChange> changes, Map<String, TablePlan> plans,
                       Optional<DirtyTracker.LastRow> lastRow);

    /** Syncs the changes, unit by unit. */
    CycleRunner.Result sync(Map<String, TableChange> changes, Map<String, TablePlan> plans, DaemonMetrics metrics);

    /** Checks each plan's source and target shapes again, by unit; all or nothing (a failure throws). */
    Map<String, ShapeWatcher.Check> checkShapes(Collection<TablePlan> plans);

    /** Writes the checkpoint to the target. */
    void save(Checkpoint checkpoint);

    /** Renews the checkpoint's lease (this daemon still owns it). */
    void renewLease();

    /** Drops every idle session (after a connection failure). */
    void reset();

    @Override
    void close();
}
