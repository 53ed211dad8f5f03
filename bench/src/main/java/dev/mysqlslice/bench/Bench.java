package dev.mysqlslice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the scenarios in order, each starting from the state the previous one left, and collects measurements. */
final class Bench {

    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of(Workload.ORDERS, Workload.ITEMS);
    /** The tool name of the floor measurement ({@link Floor}). */
    static final String FLOOR = "floor: bare bucket aggregate, both servers";

    private final Lab lab;
    private final BenchSettings settings;
    private final List<Measurement> measurements = new ArrayList<>();
    private long rows;
    private long bytes;

    Bench(Lab lab, BenchSettings settings) {
        this.lab = lab;
        this.settings = settings;
    }

    List<Measurement> run() {
        // S6 has tables of its own; the others start from bench_orders and bench_items.
        if (settings.scenarios().stream().anyMatch(scenario -> !scenario.equals("S6"))) {
            setUp();
            if (settings.scenarios().contains("S1")) {
                s1();
            } else {
                mysqlsliceSync("setup", "crc32");
            }
        }
        if (settings.scenarios().contains("S2")) {
            s2();
        }
        if (settings.scenarios().contains("S3")) {
            s3();
        }
        if (settings.scenarios().contains("S4")) {
            s4();
        }
        if (settings.scenarios().contains("S5")) {
            measurements.add(new LoadScenario(lab, settings).run());
        }
        if (settings.scenarios().contains("S6")) {
            measurements.add(new SliceScenario(lab, settings).run());
        }
        return measurements;
    }

    private void setUp() {
        LOG.info("generating {} rows", settings.rows());
        for (var server : List.of(lab.source(), lab.target())) {
            lab.execute(server, true, Workload.CREATE_ORDERS, Workload.CREATE_ITEMS);
        }
        lab.execute(lab.source(), Workload.generate(settings.rows()));
        lab.execute(lab.source(), true, "ANALYZE TABLE bench_orders, bench_items");
        rows = lab.count(lab.source(), Workload.ORDERS) + lab.count(lab.source(), Workload.ITEMS);
        bytes = Long.parseLong(lab.value(lab.source(), "SELECT SUM(LENGTH(CONCAT_WS('', id, customer_id, status, quantity,"
                + " sku, created_at, amount, note))) + COUNT(*) * 8 FROM bench_orders"));
    }

    /** S1: initial copy into empty tables. */
    private void s1() {
        measurements.add(repeat("S1 initial copy", "mysqlslice sync", settings.repeat(), this::emptyTarget,
                () -> mysqlsliceSync("s1", "crc32")));
        if (!settings.peers()) {
            return;
        }
        measurements.add(repeat("S1 initial copy", "mysqldump | mysql", settings.repeat(), this::emptyTarget,
                () -> new Outcome(Timed.shell(lab.dir(), lab.environment(), "mysqldump --no-defaults "
                        + lab.clientFlags(lab.source()) + " --single-transaction --no-create-info --skip-triggers "
                        + Lab.DATABASE + " bench_orders bench_items | mysql --no-defaults " + lab.clientFlags(lab.target())
                        + " " + Lab.DATABASE), null)));
        measurements.add(repeat("S1 initial copy", "mydumper + myloader", settings.repeat(), this::emptyTarget,
                this::mydumperMyloader));
    }

    /** S2: 0.01% of rows changed; (a) full comparison, (b) binlog catch-up from the last run's checkpoint. */
    private void s2() {
        TABLES.forEach(lab::backupTarget);
        mysqlsliceIncremental("s2-checkpoint");
        lab.execute(lab.target(), true, "SET SESSION sql_log_bin = 0", "DROP TABLE IF EXISTS checkpoint_base",
                "CREATE TABLE checkpoint_base AS SELECT * FROM mysqlslice_checkpoint");
        lab.execute(lab.source(), Workload.changes(settings.rows(), 0.0001, 2, 0));
        Runnable reset = () -> {
            TABLES.forEach(lab::restoreTarget);
            lab.execute(lab.target(), true, "REPLACE INTO mysqlslice_checkpoint SELECT * FROM checkpoint_base");
        };
        measurements.add(repeat("S2b sparse, binlog catch-up", "mysqlslice sync --incremental", settings.repeat(), reset,
                () -> mysqlsliceIncremental("s2b")));
        measurements.add(repeat("S2a sparse, full comparison", "mysqlslice sync", settings.repeat(), reset,
                () -> mysqlsliceSync("s2a", "crc32"), true));
        measurements.add(repeat("S2a sparse, full comparison", "mysqlslice sync (md5)", settings.repeat(), reset,
                () -> mysqlsliceSync("s2a-md5", "md5")));
        if (settings.peers()) {
            measurements.add(repeat("S2a sparse, full comparison", "pt-table-sync", settings.repeat(), reset,
                    () -> new Outcome(ptTableSync("--execute"), null)));
        }
        s2c();
    }

    /**
     * S2c: 0.3% of rows changed, one in about every 1,000-row bucket: a full comparison where nearly
     * every bucket differs but is far from dense. Starts from identical tables (where S2a's last
     * run left them, or a sync) and ends with a sync, since a peer may leave rows different (the
     * same edit to two orders' lines in one of pt-table-sync's chunks cancels in its XOR of CRC32s).
     */
    private void s2c() {
        mysqlsliceSync("s2c-identical", "crc32");
        changeThenSync("S2c scattered, full comparison", "s2c", 0.003, 4, 0, settings.repeat());
        mysqlsliceSync("s2c-identical", "crc32");
    }

    /** S3: 10% of rows changed, one sync. */
    private void s3() {
        changeThenSync("S3 dense changes", "s3", 0.10, 3, 1, 1);
    }

    /**
     * Backs the target tables up, changes {@code fraction} of the source's rows ({@link Workload#changes}),
     * then times {@code sync} and (with the peers, {@code peerRuns} times) pt-table-sync --execute,
     * each from the backed-up target.
     */
    private void changeThenSync(String scenario, String name, double fraction, long seed, int slot, int peerRuns) {
        TABLES.forEach(lab::backupTarget);
        lab.execute(lab.source(), Workload.changes(settings.rows(), fraction, seed, slot));
        Runnable reset = () -> TABLES.forEach(lab::restoreTarget);
        measurements.add(repeat(scenario, "mysqlslice sync", settings.repeat(), reset, () -> mysqlsliceSync(name, "crc32")));
        if (settings.peers()) {
            measurements.add(repeat(scenario, "pt-table-sync", peerRuns, reset,
                    () -> new Outcome(ptTableSync("--execute"), null)));
        }
    }

    /** S4: nothing changed, compare everything. */
    private void s4() {
        Runnable none = () -> { };
        measurements.add(repeat("S4 nothing changed", "mysqlslice verify", settings.repeat(), none,
                () -> mysqlsliceVerify("s4", "crc32"), true));
        measurements.add(repeat("S4 nothing changed", "mysqlslice verify (md5)", settings.repeat(), none,
                () -> mysqlsliceVerify("s4-md5", "md5")));
        measurements.add(repeat("S4 nothing changed", FLOOR, settings.repeat(), none,
                () -> new Outcome(new Floor(lab).run(), null)));
        if (settings.peers()) {
            measurements.add(repeat("S4 nothing changed", "pt-table-sync --print", settings.repeat(), none,
                    () -> new Outcome(ptTableSync("--print"), null)));
        }
    }

    /** A run's timing and, for mysqlslice, its JSON report. */
    record Outcome(Timed.Run run, JsonNode report) {
    }

    private Measurement repeat(String scenario, String tool, int runs, Runnable reset, Supplier<Outcome> action) {
        return repeat(scenario, tool, runs, reset, action, false);
    }

    /** Runs {@code action} {@code runs} times after {@code reset}; with {@code overFloor}, each right after a floor run. */
    private Measurement repeat(String scenario, String tool, int runs, Runnable reset, Supplier<Outcome> action,
                               boolean overFloor) {
        double[] seconds = new double[runs];
        double[] ratios = new double[overFloor ? runs : 0];
        long peak = 0;
        boolean identical = true;
        JsonNode lastReport = null;
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            reset.run();
            double floor = overFloor ? new Floor(lab).run().seconds() : 0;
            Outcome outcome = action.get();
            seconds[i] = outcome.run().seconds();
            if (overFloor) {
                ratios[i] = floor > 0 ? seconds[i] / floor : Double.NaN;
                LOG.info("{} / {}: run {} after a floor of {} s: {}x", scenario, tool, i + 1, floor,
                        String.format(Locale.ROOT, "%.2f", ratios[i]));
            }
            peak = Math.max(peak, outcome.run().peakRssKb());
            lastReport = outcome.report();
            boolean converged = Convergence.allIdentical(lab);
            identical &= converged;
            if (!converged || !acceptableExit(tool, outcome.run().exitCode())) {
                notes.add("run " + (i + 1) + ": exit " + outcome.run().exitCode() + (converged ? "" : ", NOT identical")
                        + ": " + tail(outcome.run().output()));
            }
            LOG.info("{} / {}: run {} took {} s{}", scenario, tool, i + 1, seconds[i], converged ? "" : " (NOT identical)");
        }
        Arrays.sort(seconds);
        double median = seconds[runs / 2];
        Arrays.sort(ratios);
        double medianOverFloor = overFloor ? ratios[runs / 2] : 0;
        long hashed = -1;
        long read = -1;
        long readBytes = -1;
        if (lastReport != null) {
            hashed = sum(lastReport, "rowsHashed") + sum(lastReport, "rowsListed");
            read = sum(lastReport, "rowsRead");
            readBytes = sum(lastReport, "bytesRead");
        }
        return new Measurement(scenario, tool, median, runs, rows, scenario.startsWith("S1") ? bytes : 0, hashed, read,
                readBytes, peak / 1024, identical, String.join("; ", notes), medianOverFloor);
    }

    private static boolean acceptableExit(String tool, int exit) {
        return exit == 0 || tool.startsWith("pt-table-sync") && exit == 2;
    }

    private Outcome mysqlsliceSync(String name, String hash) {
        Path report = lab.dir().resolve(name + "-report.json");
        Timed.Run run = Timed.shell(lab.dir(), lab.environment(), lab.mysqlslice("sync -q --config "
                + lab.config(name, hash, "") + " --report " + report));
        return new Outcome(run, read(report));
    }

    private Outcome mysqlsliceVerify(String name, String hash) {
        Path report = lab.dir().resolve(name + "-report.json");
        Timed.Run run = Timed.shell(lab.dir(), lab.environment(), lab.mysqlslice("verify -q --config "
                + lab.config(name, hash, "") + " --report " + report));
        return new Outcome(run, read(report));
    }

    private Outcome mysqlsliceIncremental(String name) {
        Path report = lab.dir().resolve(name + "-report.json");
        Timed.Run run = Timed.shell(lab.dir(), lab.environment(), lab.mysqlslice("sync --incremental -q --config "
                + lab.config("incremental", "crc32", "") + " --report " + report));
        return new Outcome(run, read(report));
    }

    private Outcome mydumperMyloader() {
        Path dump = lab.dir().resolve("mydumper-out");
        Timed.Run dumped = Timed.shell(lab.dir(), lab.environment(), "rm -rf " + dump + " && timeout 900 mydumper "
                + lab.clientFlags(lab.source()) + " -p \"$MYSQL_PWD\" -B " + Lab.DATABASE + " -T bench_orders,bench_items"
                + " -o " + dump + " --no-schemas -t 4");
        Timed.Run loaded = Timed.shell(lab.dir(), lab.environment(), "timeout 900 myloader " + lab.clientFlags(lab.target())
                + " -p \"$MYSQL_PWD\" -B " + Lab.DATABASE + " -d " + dump + " -t 4");
        return new Outcome(new Timed.Run(dumped.seconds() + loaded.seconds(), Math.max(dumped.peakRssKb(), loaded.peakRssKb()),
                dumped.exitCode() != 0 ? dumped.exitCode() : loaded.exitCode(), dumped.output() + loaded.output()), null);
    }

    private Timed.Run ptTableSync(String mode) {
        StringBuilder shell = new StringBuilder();
        for (String table : TABLES) {
            if (shell.length() > 0) {
                shell.append("; ");
            }
            shell.append("pt-table-sync ").append(mode).append(' ').append(lab.dsn(lab.source(), table)).append(' ')
                    .append(lab.dsn(lab.target(), null)).append("; code=$?; [ $code -le 2 ] || exit $code");
        }
        return Timed.shell(lab.dir(), lab.environment(), shell + "; exit 0");
    }

    private void emptyTarget() {
        TABLES.forEach(lab::emptyTarget);
    }

    private static JsonNode read(Path report) {
        try {
            return Files.exists(report) ? JSON.readTree(report.toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static long sum(JsonNode report, String field) {
        if (report.has(field)) {
            return report.get(field).asLong();
        }
        long total = 0;
        for (JsonNode table : report.path("tables")) {
            total += table.path(field).asLong();
        }
        return total;
    }

    private static String tail(String output) {
        String trimmed = output.strip();
        return trimmed.length() > 300 ? "..." + trimmed.substring(trimmed.length() - 300) : trimmed;
    }
}
