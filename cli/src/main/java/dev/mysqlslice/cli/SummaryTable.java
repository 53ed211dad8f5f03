package dev.mysqlslice.cli;

import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableState;
import dev.mysqlslice.sync.SyncReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the end-of-run summary: one line per table with what was compared and changed, and the final state. */
public final class SummaryTable {

    private static final String[] SYNC_HEADER = {"table", "strategy", "ranges", "differing", "inserted", "updated",
        "deleted", "read", "time", "result", "checked by"};

    private SummaryTable() {
    }

    public static String render(SyncReport report, boolean dryRun) {
        List<String[]> rows = new ArrayList<>();
        String[] header = SYNC_HEADER.clone();
        if (dryRun) {
            header[4] = "would insert";
            header[5] = "would update";
            header[6] = "would delete";
        }
        rows.add(header);
        for (TableReport table : report.tables()) {
            var counters = table.counters();
            rows.add(new String[] {table.table(), table.strategy().configName(), number(counters.rangesCompared()),
                number(counters.rangesDifferent()), number(counters.inserted()), number(counters.updated()),
                number(counters.deleted()), bytes(counters.bytesRead()), seconds(table.elapsed().toMillis()),
                table.state().label(), table.checkedBy()});
        }
        StringBuilder text = new StringBuilder(format(rows));
        for (TableReport table : report.tables()) {
            table.error().ifPresent(error -> text.append(table.table()).append(": ").append(error).append('\n'));
            if (table.error().isEmpty()) {
                table.differences().forEach(note -> text.append(table.table()).append(": ").append(note).append('\n'));
            }
        }
        text.append(String.format(Locale.ROOT, "%d table(s) in %s: %s%n", report.tables().size(),
                seconds(report.elapsed().toMillis()), verdict(report, dryRun)));
        return text.toString();
    }

    private static String verdict(SyncReport report, boolean dryRun) {
        long differing = report.tables().stream().filter(table -> table.state() != TableState.IDENTICAL)
                .count();
        if (differing == 0) {
            return dryRun ? "nothing to change" : "all identical";
        }
        return differing + " still different" + (dryRun ? " (dry run: nothing was written)" : "");
    }

    /** Left-aligned text columns, right-aligned numbers, two spaces apart. */
    static String format(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                boolean numeric = i >= 2 && i <= 8;
                String cell = numeric ? " ".repeat(widths[i] - row[i].length()) + row[i]
                        : row[i] + " ".repeat(widths[i] - row[i].length());
                line.append(cell).append(i < columns - 1 ? "  " : "");
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String bytes(long value) {
        if (value < 1024) {
            return value + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double scaled = value;
        int unit = -1;
        while (scaled >= 1024 && unit < units.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", scaled, units[unit]);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
