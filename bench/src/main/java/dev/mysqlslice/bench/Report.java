package dev.mysqlslice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The results table, the targets of the benchmark issue with their ratios, and the JSON file. */
final class Report {

    /** One target: what is compared, what it must reach, what it reached. */
    record Target(String name, String wanted, String reached, Optional<Boolean> met) {
    }

    private final List<Measurement> measurements;
    private final BenchSettings settings;

    Report(List<Measurement> measurements, BenchSettings settings) {
        this.measurements = measurements;
        this.settings = settings;
    }

    String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "tool", "seconds", "runs", "rows/s", "MB/s", "rows hashed", "rows read",
            "MB read", "peak RSS MB", "identical"});
        for (Measurement m : measurements) {
            rows.add(new String[] {m.scenario(), m.tool(), format("%.2f", m.seconds()), Integer.toString(m.runs()),
                format("%,.0f", m.rows() / Math.max(0.001, m.seconds())),
                m.bytes() > 0 ? format("%.1f", m.bytes() / 1e6 / Math.max(0.001, m.seconds())) : "",
                m.rowsHashed() < 0 ? "" : format("%,d", m.rowsHashed()), m.rowsRead() < 0 ? "" : format("%,d", m.rowsRead()),
                m.bytesRead() < 0 ? "" : format("%.1f", m.bytesRead() / 1e6), Long.toString(m.peakRssMb()),
                m.identical() ? "yes" : "NO"});
        }
        StringBuilder text = new StringBuilder(align(rows));
        measurements.stream().filter(m -> !m.note().isBlank())
                .forEach(m -> text.append("  ").append(m.scenario()).append(" / ").append(m.tool()).append(": ")
                        .append(m.note()).append('\n'));
        text.append("\nTargets (ratios measured in this run):\n");
        for (Target target : targets()) {
            text.append(format("  %-58s %-22s %-22s %s%n", target.name(), target.wanted(), target.reached(),
                    target.met().map(met -> met ? "MET" : "MISSED").orElse("n/a")));
        }
        return text.toString();
    }

    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        ratio(targets, "S1: vs mydumper + myloader", "S1", "mydumper + myloader", "mysqlslice sync", 1.0);
        ratio(targets, "S1: vs mysqldump | mysql", "S1", "mysqldump | mysql", "mysqlslice sync", 2.0);
        ratio(targets, "S2a: vs pt-table-sync", "S2a", "pt-table-sync", "mysqlslice sync", 2.5);
        atMost(targets, "S2a: over the floor", find("S4", Bench.FLOOR), find("S2a", "mysqlslice sync"),
                1.5);
        ratioAcross(targets, "S2b: binlog catch-up vs pt-table-sync (S2)", find("S2a", "pt-table-sync"),
                find("S2b", "mysqlslice sync --incremental"), 6.0);
        ratio(targets, "S3: vs pt-table-sync", "S3", "pt-table-sync", "mysqlslice sync", 10.0);
        ratio(targets, "S4: vs pt-table-sync --print", "S4", "pt-table-sync --print", "mysqlslice verify", 2.5);
        atMost(targets, "S4: over the floor", find("S4", Bench.FLOOR), find("S4", "mysqlslice verify"), 1.5);
        find("S5", "mysqlslice daemon").ifPresent(m -> {
            targets.add(threshold("S5: lag p99", m.note(), "p99 (\\d+) ms", 250, "< 250 ms"));
            targets.add(threshold("S5: lag max", m.note(), "max (\\d+) ms", 1000, "< 1000 ms"));
            targets.add(threshold("S5: rows re-hashed per row changed", m.note(), "per change ([\\d.]+)", 50, "< 50"));
        });
        find("S6", "mysqlslice daemon").ifPresent(m -> {
            targets.add(threshold("S6: slice lag p99", m.note(), "p99 (\\d+) ms", 250, "< 250 ms"));
            targets.add(threshold("S6: row bytes read from the source per change", m.note(),
                    "source per change (\\d+)", 64 * 1024 + 1, "<= 64 KB"));
        });
        long peak = measurements.stream().filter(m -> m.tool().startsWith("mysqlslice")).mapToLong(Measurement::peakRssMb)
                .max().orElse(0);
        targets.add(new Target("memory: peak RSS of the mysqlslice JVM, every scenario", "< 512 MB", peak + " MB",
                Optional.of(peak < 512)));
        return targets;
    }

    void writeJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ObjectNode machine = root.putObject("machine");
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.version"));
        ObjectNode run = root.putObject("settings");
        run.put("rows", settings.rows());
        run.put("repeat", settings.repeat());
        run.put("s5Seconds", settings.s5Seconds());
        run.put("s5Rate", settings.s5Rate());
        root.set("measurements", json.valueToTree(measurements));
        ArrayNode targets = root.putArray("targets");
        for (Target target : targets()) {
            ObjectNode node = targets.addObject();
            node.put("name", target.name());
            node.put("wanted", target.wanted());
            node.put("reached", target.reached());
            target.met().ifPresentOrElse(met -> node.put("met", met), () -> node.putNull("met"));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, root.toPrettyString() + "\n");
    }

    private void ratio(List<Target> targets, String name, String scenario, String peer, String ours, double wanted) {
        ratioAcross(targets, name, find(scenario, peer), find(scenario, ours), wanted);
    }

    /** Ours may take at most {@code wanted} times the reference (the floor). */
    private static void atMost(List<Target> targets, String name, Optional<Measurement> reference,
                               Optional<Measurement> ours, double wanted) {
        if (reference.isEmpty() || ours.isEmpty()) {
            targets.add(new Target(name, format("<= %.1fx", wanted), "not run", Optional.empty()));
            return;
        }
        double across = ours.get().seconds() / reference.get().seconds();
        double paired = ours.get().overFloor();
        // Measured per run (each over a floor right before it), the ratio of the medians (minutes apart) is shown beside it.
        double ratio = paired > 0 ? paired : across;
        String reached = paired > 0
                ? format("%.2fx per run (medians: %.2f s vs %.2f s, %.2fx)", paired, ours.get().seconds(),
                        reference.get().seconds(), across)
                : format("%.2fx (%.2f s vs %.2f s)", across, ours.get().seconds(), reference.get().seconds());
        targets.add(new Target(name, format("<= %.1fx", wanted), reached, Optional.of(ratio <= wanted && ours.get().identical())));
    }

    private static void ratioAcross(List<Target> targets, String name, Optional<Measurement> peer,
                                    Optional<Measurement> ours, double wanted) {
        if (peer.isEmpty() || ours.isEmpty()) {
            targets.add(new Target(name, format(">= %.1fx", wanted), "not run", Optional.empty()));
            return;
        }
        double ratio = peer.get().seconds() / ours.get().seconds();
        targets.add(new Target(name, format(">= %.1fx", wanted), format("%.2fx (%.2f s vs %.2f s)", ratio,
                peer.get().seconds(), ours.get().seconds()), Optional.of(ratio >= wanted && ours.get().identical())));
    }

    private static Target threshold(String name, String note, String pattern, double limit, String wanted) {
        Matcher matcher = Pattern.compile(pattern).matcher(note);
        if (!matcher.find()) {
            return new Target(name, wanted, "unknown", Optional.empty());
        }
        double value = Double.parseDouble(matcher.group(1));
        return new Target(name, wanted, matcher.group(1), Optional.of(value < limit));
    }

    private Optional<Measurement> find(String scenario, String tool) {
        return measurements.stream().filter(m -> m.scenario().startsWith(scenario) && m.tool().equals(tool)).findFirst();
    }

    private static String align(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                boolean left = i < 2;
                String cell = left ? row[i] + " ".repeat(widths[i] - row[i].length())
                        : " ".repeat(widths[i] - row[i].length()) + row[i];
                text.append(cell).append(i < row.length - 1 ? "  " : "");
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
