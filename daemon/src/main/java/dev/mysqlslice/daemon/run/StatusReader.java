package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.daemon.checkpoint.CheckpointStore;
import dev.mysqlslice.jdbc.Session;
import java.time.Duration;
import java.time.Instant;
import javax.inject.Inject;

/** Reads what {@code mysqlslice status} reports: the checkpoint on the target and the end of the source's binlog. */
public final class StatusReader {

    private final CheckpointStore store;
    private final StartPlanner starter;

    @Inject
    public StatusReader(CheckpointStore store, StartPlanner starter) {
        this.store = store;
        this.starter = starter;
    }

    public DaemonReport read(Session source, Session target, DaemonSettings settings) {
        Duration freshness = settings.heartbeat().multipliedBy(5).plusSeconds(5);
        return DaemonReport.of(store.load(target, settings.checkpointName()), starter.currentEnd(source), Instant.now(),
                freshness);
    }
}
