package dev.mysqlslice.daemon.run;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.cascade.CascadeGraph;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.model.TablePlan;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A {@link ChangeFeed} a test scripts: it marks the dirty keys itself (a real {@link DirtyTracker},
 * exact keys), queues the signals, and sets the silence; the feed records where it was asked to
 * follow. {@link #onFollow} scripts what each follow reports; {@link #afterFollow} runs after each.
 */
final class ScriptedFeed implements ChangeFeed {

    final DirtyTracker dirty;
    final List<BinlogPosition> follows = new ArrayList<>();
    final List<TablePlan> tracked = new ArrayList<>();
    /** Signals reported by the next follows, one list per follow (nothing once it is empty). */
    final Deque<List<Signal>> onFollow = new ArrayDeque<>();
    /** Runs after each follow with how many there have been. */
    IntConsumer afterFollow = count -> { };
    volatile Duration silence = Duration.ZERO;
    int stops;
    private final Deque<Signal> signals = new ArrayDeque<>();

    ScriptedFeed(Collection<String> units) {
        Map<String, DirtyTracker.TableSpec> specs = new LinkedHashMap<>();
        units.forEach(unit -> specs.put(unit, new DirtyTracker.TableSpec(false, false, 1000)));
        this.dirty = new DirtyTracker(specs);
    }

    /** Reports {@code signal} as the stream would (the loop is woken). */
    synchronized void signal(Signal signal) {
        signals.add(signal);
        dirty.wakeUp();
    }

    @Override
    public DirtyTracker dirty() {
        return dirty;
    }

    @Override
    public void track(TablePlan plan) {
        tracked.add(plan);
    }

    @Override
    public void watchCascades(CascadeGraph graph) {
    }

    @Override
    public synchronized List<Signal> takeSignals() {
        List<Signal> taken = new ArrayList<>(signals);
        signals.clear();
        return taken;
    }

    @Override
    public long eventsRead() {
        return 0;
    }

    @Override
    public Duration silence() {
        return silence;
    }

    @Override
    public void follow(BinlogPosition from) {
        follows.add(from);
        List<Signal> reported = onFollow.poll();
        if (reported != null) {
            reported.forEach(this::signal);
        }
        afterFollow.accept(follows.size());
    }

    @Override
    public void stop() {
        stops++;
    }
}
