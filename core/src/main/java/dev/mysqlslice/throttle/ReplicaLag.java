package dev.mysqlslice.throttle;

import dev.mysqlslice.config.Dsn;
import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.EndpointOverrides;
import dev.mysqlslice.config.PasswordSource;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.KeptSession;
import dev.mysqlslice.jdbc.Session;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far the source's replicas are behind, for {@code --max-lag}: {@code Seconds_Behind_Source}
 * (or {@code Seconds_Behind_Master}, whichever the server has) of each listed replica. A replica
 * that cannot be read, is not replicating, or is no replica at all counts as lagging, and the
 * reason says which. One session per replica, opened on first use and kept.
 */
public final class ReplicaLag implements Throttle.LagProbe, AutoCloseable {

    private final Connector connector;
    private final List<Endpoint> replicas;
    private final Duration maxLag;
    private final Map<Endpoint, KeptSession> sessions = new LinkedHashMap<>();

    public ReplicaLag(Connector connector, List<Endpoint> replicas, Duration maxLag) {
        this.connector = connector;
        this.replicas = List.copyOf(replicas);
        this.maxLag = maxLag;
    }

    /**
     * The replicas' endpoints from their DSNs ({@code h=replica1,P=3306}): the source's settings
     * (user, password, TLS) with what each DSN gives in their place.
     */
    public static List<Endpoint> endpoints(Endpoint source, List<String> dsns) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < dsns.size(); i++) {
            EndpointOverrides dsn = Dsn.parse(dsns.get(i), "throttle.replicas[" + i + "]").settings();
            EndpointConfig base = source.config();
            EndpointConfig replica = new EndpointConfig(base.role(), dsn.host().or(base::host),
                    dsn.port(),
                    dsn.socket(), dsn.user().orElse(base.user()), base.password(),
                    // The replica may not hold (or may filter) the synced database; any login works for the status.
                    dsn.database().orElse("information_schema"), base.sslMode(),
                    base.cipher(), base.tls(), base.allowPublicKeyRetrieval());
            Endpoint endpoint = new Endpoint(replica, dsn.password()
                    .filter(password -> password instanceof PasswordSource.Literal)
                    .map(password -> ((PasswordSource.Literal) password).secret())
                    .orElse(source.password()));
            endpoints.add(endpoint);
        }
        return endpoints;
    }

    public boolean isEmpty() {
        return replicas.isEmpty();
    }

    @Override
    public synchronized Optional<String> lagging() {
        for (Endpoint replica : replicas) {
            Optional<String> behind = behind(replica);
            if (behind.isPresent()) {
                return behind;
            }
        }
        return Optional.empty();
    }

    private Optional<String> behind(Endpoint replica) {
        String name = "replica " + replica.config().address();
        try {
            return sessions.computeIfAbsent(replica, endpoint -> new KeptSession(connector, endpoint))
                    .use(session -> behind(session, name));
        } catch (MysqlsliceException e) {
            return Optional.of(name + " cannot be read, so it counts as lagging: " + e.getMessage());
        }
    }

    /** Why the replica that {@code session} is connected to counts as lagging, if it does. */
    private Optional<String> behind(Session session, String name) {
        List<Optional<Long>> rows = session.query(session.dialect().replicaStatus(), row -> {
            ResultSetMetaData meta = row.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnLabel(i);
                if (column.equalsIgnoreCase("Seconds_Behind_Source") || column.equalsIgnoreCase("Seconds_Behind_Master")) {
                    String value = row.getString(i);
                    return Optional.ofNullable(value).map(Long::parseLong);
                }
            }
            return Optional.<Long>empty();
        }, "reading how far " + name + " is behind");
        if (rows.isEmpty()) {
            return Optional.of(name + " is not replicating from anything (" + session.dialect().replicaStatus()
                    + " is empty); remove it from throttle.replicas");
        }
        Optional<Long> seconds = rows.get(0);
        if (seconds.isEmpty()) {
            return Optional.of(name + " is not replicating (its SQL or IO thread is stopped: seconds behind is NULL)");
        }
        if (seconds.get() > maxLag.toSeconds()) {
            return Optional.of(name + " is " + seconds.get() + " s behind (--max-lag " + maxLag.toSeconds() + " s)");
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        sessions.values().forEach(KeptSession::close);
        sessions.clear();
    }
}
