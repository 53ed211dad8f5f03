package dev.mysqlslice.throttle;

import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.KeptSession;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the source's global status variables for the throttle, on a session of its own (opened on
 * first use, kept, reopened after a failure), never gated itself.
 */
public final class SourceStatus implements Throttle.StatusProbe, AutoCloseable {

    private final KeptSession session;

    public SourceStatus(Connector connector, Endpoint source) {
        this.session = new KeptSession(connector, source);
    }

    /** {@code SHOW GLOBAL STATUS WHERE Variable_name IN ('A', 'B')}; names are letters, digits and '_' only. */
    static String query(Set<String> names) {
        return "SHOW GLOBAL STATUS WHERE Variable_name IN (" + names.stream()
                .map(name -> "'" + name.replaceAll("[^A-Za-z0-9_]", "") + "'").collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public synchronized Map<String, Long> read(Set<String> names) {
        Map<String, Long> values = new HashMap<>();
        session.use(source -> source.query(query(names), row -> {
            try {
                values.put(row.getString(1), Long.parseLong(row.getString(2).trim()));
            } catch (NumberFormatException e) {
                // Not a number (e.g. a status string): nothing to compare.
            }
            return null;
        }, "reading the source's load for the throttle"));
        return values;
    }

    @Override
    public synchronized void close() {
        session.close();
    }
}
