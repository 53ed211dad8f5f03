package dev.mysqlslice.hash;

import dev.mysqlslice.jdbc.Session;
import java.time.Duration;
import java.util.Optional;

/**
 * One server in a comparison: its session, the row filter applied there (a slice root filters the
 * source only), and the time limit its scans carry (the source's, from {@code --chunk-time}).
 */
public record Side(Session session, Optional<String> filter, Optional<Duration> limit) {

    public Side(Session session, Optional<String> filter) {
        this(session, filter, Optional.empty());
    }

    /** This side with its scans limited to {@code newLimit}. */
    public Side limitedTo(Optional<Duration> newLimit) {
        return new Side(session, filter, newLimit);
    }

    /** {@code select} with this side's time limit in this server's dialect, when it has one. */
    public String limited(String select) {
        return limit.map(time -> session.dialect().limited(select, time)).orElse(select);
    }
}
