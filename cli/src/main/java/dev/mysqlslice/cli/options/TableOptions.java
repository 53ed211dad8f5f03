package dev.mysqlslice.cli.options;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --table}: the commands that work on configured tables can be limited to some of them. */
public final class TableOptions {

    @Option(names = {"-t", "--table"}, paramLabel = "TABLE", description = "Only this table (repeatable); for sync,"
            + " verify and the daemon a slice member selects its whole slice.")
    List<String> tables = new ArrayList<>();

    /** The tables named, in order; empty for all configured tables. */
    public List<String> tables() {
        return List.copyOf(tables);
    }
}
