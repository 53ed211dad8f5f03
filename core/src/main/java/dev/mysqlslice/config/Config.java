package dev.mysqlslice.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A whole, validated configuration.
 *
 * @param file     where it was read from, if anywhere
 * @param source   the server that is read
 * @param target   the server that is written
 * @param defaults settings tables inherit
 * @param tables   the configured tables in file order; empty means "every table of the source database"
 * @param daemon   how the daemon follows the binlog
 * @param throttle how work on the source holds back
 */
public record Config(Optional<Path> file, EndpointConfig source, EndpointConfig target, Defaults defaults,
                     List<TableConfig> tables, DaemonSettings daemon, ThrottleSettings throttle) {

    public Config {
        tables = List.copyOf(tables);
    }

    public Config withThrottle(ThrottleSettings newThrottle) {
        return new Config(file, source, target, defaults, tables, daemon, newThrottle);
    }

    public Optional<TableConfig> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** The config file's name for messages, or "the command line" when there is none. */
    public String origin() {
        return file.map(Path::toString).orElse("the command line");
    }

    public Config withTables(List<TableConfig> newTables) {
        return new Config(file, source, target, defaults, newTables, daemon, throttle);
    }
}
