package dev.mysqlslice.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The peer tools the chosen scenarios run, and which of them are missing from the PATH: without
 * this check a missing tool shows up as rows of 0.00 s that did not converge, and the target is
 * left unrepaired for the next scenario.
 */
final class PeerTools {

    /** Each scenario's peer tools. */
    private static final Map<String, List<String>> BY_SCENARIO = Map.of(
            "S1", List.of("mysqldump", "mysql", "mydumper", "myloader"),
            "S2", List.of("pt-table-sync"),
            "S3", List.of("pt-table-sync"),
            "S4", List.of("pt-table-sync"));

    private PeerTools() {
    }

    /**
     * The tools {@code scenarios} need that no directory of {@code path} holds as an executable,
     * each with the scenarios that need it.
     */
    static Map<String, List<String>> missing(Set<String> scenarios, String path) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (String scenario : scenarios) {
            for (String tool : BY_SCENARIO.getOrDefault(scenario, List.of())) {
                if (!onPath(tool, path)) {
                    missing.computeIfAbsent(tool, name -> new ArrayList<>()).add(scenario);
                }
            }
        }
        return missing;
    }

    /** The one-line error for missing tools, naming the fix. */
    static String error(Map<String, List<String>> missing) {
        StringBuilder line = new StringBuilder("mysqlslice-bench: not installed:");
        missing.forEach((tool, scenarios) -> line.append(' ').append(tool).append(" (")
                .append(String.join(", ", scenarios)).append(')'));
        return line.append("; run ./mysqlslice-bench, which installs percona-toolkit and mydumper, or pass --no-peers")
                .toString();
    }

    private static boolean onPath(String tool, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, tool);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            }
        }
        return false;
    }
}
