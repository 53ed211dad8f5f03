package dev.mysqlslice.daemon.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.checkpoint.Checkpoint;
import dev.mysqlslice.daemon.dirty.TableChange;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code mysqlslice status} shows: the checkpoint, how far behind the source it is, what is
 * pending, the last cycle, and stopped tables.
 *
 * @param checkpoint    the stored checkpoint, if any
 * @param sourceEnd     the end of the source's binlog now
 * @param secondsBehind how far the checkpoint is behind the source (0 when at its end; -1 when unknown)
 * @param running       whether a daemon has written the checkpoint recently
 */
public record DaemonReport(Optional<Checkpoint> checkpoint, BinlogPosition sourceEnd, long secondsBehind, boolean running) {

    /** Builds the report; a checkpoint written within {@code freshness} means a daemon is running. */
    public static DaemonReport of(Optional<Checkpoint> checkpoint, BinlogPosition sourceEnd, Instant now,
                                  Duration freshness) {
        boolean running = checkpoint.map(saved -> saved.status().running()
                && saved.updatedAt().plus(freshness).isAfter(now)).orElse(false);
        long behind = checkpoint.map(saved -> {
            if (running) {
                // The running daemon's own measure: positions alone mislead (after a source restart the
                // source's binlog continues in a new file with nothing to sync).
                return saved.status().lagMillis() / 1000;
            }
            if (saved.position().isAtOrAfter(sourceEnd)) {
                return 0L;
            }
            long lastEvent = saved.status().lastEventMillis();
            return lastEvent > 0 ? Math.max(0, (now.toEpochMilli() - lastEvent) / 1000) : -1L;
        }).orElse(-1L);
        return new DaemonReport(checkpoint, sourceEnd, behind, running);
    }

    /** Pending dirty entries per table: ranges, or "whole". */
    public Map<String, String> pending() {
        Map<String, String> pending = new LinkedHashMap<>();
        checkpoint.ifPresent(saved -> saved.pending().forEach((table, change) -> pending.put(table,
                change instanceof TableChange.Ranges ranges ? ranges.ranges().size() + " range(s)"
                        : change instanceof TableChange.Members members ? members.size() + " row(s)" : "whole table")));
        return pending;
    }

    /** The human-readable report. */
    public String text() {
        if (checkpoint.isEmpty()) {
            return "no checkpoint yet (the daemon has not run against this target); source binlog at " + sourceEnd + "\n";
        }
        Checkpoint saved = checkpoint.get();
        StringBuilder text = new StringBuilder();
        text.append("daemon:            ").append(running ? "running" : "not running").append('\n');
        text.append("checkpoint:        ").append(saved.name()).append(" at ").append(saved.position())
                .append(" (written ").append(saved.updatedAt()).append(")\n");
        text.append("source binlog end: ").append(sourceEnd).append('\n');
        text.append("seconds behind:    ").append(secondsBehind < 0 ? "unknown" : Long.toString(secondsBehind)).append('\n');
        if (running && !saved.status().throttled().isEmpty()) {
            text.append("throttled:         ").append(saved.status().throttled()).append('\n');
        }
        text.append("pending:           ").append(pending().isEmpty() ? "nothing" : pending().toString()).append('\n');
        var status = saved.status();
        text.append(String.format(Locale.ROOT, "last cycle:        %s, %d ms, %d row(s) changed%n",
                status.lastCycleMillis() == 0 ? "none" : Instant.ofEpochMilli(status.lastCycleMillis()).toString(),
                status.lastCycleTook(), status.lastCycleChanges()));
        text.append(String.format(Locale.ROOT, "cycles:            %d (full syncs: %d)%n", status.cycles(), status.fullSyncs()));
        if (status.stopped().isEmpty()) {
            text.append("stopped tables:    none\n");
        } else {
            status.stopped().forEach((table, error) -> text.append("stopped table:     ").append(table).append(": ")
                    .append(error).append('\n'));
        }
        return text.toString();
    }

    /** The report as one JSON object. */
    public String json() {
        var json = new ObjectMapper().createObjectNode();
        json.put("running", running);
        json.put("secondsBehind", secondsBehind);
        json.put("sourceEnd", sourceEnd.toString());
        checkpoint.ifPresent(saved -> {
            json.put("checkpoint", saved.name());
            json.put("file", saved.position().file());
            json.put("position", saved.position().position());
            saved.position().gtids().ifPresent(gtids -> json.put("gtids", gtids));
            json.put("updatedAt", saved.updatedAt().toString());
            var pendingNode = json.putObject("pending");
            pending().forEach(pendingNode::put);
            var status = saved.status();
            json.put("lastCycleAt", status.lastCycleMillis());
            json.put("lastCycleMillis", status.lastCycleTook());
            json.put("lastCycleChanges", status.lastCycleChanges());
            json.put("cycles", status.cycles());
            json.put("fullSyncs", status.fullSyncs());
            if (running && !status.throttled().isEmpty()) {
                json.put("throttled", status.throttled());
            }
            var stopped = json.putObject("stoppedTables");
            status.stopped().forEach(stopped::put);
        });
        return json.toString();
    }
}
