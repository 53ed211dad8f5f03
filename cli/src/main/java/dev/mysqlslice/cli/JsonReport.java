package dev.mysqlslice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.daemon.run.Daemon;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.sync.SyncReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a run's outcome as JSON ({@code --report FILE}) for scripts and the benchmark. */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {
    }

    static void write(Path file, SyncReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("elapsedMillis", report.elapsed().toMillis());
        root.put("allIdentical", report.allIdentical());
        ArrayNode tables = root.putArray("tables");
        for (TableReport table : report.tables()) {
            ObjectNode node = tables.addObject();
            node.put("table", table.table());
            node.put("strategy", table.strategy().configName());
            node.put("mode", table.mode().name().toLowerCase(Locale.ROOT));
            node.put("state", table.state().name().toLowerCase(Locale.ROOT));
            node.put("checkedBy", table.checkedBy());
            node.put("elapsedMillis", table.elapsed().toMillis());
            var counters = table.counters();
            node.put("rangesCompared", counters.rangesCompared());
            node.put("rangesDifferent", counters.rangesDifferent());
            node.put("rowsHashed", counters.rowsHashed());
            node.put("rowsListed", counters.rowsListed());
            node.put("rowsRead", counters.rowsCopied());
            node.put("bytesRead", counters.bytesRead());
            node.put("inserted", counters.inserted());
            node.put("updated", counters.updated());
            node.put("deleted", counters.deleted());
            table.error().ifPresent(error -> node.put("error", error));
        }
        save(file, root);
    }

    static void write(Path file, Daemon.Outcome outcome) {
        ObjectNode root = JSON.createObjectNode();
        DaemonMetrics metrics = outcome.metrics();
        root.put("position", outcome.position().toString());
        root.put("fullSync", outcome.fullSync());
        root.put("cycles", metrics.cycles());
        root.put("fullSyncs", metrics.fullSyncs());
        root.put("reconnects", metrics.reconnects());
        root.put("rangesHashed", metrics.rangesHashed());
        root.put("rowsHashed", metrics.rowsHashed());
        root.put("rowsListed", metrics.rowsListed());
        root.put("bytesRead", metrics.bytesRead());
        root.put("inserted", metrics.inserted());
        root.put("updated", metrics.updated());
        root.put("deleted", metrics.deleted());
        ObjectNode stopped = root.putObject("stoppedTables");
        metrics.stoppedTables().forEach(stopped::put);
        outcome.stillDifferent().forEach(root.putArray("stillDifferent")::add);
        save(file, root);
    }

    private static void save(Path file, ObjectNode root) {
        try {
            Files.writeString(file, root.toPrettyString() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MysqlsliceException(Failure.CONFIG, "--report: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
